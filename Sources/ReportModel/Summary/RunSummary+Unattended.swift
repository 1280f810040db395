import Foundation

extension RunSummary {
    /// A side feature that failed without costing the run its reports (SPEC 8.2): listed in `summary.json`'s
    /// `warnings` and so in the `--json` line.
    public struct Warning: Sendable, Hashable, Encodable {
        /// What failed; the raw values are the codes SPEC 8.2 lists.
        public enum Code: String, Sendable, Hashable, Encodable, CaseIterable {
            case historyUnavailable = "history_unavailable"
            case pdfFailed = "pdf_failed"
            case notifyFailed = "notify_failed"
            case metricsFailed = "metrics_failed"
            case pingFailed = "ping_failed"
            case bundleTooLarge = "bundle_too_large"
            /// A report's evidence bundle could not be written (exit 4, like a failed PDF).
            case bundleFailed = "bundle_failed"
            /// `keep:` could not remove an old run folder (not in SPEC 8.2's list: retention came later).
            case retentionFailed = "retention_failed"
        }

        public var code: Code
        /// What happened and where, without a secret.
        public var message: String

        public init(_ code: Code, _ message: String) {
            self.code = code
            self.message = message
        }
    }

    /// Whether the run was recorded in the history (SPEC 8.2): `{"recorded": false, "error": "…"}` when the
    /// history was unavailable, `{"recorded": false, "error": null}` when none was asked for.
    public struct HistoryState: Sendable, Hashable, Encodable {
        public var recorded = false
        public var error: String?

        public init(recorded: Bool = false, error: String? = nil) {
            self.recorded = recorded
            self.error = error
        }

        enum CodingKeys: String, CodingKey { case recorded, error }

        /// `error` is `null` when there is none, never left out.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(recorded, forKey: .recorded)
            try container.encode(error, forKey: .error)
        }
    }

    /// The manifest compared with the account's task list (SPEC 9, `--coverage`).
    public struct Coverage: Sendable, Hashable, Encodable {
        /// How many tasks the account listed.
        public var listed: Int
        /// The account's tasks that the manifest lacks.
        public var notInManifest: [UncoveredTask]
        /// The manifest's task IDs that the account did not list.
        public var notListed: [String]

        public init(listed: Int, notInManifest: [UncoveredTask] = [], notListed: [String] = []) {
            self.listed = listed
            self.notInManifest = notInManifest
            self.notListed = notListed
        }

        enum CodingKeys: String, CodingKey {
            case listed
            case notInManifest = "not_in_manifest"
            case notListed = "not_listed"
        }

        /// One task the account has that the manifest lacks.
        public struct UncoveredTask: Sendable, Hashable, Encodable {
            public var taskID: String
            public var sourceName: String
            public var state: String

            public init(taskID: String, sourceName: String, state: String) {
                self.taskID = taskID
                self.sourceName = sourceName
                self.state = state
            }

            enum CodingKeys: String, CodingKey {
                case taskID = "task_id"
                case sourceName = "source_name"
                case state
            }
        }
    }
}
