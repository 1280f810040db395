/// Holds the tasks of a snapshot compactly as they are read: equal strings (directory paths, error codes and
/// messages, the server of consecutive tasks) share one storage, and each directory list takes exactly the
/// room it needs.
///
/// Strings of up to 15 UTF-8 bytes are stored inside the `String` value itself, so only longer ones are
/// interned; each table remembers a bounded number of distinct strings, so that a file of unique paths costs
/// no more than that.
public struct SnapshotCompactor: Sendable {
    private var paths: StringInterner
    private var errors: StringInterner
    /// The previous task's server: the tasks of one server usually follow each other.
    private var sourceID = ""
    private var sourceName = ""

    /// A compactor whose tables remember up to `capacity` distinct strings each.
    public init(capacity: Int = 1 << 16) {
        paths = StringInterner(capacity: capacity)
        errors = StringInterner(capacity: capacity)
    }

    /// Compacts one task in place; its value (and its `==`) is unchanged.
    public mutating func compact(_ task: inout TaskRecord) {
        if task.sourceID == sourceID { task.sourceID = sourceID } else { sourceID = task.sourceID }
        if task.sourceName == sourceName { task.sourceName = sourceName } else { sourceName = task.sourceName }
        // Arrays grow by doubling while decoded; a spare element or so is only the allocator's rounding.
        if task.directories.capacity - task.directories.count > 1 {
            task.directories = Self.exactCopy(task.directories)
        }
        for index in task.directories.indices {
            paths.intern(&task.directories[index].path)
        }
        if task.error != nil {
            errors.intern(&task.error!.message)
            if task.error!.code != nil { errors.intern(&task.error!.code!) }
        }
    }

    private static func exactCopy<T>(_ elements: [T]) -> [T] {
        [T](unsafeUninitializedCapacity: elements.count) { buffer, count in
            _ = buffer.initialize(from: elements)
            count = elements.count
        }
    }
}

/// A bounded table of strings: equal strings handed to it come back sharing one storage.
struct StringInterner: Sendable {
    private var table: Set<String> = []
    let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    /// Replaces `string` by an equal one seen before, when there was one.
    mutating func intern(_ string: inout String) {
        guard string.utf8.count > 15 else { return }
        if table.count < capacity {
            string = table.insert(string).memberAfterInsert
        } else if let index = table.firstIndex(of: string) {
            string = table[index]
        }
    }
}

extension ResultsSnapshot {
    /// Holds the tasks compactly (see ``SnapshotCompactor``), as a snapshot read from `results.json` already is:
    /// for one built from collected results, before it is rendered.
    public mutating func compact() {
        var compactor = SnapshotCompactor()
        for index in tasks.indices { compactor.compact(&tasks[index]) }
    }
}
