/// A span of time as people write it: `90m`, `2h`, `30s`, `1h30m`, `7d`, or plain seconds (`45`) — for
/// `--deadline`, `deadline:`, `--max-age` and `max_age:`.
public enum DurationText {
    /// The total of `<number><unit>` parts (units `s`, `m`, `h`, `d`); a lone number is seconds; nil when malformed.
    public static func seconds(_ text: String) -> Double? {
        let units: [Character: Double] = ["s": 1, "m": 60, "h": 3600, "d": 86_400]
        if let plain = Double(text), plain.isFinite { return plain }
        var total = 0.0
        var number = ""
        for character in text {
            if character.isASCII && (character.isNumber || character == ".") {
                number.append(character)
            } else if let unit = units[character], let value = Double(number), value.isFinite {
                total += value * unit
                number = ""
            } else {
                return nil
            }
        }
        return number.isEmpty && total.isFinite ? total : nil
    }
}
