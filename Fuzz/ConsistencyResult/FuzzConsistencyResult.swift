import FuzzDriver
import ReportModel

@testable import SMSAPI

/// One fuzz input: any bytes as a `GET …/consistency-result` body (all three shapes), then the counts summed
/// and the ratio taken as the report does; a body may be refused, but nothing may trap.
func fuzzConsistencyResult(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let body = start.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
    guard let result = try? TaskConsistencyResult.decode(body: body) else { return 0 }
    var sum = FileCounts.zero
    for directory in result.directories {
        let counts = [directory.total, directory.different, directory.missingOnTarget, directory.extraOnTarget]
        // SPEC 2.4: a decoded count is always 0…2^53; anything else must have been refused.
        if counts.contains(where: { $0 < 0 || $0 > FileCounts.maximumCount }) { fatalError("count out of range") }
        sum += FileCounts(
            total: directory.total, different: directory.different, missingOnTarget: directory.missingOnTarget,
            extraOnTarget: directory.extraOnTarget)
    }
    if let ratio = sum.consistencyBasisPoints, !(0...10_000).contains(ratio) { fatalError("ratio out of range") }
    if let time = result.finishedTimeMilliseconds, time <= 0 { fatalError("finished time not positive") }
    return 0
}

/// The executable's entry point (SwiftPM's name for `main` in a debug build): libFuzzer on ``fuzzConsistencyResult``.
@_cdecl("FuzzConsistencyResult_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.run(argc, argv) { fuzzConsistencyResult($0, $1) }
}
