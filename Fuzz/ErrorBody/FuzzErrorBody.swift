import SMSAPI

/// libFuzzer entry: any bytes as an error body, then the error built from it described as the tool prints it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzErrorBody(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let body = start.map { Array(UnsafeRawBufferPointer(start: $0, count: count)) } ?? []
    guard let decoded = SMSErrorBody(bytes: body) else { return 0 }
    if decoded.code == nil && decoded.message == nil { fatalError("an error body without code and message") }
    // The redactor runs over every printed error; it must cope with whatever text the body held.
    let redactor = SecretRedactor(secrets: ["fuzz-secret-value", decoded.code ?? ""])
    _ = redactor.redact((decoded.message ?? "") + (decoded.requestID ?? ""))
    return 0
}
