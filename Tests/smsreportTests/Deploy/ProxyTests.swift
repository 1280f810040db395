import Foundation
import SMSMock
import TestSupport
import Testing

/// The binary through a real proxy on loopback (tinyproxy), plain HTTP and HTTPS with CONNECT (SPEC 1 "Proxy").
@Suite(
    .serialized,
    .enabled(if: LoopbackTools.available("tinyproxy"), "tinyproxy is not installed (apt-get install tinyproxy)"))
struct ProxyTests {
    static let user = "relay-user"
    static let password = "pr0xy-Passw0rd-77"

    /// Runs the binary against a small mock world (HTTPS when `tls`, trusted with `--ca-file`) with `environment`
    /// and `arguments` added; returns its result and the mock's port.
    static func runThroughProxy(
        tls: Bool, arguments: [String] = [], environment: [String: String], in folder: URL
    ) async throws -> (CommandRunner.Result, Int) {
        let world = MockWorld.synthetic(taskCount: 3, seed: 4)
        let manifest = try EndToEndTests.manifest(world, in: folder)
        let certificates = try tls ? TestCertificates(in: folder) : nil
        let mockTLS = certificates.map {
            MockTLS(certificatePath: $0.serverCertificate.path, keyPath: $0.serverKey.path)
        }
        let (result, port) = try await EndToEndTests.withMock(world, tls: mockTLS) { endpoint in
            var full = [
                "run", "--manifest", manifest.path, "--endpoint", endpoint.absoluteString, "--retries", "0",
                "--out", folder.appendingPathComponent("out").path,
            ]
            if let certificates { full += ["--ca-file", certificates.caFile.path] }
            let result = try await CommandRunner.run(
                full + arguments,
                environment: environment.merging(["HUAWEICLOUD_AUTH_TOKEN": EndToEndTests.token]) { $1 })
            return (result, endpoint.port ?? 0)
        }.0
        return (result, port)
    }

    /// A fresh temporary folder.
    static func folder() throws -> URL { try EndToEndTests.temporaryFolder() }

    /// Every file the run wrote, as text, to look for secrets in.
    static func writtenText(_ folder: URL) -> String {
        let walker = FileManager.default.enumerator(
            at: folder.appendingPathComponent("out"), includingPropertiesForKeys: nil)
        var text = ""
        while let url = walker?.nextObject() as? URL {
            if let data = try? Data(contentsOf: url) { text += String(decoding: data, as: UTF8.self) }
        }
        return text
    }

    @Test func plainHTTPGoesThroughTheProxyFromHTTPProxy() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let proxy = try Tinyproxy(in: folder, credentials: (Self.user, Self.password))
        defer { proxy.stop() }
        let (result, port) = try await Self.runThroughProxy(
            tls: false,
            environment: ["HTTP_PROXY": "http://\(Self.user):\(Self.password)@127.0.0.1:\(proxy.port)"], in: folder)
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        #expect(proxy.log.contains("127.0.0.1:\(port)"), "tinyproxy saw no request for the mock: \(proxy.log)")
        for text in [result.stdout, result.stderr, Self.writtenText(folder)] {
            #expect(!text.contains(Self.password), "the proxy password leaked")
        }
    }

    @Test func httpsGoesThroughTheProxyWithCONNECT() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let proxy = try Tinyproxy(in: folder, credentials: (Self.user, Self.password))
        defer { proxy.stop() }
        let (result, port) = try await Self.runThroughProxy(
            tls: true, environment: ["https_proxy": "http://\(Self.user):\(Self.password)@127.0.0.1:\(proxy.port)"],
            in: folder)
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        #expect(proxy.log.contains("CONNECT 127.0.0.1:\(port)"), "no CONNECT for the mock: \(proxy.log)")
        #expect(!result.stderr.contains(Self.password) && !Self.writtenText(folder).contains(Self.password))
    }

    @Test func proxyFlagOverridesTheEnvironment() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let proxy = try Tinyproxy(in: folder)
        defer { proxy.stop() }
        let (deadSocket, dead) = try LoopbackTools.refusingPort()
        defer { close(deadSocket) }
        let (result, port) = try await Self.runThroughProxy(
            tls: false, arguments: ["--proxy", "http://127.0.0.1:\(proxy.port)"],
            environment: ["HTTP_PROXY": "http://127.0.0.1:\(dead)"], in: folder)
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        #expect(proxy.log.contains("127.0.0.1:\(port)"))
    }

    @Test func aWrongProxyPasswordStopsTheRunWithoutShowingIt() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let proxy = try Tinyproxy(in: folder, credentials: (Self.user, Self.password))
        defer { proxy.stop() }
        let wrong = "Wr0ng-proxy-secret-19"
        let (result, _) = try await Self.runThroughProxy(
            tls: false, arguments: ["--proxy", "http://\(Self.user):\(wrong)@127.0.0.1:\(proxy.port)"],
            environment: [:], in: folder)
        #expect(result.exitCode == 1, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("proxy") && result.stderr.contains("password"), "stderr: \(result.stderr)")
        #expect(!result.stderr.contains(wrong) && !result.stdout.contains(wrong))
        #expect(!result.stderr.contains(Data("\(Self.user):\(wrong)".utf8).base64EncodedString()))
    }

    @Test func noProxyExemptsTheEndpoint() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (deadSocket, dead) = try LoopbackTools.refusingPort()
        defer { close(deadSocket) }
        let (bypassed, _) = try await Self.runThroughProxy(
            tls: false, environment: ["http_proxy": "http://127.0.0.1:\(dead)", "NO_PROXY": "localhost,127.0.0.1"],
            in: folder)
        #expect(bypassed.exitCode == 0, "stderr: \(bypassed.stderr)")
        let (proxied, _) = try await Self.runThroughProxy(
            tls: false, environment: ["http_proxy": "http://127.0.0.1:\(dead)", "NO_PROXY": "example.com"],
            in: folder)
        #expect(proxied.exitCode == 1, "a dead proxy must stop the run; stderr: \(proxied.stderr)")
    }

    @Test func anUnsupportedProxyURLIsAUsageError() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try await CommandRunner.run(
            [
                "run", "--manifest", "x.csv", "--endpoint", "https://127.0.0.1:9", "--proxy",
                "socks5://u:Sock-Secret-1@h:1080",
                "--out", folder.appendingPathComponent("out").path,
            ],
            environment: ["HUAWEICLOUD_AUTH_TOKEN": EndToEndTests.token])
        #expect(result.exitCode == 2, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("--proxy"))
        #expect(!result.stderr.contains("Sock-Secret-1"))
    }
}
