import Foundation

/// The `X-Sdk-Date` format, `yyyyMMddTHHmmssZ` in UTC.
extension SDKSigner {
    private static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    /// `date` as `20261123T040506Z`.
    public static func format(date: Date) -> String {
        let parts = utc.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func pad(_ value: Int?, _ width: Int) -> String {
            let text = String(value ?? 0)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(parts.year, 4))\(pad(parts.month, 2))\(pad(parts.day, 2))T"
            + "\(pad(parts.hour, 2))\(pad(parts.minute, 2))\(pad(parts.second, 2))Z"
    }

    /// Parses `20261123T040506Z`; nil for anything else.
    public static func parse(sdkDate text: String) -> Date? {
        let characters = Array(text)
        guard characters.count == 16, characters[8] == "T", characters[15] == "Z" else { return nil }
        func number(_ range: Range<Int>) -> Int? { Int(String(characters[range])) }
        guard let year = number(0..<4), let month = number(4..<6), let day = number(6..<8),
            let hour = number(9..<11), let minute = number(11..<13), let second = number(13..<15)
        else { return nil }
        let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        guard components.isValidDate(in: utc) else { return nil }
        return utc.date(from: components)
    }

    /// The parts of an `Authorization: SDK-HMAC-SHA256 Access=…, SignedHeaders=…, Signature=…` value.
    public struct Authorization: Sendable, Hashable {
        public var accessKey: String
        public var signedHeaders: [String]
        public var signature: String

        /// Parses an `Authorization` value; nil when it is not an `SDK-HMAC-SHA256` one.
        public init?(header: String) {
            let prefix = SDKSigner.algorithm + " "
            guard header.hasPrefix(prefix) else { return nil }
            var fields: [String: String] = [:]
            for part in header.dropFirst(prefix.count).split(separator: ",") {
                let pair = part.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
                guard pair.count == 2 else { return nil }
                fields[String(pair[0])] = String(pair[1])
            }
            guard let access = fields["Access"], let signed = fields["SignedHeaders"],
                let signature = fields["Signature"]
            else { return nil }
            self.accessKey = access
            self.signedHeaders = signed.split(separator: ";").map(String.init)
            self.signature = signature
        }
    }
}
