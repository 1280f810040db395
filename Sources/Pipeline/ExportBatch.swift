import SMSAPI

/// Up to 200 tasks sent in one export request, in manifest order.
public struct ExportBatch: Sendable, Hashable {
    /// The API's limit on `task_info` entries in one request (defined once, by the client).
    public static let maximumSize = SMSClient.maximumBatchSize

    /// 1-based, as in `batch-0001`.
    public var number: Int
    public var entries: [ManifestEntry]

    /// The request body's `task_info`.
    public var taskInfo: [TaskInfo] {
        entries.map(\.taskInfo)
    }

    /// Splits `entries` into batches of at most `size` in order; never an empty batch.
    public static func plan(_ entries: [ManifestEntry], size: Int = maximumSize) -> [ExportBatch] {
        precondition((1...maximumSize).contains(size), "batch size must be 1…\(maximumSize)")
        return stride(from: 0, to: entries.count, by: size).enumerated().map { offset, start in
            ExportBatch(number: offset + 1, entries: Array(entries[start..<min(start + size, entries.count)]))
        }
    }

    /// `batch-0001`.
    public var fileStem: String {
        let digits = String(number)
        return "batch-" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
