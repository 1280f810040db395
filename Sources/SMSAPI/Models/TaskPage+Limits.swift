/// What the list API (`GET /v3/tasks`, "ListTasks") documents about paging and states.
///
/// From the API reference (support.huaweicloud.com/api-sms/ListTasks.html): `limit` 0–200 (default 100),
/// `offset` 0–65535 (default 0), `state` one of ten values.
extension TaskPage {
    /// The largest `limit` the API takes: discovery asks for pages of this size.
    public static let maximumLimit = 200
    /// The largest `offset` the API takes.
    public static let maximumOffset = 65_535
    /// The most tasks one listing can be paged through: the last page starts at `maximumOffset`.
    public static let maximumListable = maximumOffset + maximumLimit
}

extension MigrationTask {
    /// The migration task states the list API documents for its `state` filter, in the API's order.
    public static let documentedStates = [
        "READY", "RUNNING", "SYNCING", "MIGRATE_SUCCESS", "MIGRATE_FAIL", "ABORTING", "ABORT", "DELETING",
        "SYNC_F_ROLLBACKING", "SYNC_F_ROLLBACK_SUCCESS",
    ]
}
