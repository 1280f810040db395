import FuzzDriver
import SMSAPI

/// One fuzz input: any bytes as an error body, then the error built from it described as the tool prints it.
func fuzzErrorBody(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let body = start.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
    guard let decoded = SMSErrorBody(bytes: body) else { return 0 }
    if decoded.code == nil && decoded.message == nil { fatalError("an error body without code and message") }
    // The redactor runs over every printed error; it must cope with whatever text the body held.
    let redactor = SecretRedactor(secrets: ["fuzz-secret-value", decoded.code ?? ""])
    _ = redactor.redact((decoded.message ?? "") + (decoded.requestID ?? ""))
    return 0
}

/// The executable's entry point (SwiftPM's name for `main` in a debug build): libFuzzer on ``fuzzErrorBody``.
@_cdecl("FuzzErrorBody_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.run(argc, argv) { fuzzErrorBody($0, $1) }
}
