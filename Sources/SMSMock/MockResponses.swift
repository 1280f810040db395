import Foundation
import SMSAPI

/// The bodies the mock answers with, as JSON values.
enum MockResponses {
    /// `{"error_code","error_msg"}`.
    static func error(code: String, message: String) -> JSONValue {
        .object(["error_code": .string(code), "error_msg": .string(message)])
    }

    /// A 403 body as the export page documents it, with the authorization extras.
    static func permissionDenied() -> JSONValue {
        let message = "You do not have permission to perform action sms:server:getConsistencyResult on resource task."
        return .object([
            "error_code": .string("SMS.9004"),
            "error_msg": .string("The current account does not have the permission to execute policy. \(message)"),
            "encoded_authorization_message": .string("mock-encoded-authorization"),
            "error_param": .array([.string(message)]),
            "details": .array([.object(["error_code": .string("SMS.9004"), "error_msg": .string(message)])]),
        ])
    }

    /// The consistency result of `task` in `shape`.
    static func result(of task: MockTask, faults: MockFaults) -> JSONValue {
        let shape: MockResponseShape =
            faults.responseShape == .rotating
            ? [.a, .b, .c][Int(MockWorld.stableHash(task.id) % 3)] : faults.responseShape
        let directories = JSONValue.array(
            task.directories.map { check in
                .object([
                    "dir_check": .string(check.path), "num_total_files": .integer(Int64(check.total)),
                    "num_different_files": .integer(Int64(check.different)),
                    "num_target_miss_files": .integer(Int64(check.missingOnTarget)),
                    "num_target_more_files": .integer(Int64(check.extraOnTarget)),
                ])
            })
        var time = task.finishedTime ?? 0
        if faults.finishedTimeInSeconds { time /= 1000 }
        let finished: JSONValue = faults.finishedTimeAsString ? .string(String(time)) : .integer(time)
        switch shape {
        case .a, .rotating:
            return .object(["consistency_result": directories, "finished_time": finished])
        case .b, .c:
            guard !task.directories.isEmpty else {
                return .object(["task_id": .string(task.id), "result_list": .array([])])
            }
            let run = JSONValue.object([
                "finished_time": finished, "consistency_result": directories,
                "check_result": .string(
                    task.directories.contains { $0.different + $0.missingOnTarget + $0.extraOnTarget > 0 }
                        ? "inconsistent" : "consistent"),
            ])
            let element = shape == .b ? run : .string(String(decoding: run.encoded(), as: UTF8.self))
            return .object(["task_id": .string(task.id), "result_list": .array([element])])
        }
    }

    /// A body that is not JSON, as a broken proxy might send.
    static let malformed = Array(#"{"consistency_result":[{"dir_check":"/","num_total_files":12"#.utf8)

    /// One page of `GET /v3/tasks`.
    static func taskPage(_ tasks: ArraySlice<MockTask>, count: Int) -> JSONValue {
        .object([
            "count": .integer(Int64(count)),
            "tasks": .array(
                tasks.map { task in
                    .object([
                        "id": .string(task.id), "name": .string(task.name), "state": .string(task.state),
                        "type": .string("MIGRATE_FILE"),
                        "source_server": .object([
                            "id": .string(task.sourceID), "name": .string(task.sourceName),
                            "ip": .string(task.sourceIP),
                        ]),
                    ])
                }),
        ])
    }

    /// The export artefact: a small CSV of the batch's results, with a header row in `language`.
    static func exportArtefact(_ batch: [TaskInfo], language: String, world: MockWorld) -> [UInt8] {
        let header =
            language == "zh-cn"
            ? "任务ID,源端ID,源端名称,目录,文件总数,不一致文件数,"
                + "目的端缺少文件数,目的端多余文件数"
            : "Task ID,Source ID,Source name,Directory,Total files,Different files,Missing on target,Extra on target"
        var lines = [header]
        for entry in batch {
            let identity = [entry.taskID, entry.sourceID, entry.sourceName].map(MockWorld.csvField).joined(
                separator: ",")
            let checks = world.task(id: entry.taskID)?.directories ?? []
            if checks.isEmpty { lines.append(identity + ",,,,,") }
            for check in checks {
                lines.append(
                    identity + "," + MockWorld.csvField(check.path) + ","
                        + [check.total, check.different, check.missingOnTarget, check.extraOnTarget].map(String.init)
                        .joined(separator: ","))
            }
        }
        return [0xEF, 0xBB, 0xBF] + Array((lines.joined(separator: "\r\n") + "\r\n").utf8)
    }
}
