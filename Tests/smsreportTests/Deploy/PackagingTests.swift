import Foundation
import Testing

/// The Debian package's systemd units and example config (packaging/, SPEC 8.5) agree with each other and with the
/// SPEC; `scripts/check-deb` checks the built package itself (lintian, `systemd-analyze verify`, a run, a purge).
@Suite struct PackagingTests {
    static let packaging = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("packaging")

    /// The `Key=value` lines of a unit file, every value of a repeated key in order.
    static func unit(_ name: String) throws -> [String: [String]] {
        let text = try String(contentsOf: packaging.appendingPathComponent("systemd/\(name)"), encoding: .utf8)
        var keys: [String: [String]] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") && !line.hasPrefix("[") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            keys[String(line[..<equals]), default: []].append(String(line[line.index(after: equals)...]))
        }
        return keys
    }

    /// The value of a top-level `key:` in the example config (the packaged /etc/smsreport/example.yaml).
    static func exampleValue(_ key: String) throws -> String? {
        let text = try String(contentsOf: packaging.appendingPathComponent("debian/example.yaml"), encoding: .utf8)
        for line in text.split(separator: "\n") where line.hasPrefix("\(key):") {
            return line.dropFirst(key.count + 1).trimmingCharacters(in: .whitespaces)
        }
        return nil
    }

    /// Seconds of a span in the forms the unit and the config use: `2h 15min`, `90m`, `2h`, `300s`, `45`.
    static func seconds(_ span: String) -> Int? {
        let units: [(suffix: String, seconds: Int)] = [("min", 60), ("h", 3600), ("m", 60), ("s", 1)]
        var total = 0
        for part in span.split(separator: " ") {
            let unit = units.first { part.hasSuffix($0.suffix) } ?? ("", 1)
            guard let number = Int(part.dropLast(unit.suffix.count)) else { return nil }
            total += number * unit.seconds
        }
        return span.isEmpty ? nil : total
    }

    @Test func spansParseAsSystemdAndTheConfigWriteThem() {
        #expect(Self.seconds("2h 15min") == 8100)
        #expect(Self.seconds("90m") == 5400)
        #expect(Self.seconds("300s") == 300)
        #expect(Self.seconds("45") == 45)
        #expect(Self.seconds("soon") == nil)
    }

    @Test func theUnitsTimeLimitLeavesTheRunTimeToWriteItsReportsAfterTheDeadline() throws {
        let limit = try #require(Self.unit("smsreport@.service")["TimeoutStartSec"]?.last.flatMap(Self.seconds))
        let deadline = try #require(try Self.exampleValue("deadline").flatMap(Self.seconds))
        // At the deadline the run stops asking and writes what it has; systemd's limit must not cut that short.
        #expect(limit >= deadline + 10 * 60, "TimeoutStartSec \(limit) s, deadline \(deadline) s")
        #expect(limit <= deadline + 30 * 60, "a hung run should not hold the unit much past the deadline")
        let pdfTimeout = try #require(try Self.exampleValue("pdf_timeout").flatMap(Self.seconds))
        #expect(pdfTimeout < deadline)
    }

    @Test func theServiceIsTheHardenedOneshotOfSpec85() throws {
        let service = try Self.unit("smsreport@.service")
        #expect(service["Type"] == ["oneshot"])
        #expect(service["User"] == ["smsreport"])
        #expect(service["ExecStart"] == ["/usr/bin/smsreport run --config /etc/smsreport/%i.yaml"])
        #expect(service["LoadCredential"] == ["huaweicloud:/etc/smsreport/credentials"])
        #expect(service["ReadWritePaths"] == ["/var/lib/smsreport"])
        #expect(service["StateDirectory"]?.first?.split(separator: " ").first == "smsreport")
        for (key, value) in [
            ("NoNewPrivileges", "yes"), ("ProtectSystem", "strict"), ("ProtectHome", "yes"), ("PrivateTmp", "yes"),
        ] {
            #expect(service[key] == [value], "\(key)")
        }
    }

    @Test func theTimerRunsNightlyAndCatchesUp() throws {
        let timer = try Self.unit("smsreport@.timer")
        #expect(timer["OnCalendar"] == ["*-*-* 02:15:00"])
        #expect(timer["Persistent"] == ["true"])
        #expect(timer["RandomizedDelaySec"] == ["15m"])
        #expect(timer["WantedBy"] == ["timers.target"])
    }

    @Test func theExampleWritesOnlyWhereTheServiceMay() throws {
        let out = try #require(try Self.exampleValue("out"))
        #expect(out.hasPrefix("/var/lib/smsreport/") && out.contains("{date}"), "out: \(out)")
        let metrics = try #require(try Self.exampleValue("metrics_file"))
        #expect(metrics.hasPrefix("/var/lib/smsreport/"), "metrics_file: \(metrics)")
        #expect(try Self.exampleValue("credentials") == "profile")
        // One of manifest: and discover: (SPEC 8.5: both, or neither, is exit 2).
        #expect(try (Self.exampleValue("manifest") != nil) != (Self.exampleValue("discover") != nil))
    }
}
