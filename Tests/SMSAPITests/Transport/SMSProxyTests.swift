import SMSAPI
import Testing

/// Proxy URLs and the curl conventions for `HTTPS_PROXY` / `HTTP_PROXY` / `NO_PROXY`.
@Suite struct SMSProxyTests {
    static let https = try! SMSEndpoint(url: "https://sms.cn-north-4.myhuaweicloud.com")
    static let http = try! SMSEndpoint(url: "http://127.0.0.1:8080")

    @Test func parsesUserPasswordHostAndPort() throws {
        let proxy = try SMSProxy(url: "http://ops%40corp:p%3Ass@proxy.corp:3128", source: "--proxy")
        #expect(proxy.host == "proxy.corp" && proxy.port == 3128)
        #expect(proxy.username == "ops@corp" && proxy.password == "p:ss")
        #expect(proxy.description == "http://ops@corp:***@proxy.corp:3128")
        #expect(!proxy.description.contains("p:ss"))
    }

    @Test func aBareHostIsHTTPOnCurlsDefaultPort() throws {
        let proxy = try SMSProxy(url: "proxy.corp", source: "HTTPS_PROXY")
        #expect(proxy.host == "proxy.corp" && proxy.port == 1080 && proxy.username == nil)
    }

    @Test(arguments: [
        "socks5://u:Secret-9@h:1080", "https://u:Secret-9@h:443", "http://u:Secret-9@h:3128/path", "http://:3128",
    ])
    func refusesWhatItCannotUseWithoutShowingThePassword(_ url: String) {
        #expect {
            try SMSProxy(url: url, source: "--proxy")
        } throws: { error in
            let text = "\(error)"
            return text.hasPrefix("--proxy") && !text.contains("Secret-9")
        }
    }

    @Test func environmentPicksTheVariableForTheScheme() throws {
        let environment = ["HTTPS_PROXY": "http://tls-proxy:3128", "http_proxy": "http://plain-proxy:3128"]
        #expect(try SMSProxy.fromEnvironment(environment, for: Self.https)?.host == "tls-proxy")
        #expect(try SMSProxy.fromEnvironment(environment, for: Self.http)?.host == "plain-proxy")
        #expect(try SMSProxy.fromEnvironment(["ALL_PROXY": "http://all:1"], for: Self.https)?.host == "all")
        #expect(
            try SMSProxy.fromEnvironment(
                ["https_proxy": "http://lower:1", "HTTPS_PROXY": "http://upper:1"], for: Self.https)?.host == "lower")
        #expect(try SMSProxy.fromEnvironment(["HTTPS_PROXY": ""], for: Self.https) == nil)
        #expect(try SMSProxy.fromEnvironment([:], for: Self.https) == nil)
    }

    @Test func noProxyInTheEnvironmentExempts() throws {
        let environment = ["HTTPS_PROXY": "http://p:1", "no_proxy": ".myhuaweicloud.com"]
        #expect(try SMSProxy.fromEnvironment(environment, for: Self.https) == nil)
    }

    @Test(arguments: [
        ("*", "sms.example.com", 443, true),
        ("example.com", "sms.example.com", 443, true),
        (".example.com", "sms.example.com", 443, true),
        ("example.com", "example.com", 443, true),
        ("example.com", "badexample.com", 443, false),
        ("other.org, example.com", "sms.example.com", 443, true),
        ("other.org example.com", "sms.example.com", 443, true),
        ("example.com:443", "sms.example.com", 443, true),
        ("example.com:8443", "sms.example.com", 443, false),
        ("127.0.0.1", "127.0.0.1", 8080, true),
        ("127.0.0.1:8080", "127.0.0.1", 8080, true),
        ("127.0.0.2", "127.0.0.1", 8080, false),
        ("[::1]:8080", "::1", 8080, true),
        ("::1", "::1", 8080, true),
        ("EXAMPLE.COM", "sms.example.com", 443, true),
        ("", "sms.example.com", 443, false),
    ])
    func noProxyRules(_ list: String, _ host: String, _ port: Int, _ bypassed: Bool) {
        #expect(SMSProxy.bypasses(host: host, port: port, noProxy: list) == bypassed)
    }
}
