import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A text encoding a manifest can be in (SPEC 2 step 1): `--manifest-encoding NAME` forces one, otherwise a BOM
/// decides, then UTF-8, then GB18030 (what Chinese Excel saves as "CSV").
public enum ManifestEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case utf16 = "utf-16"
    case utf16LE = "utf-16le"
    case utf16BE = "utf-16be"
    case gb18030
    case gbk

    /// The names `--manifest-encoding` accepts, for its usage message.
    public static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// The encoding called `name`, in any case and with the usual aliases (`utf8`, `cp936`, `gb2312`); nil if unknown.
    public init?(name: String) {
        let key = name.lowercased().replacingOccurrences(of: "_", with: "-")
        switch key {
        case "utf-8", "utf8": self = .utf8
        case "utf-16", "utf16", "unicode": self = .utf16
        case "utf-16le", "utf16le": self = .utf16LE
        case "utf-16be", "utf16be": self = .utf16BE
        case "gb18030", "gb-18030": self = .gb18030
        case "gbk", "cp936", "gb2312", "euc-cn", "windows-936": self = .gbk
        default: return nil
        }
    }

    /// How a warning names it.
    var label: String {
        switch self {
        case .utf8: "UTF-8"
        case .utf16: "UTF-16"
        case .utf16LE: "UTF-16LE"
        case .utf16BE: "UTF-16BE"
        case .gb18030: "GB18030"
        case .gbk: "GBK"
        }
    }
}

/// Turns a manifest's bytes into text, and says which encoding that took when it was not plain UTF-8.
struct ManifestTextDecoding {
    /// The decoded text (without a BOM), the encoding used, and a warning when the encoding was guessed.
    struct Decoded {
        var text: String
        var encoding: ManifestEncoding
        var warning: String?
    }

    let file: String

    /// Decodes `data` as `forced` when given; else by BOM, then as UTF-8, then as GB18030 with a warning.
    func decode(_ data: Data, forced: ManifestEncoding?) throws -> Decoded {
        let bytes = [UInt8](data)
        if let forced {
            guard let text = Self.decode(bytes, as: forced) else {
                throw ManifestError("\(file): not valid \(forced.label) text (--manifest-encoding \(forced.rawValue))")
            }
            return Decoded(text: Self.droppingBOM(text), encoding: forced)
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let encoding: ManifestEncoding = bytes[0] == 0xFF ? .utf16LE : .utf16BE
            guard let text = Self.decode(bytes, as: encoding) else {
                throw ManifestError(
                    "\(file): starts with a \(encoding.label) byte order mark but is not valid \(encoding.label)")
            }
            return Decoded(text: Self.droppingBOM(text), encoding: encoding)
        }
        if let text = String(validating: bytes, as: UTF8.self) {
            return Decoded(text: Self.droppingBOM(text), encoding: .utf8)
        }
        if let text = Self.decode(bytes, as: .gb18030) {
            return Decoded(
                text: text, encoding: .gb18030,
                warning: "\(file): not UTF-8; read as GB18030 (GBK), the encoding Chinese Excel saves CSV in "
                    + "(give --manifest-encoding NAME if it is another one)")
        }
        let line = Self.lineOfFirstInvalidUTF8(bytes)
        throw ManifestError(
            "\(file):\(line): not valid UTF-8 text (nor GB18030); save the file as UTF-8 CSV, or give its "
                + "encoding with --manifest-encoding (\(ManifestEncoding.names))")
    }

    /// The text of `bytes` in `encoding`, or nil when they are not valid in it.
    static func decode(_ bytes: [UInt8], as encoding: ManifestEncoding) -> String? {
        switch encoding {
        case .utf8: return String(validating: bytes, as: UTF8.self)
        case .utf16:
            if bytes.starts(with: [0xFE, 0xFF]) { return decode(bytes, as: .utf16BE) }
            // Without a BOM, Windows' (and Excel's "Unicode text") little-endian order.
            return decode(bytes, as: .utf16LE)
        case .utf16LE: return utf16(bytes, bigEndian: false)
        case .utf16BE: return utf16(bytes, bigEndian: true)
        case .gb18030: return convertWithIconv(bytes, from: "GB18030")
        case .gbk: return convertWithIconv(bytes, from: "GBK")
        }
    }

    private static func droppingBOM(_ text: String) -> String {
        text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    }

    private static func utf16(_ bytes: [UInt8], bigEndian: Bool) -> String? {
        guard bytes.count % 2 == 0 else { return nil }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = 0
        while index < bytes.count {
            let (high, low) = bigEndian ? (bytes[index], bytes[index + 1]) : (bytes[index + 1], bytes[index])
            units.append(UInt16(high) << 8 | UInt16(low))
            index += 2
        }
        return String(validating: units, as: UTF16.self)
    }

    /// glibc's iconv: Foundation on Linux decodes GB18030 but not GBK; iconv has both, so one path serves both.
    private static func convertWithIconv(_ bytes: [UInt8], from encoding: String) -> String? {
        guard let converter = iconv_open("UTF-8", encoding), Int(bitPattern: converter) != -1 else { return nil }
        defer { iconv_close(converter) }
        var input = bytes.map { CChar(bitPattern: $0) }
        // UTF-8 takes at most 4 bytes per character, and every character takes at least 1 input byte.
        var output = [CChar](repeating: 0, count: bytes.count * 4 + 4)
        let ok = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer = inBuffer.baseAddress
                var inLeft = inBuffer.count
                var outPointer = outBuffer.baseAddress
                var outLeft = outBuffer.count
                let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                let flushed = iconv(converter, nil, nil, &outPointer, &outLeft)
                return result != -1 && flushed != -1 && inLeft == 0 ? outBuffer.count - outLeft : nil
            }
        }
        guard let length = ok else { return nil }
        return String(validating: output.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The 1-based line holding the first byte that is not valid UTF-8, for the error message.
    static func lineOfFirstInvalidUTF8(_ bytes: [UInt8]) -> Int {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var line = 1
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): if scalar == "\n" { line += 1 }
            case .emptyInput, .error: return line
            }
        }
    }
}
