import Foundation
import ReportModel

/// Pins the dates Chromium writes into a PDF to the report's generation time, so that with
/// `SOURCE_DATE_EPOCH` the same input prints the same dates.
///
/// Each date is overwritten by one of the same length, so the file's cross-reference offsets stay valid.
enum PDFStamp {
    /// Overwrites every `/CreationDate (D:…)` and `/ModDate (D:…)` value in `pdf` with `date` in UTC.
    static func pin(_ pdf: inout Data, to date: Date) {
        let p = ReportTime.parts(date)
        let digits = Array(
            String(format: "%04d%02d%02d%02d%02d%02d", p.year, p.month, p.day, p.hour, p.minute, p.second).utf8)
        let zone = Array("+00'00'".utf8)
        for key in ["/CreationDate (D:", "/ModDate (D:"] {
            var start = pdf.startIndex
            while let found = pdf.range(of: Data(key.utf8), in: start..<pdf.endIndex) {
                let at = found.upperBound
                start = at
                guard pdf.endIndex - at >= digits.count,
                    pdf[at..<(at + digits.count)].allSatisfy({ (0x30...0x39).contains($0) })
                else { continue }
                // D:YYYYMMDDHHmmSS, then the machine's offset (+HH'mm' or -HH'mm'), which becomes +00'00'.
                var replacement = digits
                let offsetStart = at + digits.count
                if pdf.endIndex - offsetStart >= zone.count,
                    pdf[offsetStart] == UInt8(ascii: "+") || pdf[offsetStart] == UInt8(ascii: "-")
                {
                    replacement += zone
                }
                pdf.replaceSubrange(at..<(at + replacement.count), with: replacement)
            }
        }
    }
}
