import Foundation
import Pipeline
import Testing

/// Manifests in the encodings Excel and Chinese Windows save: UTF-16 with a BOM ("Unicode text", tab-separated,
/// CRLF), GB18030/GBK ("CSV" on a Chinese system), and `--manifest-encoding` (SPEC 2 step 1).
@Suite struct ManifestEncodingTests {
    /// Bytes from hex, so that the fixtures are the exact bytes another program wrote.
    static func bytes(_ hex: String) -> [UInt8] {
        var result: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            result.append(UInt8(hex[index..<next], radix: 16)!)
            index = next
        }
        return result
    }

    /// A GBK CSV as Chinese Excel saves it: ASCII header and IDs, GBK names (数据库服务器, 应用-01), CRLF.
    static let gbkCSV: Data = {
        var data = Data("task_id,source_id,source_name\r\nt-1,s-1,".utf8)
        data.append(contentsOf: bytes("cafdbeddbfe2b7fecef1c6f7"))  // 数据库服务器
        data.append(contentsOf: Array("\r\nt-2,s-2,".utf8))
        data.append(contentsOf: bytes("d3a6d3c32d3031"))  // 应用-01
        data.append(contentsOf: Array("\r\n".utf8))
        return data
    }()

    /// UTF-16LE with a BOM, tab-separated, CRLF: Excel's "Unicode text (*.txt)".
    static func unicodeText(_ text: String, bigEndian: Bool = false) -> Data {
        var data = Data(bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE])
        for unit in text.utf16 {
            let pair = bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)]
            data.append(contentsOf: pair)
        }
        return data
    }

    @Test func gbkIsReadWithAWarningNamingTheEncoding() throws {
        let manifest = try ManifestReader().read(Self.gbkCSV, name: "servers.csv")
        #expect(manifest.entries.map(\.sourceName) == ["数据库服务器", "应用-01"])
        #expect(manifest.warnings.contains { $0.contains("servers.csv") && $0.contains("GB18030") })
        #expect(manifest.entries[1].location.description == "servers.csv:3")
    }

    @Test func gb18030FourByteCharactersDecode() throws {
        var data = Data("task_id,source_id,source_name\nt-1,s-1,".utf8)
        data.append(contentsOf: Self.bytes("95328236bbaaceaad4c6"))  // 𠀀华为云
        let manifest = try ManifestReader().read(data, name: "servers.csv")
        #expect(manifest.entries[0].sourceName == "𠀀华为云")
    }

    @Test func utf16LittleEndianUnicodeTextWithTabsAndCRLF() throws {
        let text = "task_id\tsource_id\tsource_name\towner\r\nt-1\ts-1\t数据库, 主\tops\r\nt-2\ts-2\t\"web\t01\"\tops\r\n"
        let manifest = try ManifestReader().read(Self.unicodeText(text), name: "servers.txt")
        #expect(manifest.entries.map(\.taskID) == ["t-1", "t-2"])
        #expect(manifest.entries[0].sourceName == "数据库, 主")
        #expect(manifest.entries[1].sourceName == "web\t01")
        #expect(manifest.warnings.isEmpty, "a BOM says the encoding; nothing was guessed")
    }

    @Test func utf16BigEndianCSV() throws {
        let manifest = try ManifestReader().read(
            Self.unicodeText("task_id,source_id,source_name\nt-9,s-9,华为云\n", bigEndian: true), name: "tasks.csv")
        #expect(manifest.entries.map(\.sourceName) == ["华为云"])
    }

    @Test func forcedEncodingWins() throws {
        let manifest = try ManifestReader(encoding: .gbk).read(Self.gbkCSV, name: "servers.csv")
        #expect(manifest.entries[0].sourceName == "数据库服务器")
        #expect(manifest.warnings.isEmpty, "a forced encoding is not a guess")
        // The same bytes forced as UTF-8 are refused, naming the encoding.
        #expect {
            try ManifestReader(encoding: .utf8).read(Self.gbkCSV, name: "servers.csv")
        } throws: { "\($0)".contains("UTF-8") && "\($0)".contains("servers.csv") }
    }

    @Test(arguments: [
        ("utf-8", ManifestEncoding.utf8), ("UTF8", .utf8), ("utf-16", .utf16), ("UTF-16LE", .utf16LE),
        ("utf-16be", .utf16BE), ("gb18030", .gb18030), ("GBK", .gbk), ("cp936", .gbk), ("gb2312", .gbk),
    ])
    func encodingNames(_ name: String, _ encoding: ManifestEncoding) {
        #expect(ManifestEncoding(name: name) == encoding)
    }

    @Test func unknownEncodingName() {
        #expect(ManifestEncoding(name: "latin-9") == nil)
        #expect(ManifestEncoding(name: "") == nil)
    }

    @Test func bytesNoEncodingExplainsNameTheLineAndTheFlag() {
        // 0xFF 0xFF is neither UTF-8 nor GB18030; it sits on line 3.
        var data = Data("task_id,source_id,source_name\nt-1,s-1,a\nt-2,s-2,".utf8)
        data.append(contentsOf: [0xFF, 0xFF, 0x0A])
        #expect {
            try ManifestReader().read(data, name: "tasks.csv")
        } throws: { error in
            let text = "\(error)"
            return text.contains("tasks.csv:3") && text.contains("--manifest-encoding")
        }
    }

    @Test func utf8StaysUTF8WithoutAWarning() throws {
        let manifest = try ManifestReader().read(
            Data("\u{FEFF}task_id,source_id,source_name\nt-1,s-1,华为云\n".utf8), name: "a.csv")
        #expect(manifest.entries[0].sourceName == "华为云")
        #expect(manifest.warnings.isEmpty)
    }
}
