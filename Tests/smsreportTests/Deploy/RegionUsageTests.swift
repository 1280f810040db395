import Foundation
import TestSupport
import Testing

/// A `--region` that is not a region ID is a usage error listing the known regions, before any request.
@Suite struct RegionUsageTests {
    @Test(arguments: ["https://sms.cn-north-4.myhuaweicloud.com", "sms.cn-north-4.myhuaweicloud.com", "CN North 4"])
    func aURLOrHostAsRegionExits2(_ region: String) async throws {
        let folder = try EndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try await CommandRunner.run(
            ["run", "--manifest", "tasks.csv", "--region", region, "--dry-run", "--out", folder.path + "/out"],
            environment: ["HUAWEICLOUD_AUTH_TOKEN": EndToEndTests.token], directory: folder)
        #expect(result.exitCode == 2, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("not a region ID"), "stderr: \(result.stderr)")
        #expect(result.stderr.contains("cn-north-4, ap-southeast-3, my-kualalumpur-1, ru-moscow-1"))
        #expect(!result.stderr.contains("sms.https"))
    }
}
