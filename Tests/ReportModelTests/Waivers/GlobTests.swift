import ReportModel
import Testing

@Suite struct GlobTests {
    @Test(arguments: [
        ("/var/log*", "/var/log", true),
        ("/var/log*", "/var/log/nginx", true),
        ("/var/log*", "/var/lib", false),
        ("/var/log*", "/opt/var/log", false),
        ("/data/?", "/data/a", true),
        ("/data/?", "/data/ab", false),
        ("/data/[abc]x", "/data/bx", true),
        ("/data/[abc]x", "/data/dx", false),
        ("/data/[a-c]", "/data/c", true),
        ("/data/[!a-c]", "/data/c", false),
        ("/data/[^a-c]", "/data/d", true),
        ("/data/[]]", "/data/]", true),
        ("*", "", true),
        ("*sms*", "/opt/sms-agent/tmp", true),
        ("/a\\*b", "/a*b", true),
        ("/a\\*b", "/aXb", false),
        ("a*b*c", "axxbyyc", true),
        ("a*b*c", "axxbyy", false),
        ("/数据/*", "/数据/日志", true),
    ])
    func matches(pattern: String, text: String, expected: Bool) throws {
        #expect(try Glob(pattern).matches(text) == expected)
    }

    @Test(arguments: ["", "/var/[log", "/x\\", "/[z-a]", "[!"])
    func rejectsBadPatterns(pattern: String) {
        #expect(throws: Glob.SyntaxError.self) { try Glob(pattern) }
    }

    /// Many stars against a long non-matching text stay fast: no exponential backtracking.
    @Test func manyStarsStayLinear() throws {
        let glob = try Glob(String(repeating: "*a", count: 30) + "b")
        let clock = ContinuousClock()
        let elapsed = clock.measure { #expect(!glob.matches(String(repeating: "a", count: 5_000))) }
        #expect(elapsed < .seconds(2))
    }
}
