import FuzzDriver
@testable import SMSAPI

/// One fuzz input: any bytes as a `GET /v3/tasks` page (discovery); refused or read, never a trap.
func fuzzTaskPage(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let body = start.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
    guard let page = try? TaskPage.decode(body: body) else { return 0 }
    if page.count < 0 { fatalError("negative count") }
    if page.tasks.contains(where: { $0.id.isEmpty }) { fatalError("a task without an id") }
    return 0
}

/// The executable's entry point (SwiftPM's name for `main` in a debug build): libFuzzer on ``fuzzTaskPage``.
@_cdecl("FuzzTaskPage_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.run(argc, argv) { fuzzTaskPage($0, $1) }
}
