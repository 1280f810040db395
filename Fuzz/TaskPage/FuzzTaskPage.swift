@testable import SMSAPI

/// libFuzzer entry: any bytes as a `GET /v3/tasks` page (discovery); refused or read, never a trap.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTaskPage(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let body = start.map { Array(UnsafeRawBufferPointer(start: $0, count: count)) } ?? []
    guard let page = try? TaskPage.decode(body: body) else { return 0 }
    if page.count < 0 { fatalError("negative count") }
    if page.tasks.contains(where: { $0.id.isEmpty }) { fatalError("a task without an id") }
    return 0
}
