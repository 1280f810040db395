import CSV
import Foundation
import Rendering
import ReportModel
import Testing

@Suite struct CSVReportRendererTests {
    func render(_ language: ReportLanguage, bom: Bool = true) throws -> (servers: Data, directories: Data) {
        let folder = try RenderingFixtures.temporaryFolder()
        defer { RenderingFixtures.remove(folder) }
        let context = try RenderingFixtures.context(
            RenderingFixtures.hostileSnapshot(), language: language, formats: [.csv],
            options: RenderOptions(csvByteOrderMark: bom))
        let files = try CSVReportRenderer().render(context, to: folder)
        #expect(files.map(\.lastPathComponent) == ["report.csv", "report-directories.csv"])
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted()
        #expect(leftovers == ["report-directories.csv", "report.csv"])
        return (try Data(contentsOf: files[0]), try Data(contentsOf: files[1]))
    }

    func rows(_ data: Data) throws -> [[String]] {
        var text = String(decoding: data, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let reader = try CSVReader(string: text, hasHeaderRow: false)
        var rows: [[String]] = []
        while let row = reader.next() { rows.append(row) }
        return rows
    }

    @Test func serversTableInEnglish() throws {
        let (servers, _) = try render(.enUS)
        #expect(servers.starts(with: [0xEF, 0xBB, 0xBF]))
        let rows = try rows(servers)
        #expect(
            rows[0] == [
                "Source server", "Source ID", "Task IDs", "Status", "Directories", "Total files", "Different files",
                "Missing on target", "Extra on target", "Verified at (UTC)", "Error",
            ])
        #expect(rows.count == 10)
        // Worst first: inconsistent servers, then errors, then not verified, then consistent.
        #expect(rows[1...].map { $0[3] }.first == "Inconsistent")
        let script = try #require(rows.first { $0[2] == "t-script" })
        #expect(
            script == [
                "<script>alert(1)</script>", "s-script", "t-script", "Inconsistent", "1", "1235", "12", "3", "1",
                "2020-08-26T09:56:41Z", "",
            ])
        let formula = try #require(rows.first { $0[2] == "t-formula" })
        #expect(formula[0] == "'=HYPERLINK(\"http://evil.example\",\"click\")")
        #expect(formula[9] == "2020-08-26T09:56:41Z")  // seconds, not milliseconds
        let missing = try #require(rows.first { $0[2] == "t-404 <x>" })
        #expect(missing[3] == "Error")
        #expect(missing[10] == "SMS.6004: Task <t-404> not found & \"gone\" (HTTP 404)")
        let control = try #require(rows.first { $0[2] == "t-control" })
        #expect(control[0] == "ctrl\u{01}\u{02}\u{07}\u{0B}\u{0C}\u{1B}\u{7F}\u{85} end _x0041_ literal")
        #expect(control[9] == "")
        let long = try #require(rows.first { $0[2] == "t-long" })
        #expect(long[0].count == 40_000)
    }

    @Test func linesEndWithCRLF() throws {
        let (servers, directories) = try render(.enUS, bom: false)
        #expect(!servers.starts(with: [0xEF, 0xBB, 0xBF]))
        for data in [servers, directories] {
            let text = String(decoding: data, as: UTF8.self)
            #expect(text.hasSuffix("\r\n"))
            // Every LF outside quoted fields is preceded by CR: the only bare LF is inside the quoted directory name.
            let bareLF = zip(Array(data.dropFirst()), Array(data.dropLast())).filter { $0.0 == 0x0A && $0.1 != 0x0D }
                .count
            #expect(bareLF == (data == directories ? 1 : 0))
        }
    }

    @Test func directoriesTableInChinese() throws {
        let (_, directories) = try render(.zhCN)
        let rows = try rows(directories)
        #expect(rows[0] == ["源端服务器", "源端ID", "任务ID", "目录", "文件总数", "不一致文件数", "目的端缺少文件数", "目的端多余文件数", "状态"])
        #expect(rows.count == 1 + 8)
        let formulaDirs = rows.filter { $0[2] == "t-formula" }.map { $0[3] }
        #expect(formulaDirs == ["'+cmd|' /C calc'!A0", "'-2+3", "'@SUM(A1)"])
        #expect(rows.filter { $0[2] == "t-script" }.map { $0[8] } == ["不一致"])
        #expect(rows.filter { $0[2] == "t-attr" }.map { $0[8] } == ["一致"])
        #expect(rows.contains { $0[3] == "/tab\there/new\nline\r\n" && $0[8] == "不一致" })
    }
}
