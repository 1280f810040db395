import Foundation
import ReportModel
import Testing

@testable import Rendering

/// The printed forms: the PDF (headless Chromium, pdftotext) and the XLSX page setup read back with openpyxl.
@Suite struct HandoverPrintTests {
    static let chromium = PDFReportRenderer.findBrowser()
    static let poppler = FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext")
    static let openpyxl = run("/usr/bin/env", ["python3", "-c", "import openpyxl"]).status == 0

    /// Runs a program and returns its exit status and standard output.
    static func run(_ program: String, _ arguments: [String]) -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return (-1, "") }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// A snapshot of `count` servers, one in ten inconsistent, each with two directories.
    static func servers(_ count: Int) -> ResultsSnapshot {
        var snapshot = HTMLRendering.plain()
        snapshot.tasks = (0..<count).map { index in
            TaskRecord(
                taskID: String(format: "%08x-0000-4000-8000-%012x", index, index), sourceID: "src-\(index)",
                sourceName: "server-\(index)", finishedTime: 1_794_980_000_000,
                directories: (0..<2).map { d in
                    DirectoryResult(
                        path: "/data/volume\(d)",
                        counts: FileCounts(total: 1_000 + index, different: index % 10 == 0 && d == 0 ? 3 : 0))
                })
        }
        return snapshot
    }

    @Test(.enabled(if: chromium != nil && poppler, "needs chromium and poppler-utils"), .timeLimit(.minutes(2)))
    func pdfHasTheReportsTextPageNumbersAndNoURL() throws {
        let report = HandoverRendering.report(
            formats: [.pdf], zone: "Asia/Shanghai",
            handover: HandoverContext(customer: "ACME Ltd", reference: "CHG-42", preparedBy: "Zhang San"))
        var context = try HandoverRendering.context(report, snapshot: Self.servers(300))
        context.options.browser = Self.chromium
        let first = try HandoverRendering.render(PDFReportRenderer(), context)[0]
        #expect(first.lastPathComponent == "report.pdf")
        let bytes = try Data(contentsOf: first)
        #expect(bytes.starts(with: Array("%PDF-".utf8)))
        let info = Self.run("/usr/bin/pdfinfo", [first.path]).output
        let pages = try #require(
            HTMLRendering.matches(of: #"Pages:\s+(\d+)"#, in: info, group: 1).first.flatMap { Int($0) })
        // 300 servers, 30 with problems: the problems in full, the rest by name — a few pages.
        #expect(pages >= 2 && pages <= 8, "\(pages) pages")
        #expect(info.contains("A4") || info.contains("595."), "\(info)")
        let text = Self.run("/usr/bin/pdftotext", ["-layout", first.path, "-"]).output
        #expect(text.contains("ACME Ltd") && text.contains("CHG-42"))
        #expect(text.contains("What “consistent” means here") || text.contains("What \"consistent\" means here"))
        #expect(text.contains("Page 1 of \(pages)"))
        #expect(text.contains("Approved by"))
        #expect(text.contains("(UTC+08:00)"))
        // The directory detail the PDF carries, and says it carries: every directory with differences (volume0 of
        // the 30 inconsistent servers), each server's consistent directories counted (volume1), no other directory.
        #expect(text.components(separatedBy: "/data/volume0").count - 1 == 30)
        #expect(!text.contains("/data/volume1"))
        let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        #expect(words.joined(separator: " ").contains("counts its consistent directories without listing them"))
        #expect(HTMLRendering.count("1 (1,", in: text) == 30, "\(text)")
        // Every server is in it: the 30 problem servers in the table, the 270 consistent ones by name.
        #expect(text.contains("Consistent servers (270)"))
        let names = Set(words)
        #expect((0..<300).allSatisfy { names.contains("server-\($0)") })
        #expect(!text.contains("http://") && !text.contains("https://") && !text.contains("file://"))
        #expect(!String(decoding: bytes, as: UTF8.self).contains("/URI"))
        // The dates Chromium stamps are pinned to the generation time: the same input prints the same text and dates.
        let second = try HandoverRendering.render(PDFReportRenderer(), context)[0]
        #expect(Self.run("/usr/bin/pdftotext", ["-layout", second.path, "-"]).output == text)
        #expect(String(decoding: bytes, as: UTF8.self).contains("D:20261118110640"))
    }

    @Test(.enabled(if: chromium != nil && poppler, "needs chromium and poppler-utils"), .timeLimit(.minutes(2)))
    func chinesePDFIsInChinese() throws {
        var context = try HandoverRendering.context(
            HandoverRendering.report(.zhCN, formats: [.pdf], zone: "Asia/Shanghai"))
        context.options.browser = Self.chromium
        let pdf = try HandoverRendering.render(PDFReportRenderer(), context)[0]
        let text = Self.run("/usr/bin/pdftotext", [pdf.path, "-"]).output
        #expect(text.contains("北京时间"))
        #expect(text.range(of: #"第\s*1\s*页"#, options: .regularExpression) != nil)
        #expect(text.contains("审批人"))
    }

    @Test func missingBrowserFailsClearly() throws {
        var context = try HandoverRendering.context(HandoverRendering.report(formats: [.pdf]))
        context.options.browser = "/nonexistent/chromium"
        #expect(throws: PDFPrintError.self) { try HandoverRendering.render(PDFReportRenderer(), context) }
        #expect(PDFReportRenderer.findBrowser(environment: ["PATH": "/nonexistent"]) == nil)
    }

    @Test func pdfDatesArePinnedInPlace() {
        var data = Data("<< /CreationDate (D:20991231235959+05'30') /ModDate (D:20991231235959Z) >>".utf8)
        let length = data.count
        PDFStamp.pin(&data, to: Date(timeIntervalSince1970: 1_795_000_000))
        #expect(data.count == length)
        #expect(
            String(decoding: data, as: UTF8.self)
                == "<< /CreationDate (D:20261118110640+00'00') /ModDate (D:20261118110640Z) >>")
    }

    @Test(.enabled(if: openpyxl, "needs python3 with openpyxl"))
    func xlsxPageSetupReadsBackWithOpenpyxl() throws {
        for language in ReportLanguage.allCases {
            let context = try HandoverRendering.context(
                HandoverRendering.report(language, formats: [.xlsx]), snapshot: Self.servers(40))
            let url = try HandoverRendering.render(XLSXReportRenderer(), context)[0]
            let script = """
                import sys, openpyxl
                wb = openpyxl.load_workbook(sys.argv[1])
                for ws in wb.worksheets:
                    ps = ws.page_setup
                    print(ws.title, ps.orientation, ps.paperSize, ps.fitToWidth, ps.fitToHeight,
                          ws.sheet_properties.pageSetUpPr.fitToPage, ws.print_title_rows,
                          max((ws.column_dimensions[c].width or 0) for c in "BC"))
                print("font", wb._fonts[0].name)
                """
            let result = Self.run("/usr/bin/env", ["python3", "-c", script, url.path])
            #expect(result.status == 0)
            let lines = result.output.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
            #expect(lines.count == 4, "\(result.output)")
            for line in lines.dropLast() {
                #expect(line[1] == "landscape" && line[2] == "9" && line[3] == "1", "\(line)")
                #expect(line[5] == "True", "\(line)")
                #expect(Double(line[7])! >= 38, "ids need 36 characters: \(line)")
            }
            #expect(lines[0][4] == "1", "the overview fits one page")
            #expect(lines[1][4] == "0" && lines[1][6] == "$1:$1", "\(lines[1])")
            #expect(lines[2][6] == "$1:$1")
            let font = lines.last!.dropFirst().joined(separator: " ")
            #expect(font == (language == .zhCN ? "Microsoft YaHei" : "Calibri"))
        }
    }
}
