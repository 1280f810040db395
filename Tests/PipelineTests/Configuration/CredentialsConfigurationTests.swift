import Pipeline
import SMSAPI
import Testing

/// `credentials:` in the config (SPEC 8.1): one of the five modes, anything else an error naming the line.
@Suite struct CredentialsConfigurationTests {
    @Test(arguments: CredentialsMode.allCases)
    func eachModeIsRead(_ mode: CredentialsMode) throws {
        let configuration = try ReportConfiguration(
            yaml: "region: cn-north-4\ncredentials: \(mode.rawValue)\n", file: "c.yaml")
        #expect(configuration.credentials == mode)
    }

    @Test func absentMeansNoChoice() throws {
        #expect(try ReportConfiguration(yaml: "region: cn-north-4\n", file: "c.yaml").credentials == nil)
    }

    @Test func anUnknownModeIsAnErrorNamingTheLineAndTheModes() {
        #expect {
            _ = try ReportConfiguration(yaml: "region: cn-north-4\ncredentials: metadata\n", file: "c.yaml")
        } throws: { error in
            "\(error)".contains("c.yaml:2: credentials: must be one of auto, token, env, profile, ecs")
        }
    }
}
