import Foundation

/// Reading `GET /v3/tasks/{id}/consistency-result` bodies in all the documented shapes (SPEC 1).
extension TaskConsistencyResult {
    /// Why a body could not be read, for the unrecognized-response error.
    struct DecodingFailure: Error {
        var reason: String
    }

    /// Decodes shape (a) `{"consistency_result":[…],"finished_time":…}`, (b) `{"result_list":[{…}]}` and
    /// (c) `{"result_list":["<JSON text>"]}`, tolerating missing, null and unknown fields.
    ///
    /// When `result_list` holds several verification runs, the latest one (by `finished_time`) is the result.
    static func decode(body: [UInt8]) throws(DecodingFailure) -> TaskConsistencyResult {
        guard let json = try? JSONValue.parse(body) else {
            throw DecodingFailure(reason: body.isEmpty ? "empty body" : "not JSON")
        }
        guard case .object(let root) = json else { throw DecodingFailure(reason: "the body is not a JSON object") }
        if let list = root["result_list"], !list.isNull {
            guard let elements = list.arrayValue else { throw DecodingFailure(reason: "result_list is not an array") }
            // Shapes (b)/(c) may carry the time only once, beside the list: it stands for entries without one.
            return try decode(resultList: elements, fallbackMilliseconds: try milliseconds(root["finished_time"]))
        }
        if root["consistency_result"] != nil {
            return try decode(run: root)
        }
        let known: Set<String> = ["task_id", "finished_time", "result_list"]
        guard Set(root.keys).isSubset(of: known) else {
            throw DecodingFailure(reason: "neither consistency_result nor result_list")
        }
        return TaskConsistencyResult(directories: [], finishedTimeMilliseconds: try milliseconds(root["finished_time"]))
    }

    private static func decode(
        resultList elements: [JSONValue], fallbackMilliseconds: Int64?
    ) throws(DecodingFailure) -> TaskConsistencyResult {
        var runs: [TaskConsistencyResult] = []
        var looseDirectories: [DirectoryCheck] = []
        for element in elements {
            let value: JSONValue
            if case .string(let text) = element {
                guard let parsed = try? JSONValue.parse(Array(text.utf8)) else {
                    throw DecodingFailure(reason: "a result_list entry is a string but not JSON")
                }
                value = parsed
            } else {
                value = element
            }
            guard case .object(let object) = value else {
                throw DecodingFailure(reason: "a result_list entry is not an object")
            }
            if object["consistency_result"] != nil {
                var run = try decode(run: object)
                if run.finishedTimeMilliseconds == nil { run.finishedTimeMilliseconds = fallbackMilliseconds }
                runs.append(run)
            } else {
                looseDirectories.append(try directory(object))
            }
        }
        if !looseDirectories.isEmpty {
            runs.append(
                TaskConsistencyResult(directories: looseDirectories, finishedTimeMilliseconds: fallbackMilliseconds))
        }
        // Stable: among runs with equal (or unknown) times the last listed wins.
        return runs.enumerated().max { lhs, rhs in
            (lhs.element.finishedTimeMilliseconds ?? 0, lhs.offset) < (
                rhs.element.finishedTimeMilliseconds ?? 0, rhs.offset
            )
        }?.element ?? TaskConsistencyResult(directories: [], finishedTimeMilliseconds: nil)
    }

    private static func decode(run object: [String: JSONValue]) throws(DecodingFailure) -> TaskConsistencyResult {
        var directories: [DirectoryCheck] = []
        if let list = object["consistency_result"], !list.isNull {
            guard let entries = list.arrayValue else {
                throw DecodingFailure(reason: "consistency_result is not an array")
            }
            for entry in entries {
                guard case .object(let fields) = entry else {
                    throw DecodingFailure(reason: "a consistency_result entry is not an object")
                }
                directories.append(try directory(fields))
            }
        }
        return TaskConsistencyResult(
            directories: directories, finishedTimeMilliseconds: try milliseconds(object["finished_time"]))
    }

    private static func directory(_ fields: [String: JSONValue]) throws(DecodingFailure) -> DirectoryCheck {
        let countKeys = ["num_total_files", "num_different_files", "num_target_miss_files", "num_target_more_files"]
        guard fields["dir_check"] != nil || countKeys.contains(where: { fields[$0] != nil }) else {
            throw DecodingFailure(reason: "an entry has no dir_check and no file counts")
        }
        let path: String
        switch fields["dir_check"] {
        case nil, .null?: path = ""
        case .string(let text)?: path = text
        default: throw DecodingFailure(reason: "dir_check is not a string")
        }
        var counts: [Int] = []
        for key in countKeys {
            counts.append(try count(fields[key], key: key))
        }
        return DirectoryCheck(
            path: path, total: counts[0], different: counts[1], missingOnTarget: counts[2], extraOnTarget: counts[3])
    }

    /// The largest count accepted: 2^53, the largest integer that every JSON reader keeps exactly.
    static let maximumCount: Int64 = 1 << 53

    /// A count as a JSON number or a string of ASCII digits, in `0...2^53`; null, absent or `""` is 0.
    ///
    /// Anything else (negative, fractional, `1e30`, a sign, a huge digit string) fails the whole body, so
    /// that the task becomes an unrecognized response rather than a wrong or overflowing figure.
    private static func count(_ value: JSONValue?, key: String) throws(DecodingFailure) -> Int {
        switch value {
        case nil, .null?: return 0
        case .integer(let number)? where (0...maximumCount).contains(number): return Int(number)
        case .double(let number)?
        where number >= 0 && number <= Double(maximumCount) && number.rounded(.towardZero) == number:
            return Int(number)
        case .string(let text)?:
            if text.isEmpty { return 0 }
            // 2^53 has 16 digits; the length check keeps Int64 parsing away from overflow entirely.
            let digits = text.utf8
            if digits.count <= 16, digits.allSatisfy({ (0x30...0x39).contains($0) }), let number = Int64(text),
                number <= maximumCount
            {
                return Int(number)
            }
            throw DecodingFailure(reason: "\(key) is not a count from 0 to 2^53")
        case .integer?, .double?:
            throw DecodingFailure(reason: "\(key) is out of range (a count is from 0 to 2^53)")
        default:
            throw DecodingFailure(reason: "\(key) is not a count")
        }
    }

    /// `finished_time` as a number or numeric string, in ms or s (values below 10^11 are seconds); nil for 0/absent.
    static func milliseconds(_ value: JSONValue?) throws(DecodingFailure) -> Int64? {
        let raw: Double
        switch value {
        case nil, .null?: return nil
        case .integer(let number)?: raw = Double(number)
        case .double(let number)?: raw = number
        case .string(let text)?:
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { return nil }
            guard let number = Double(trimmed), number.isFinite else {
                throw DecodingFailure(reason: "finished_time is not a number")
            }
            raw = number
        default:
            throw DecodingFailure(reason: "finished_time is not a number")
        }
        guard raw.isFinite, raw >= 0, raw < 1e15 else { throw DecodingFailure(reason: "finished_time is out of range") }
        if raw == 0 { return nil }
        return raw < 1e11 ? Int64((raw * 1000).rounded(.down)) : Int64(raw.rounded(.down))
    }
}
