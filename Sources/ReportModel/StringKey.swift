/// Every word a report shows, by key; each language's table in `templates/i18n/<lang>.json` must hold all of them.
public enum StringKey: String, CaseIterable, Sendable {
    // MARK: Common
    case reportTitleDefault = "report.title_default"
    case statusConsistent = "status.consistent"
    case statusInconsistent = "status.inconsistent"
    case statusNotVerified = "status.not_verified"
    case statusError = "status.error"
    case statusAccepted = "status.accepted"
    case columnSourceName = "column.source_name"
    case columnSourceID = "column.source_id"
    case columnTaskIDs = "column.task_ids"
    case columnTaskID = "column.task_id"
    case columnStatus = "column.status"
    case columnDirectories = "column.directories"
    case columnDirectory = "column.directory"
    case columnTotalFiles = "column.total_files"
    case columnDifferentFiles = "column.different_files"
    case columnMissingOnTarget = "column.missing_on_target"
    case columnExtraOnTarget = "column.extra_on_target"
    case columnVerifiedAt = "column.verified_at"
    case columnError = "column.error"
    case columnHTTPStatus = "column.http_status"
    case columnErrorCode = "column.error_code"
    case columnErrorMessage = "column.error_message"
    case labelToolVersion = "label.tool_version"
    case labelEndpoint = "label.endpoint"
    case labelGeneratedAt = "label.generated_at"
    case labelStartedAt = "label.started_at"
    case labelFinishedAt = "label.finished_at"
    case labelManifest = "label.manifest"
    case labelManifestDigest = "label.manifest_digest"
    case labelTaskCount = "label.task_count"
    case labelServerCount = "label.server_count"
    case labelFailedTaskCount = "label.failed_task_count"
    case labelLanguage = "label.language"
    case labelTotals = "label.totals"
    case labelServersByStatus = "label.servers_by_status"
    case labelFiles = "label.files"
    case labelConsistencyRatio = "label.consistency_ratio"
    case labelRunMetadata = "label.run_metadata"
    case labelExports = "label.exports"
    case labelExportBatch = "label.export_batch"
    case labelExportLanguage = "label.export_language"
    case labelExportFile = "label.export_file"
    case labelExportFallback = "label.export_fallback"
    case labelExportFailed = "label.export_failed"
    case labelNoErrors = "label.no_errors"
    case labelUnknown = "label.unknown"
    case languageName = "language.name"
    case languageNameEnUS = "language.en_us"
    case languageNameZhCN = "language.zh_cn"
    /// `{0}` is the zone's name, e.g. `UTC` or `Europe/Berlin`.
    case labelTimeZone = "label.time_zone"
    case labelCustomer = "label.customer"
    case labelProject = "label.project"
    case labelReference = "label.reference"
    case labelPreparedBy = "label.prepared_by"
    case labelRemarks = "label.remarks"
    case labelApprovedBy = "label.approved_by"
    case labelDate = "label.date"
    case labelSignature = "label.signature"
    case signOffHeading = "signoff.heading"
    /// `{0}` servers listed (those not consistent) of `{1}` in all.
    case includeProblemsNote = "include.problems_note"
    case includeProblemsEmpty = "include.problems_empty"

    // MARK: Changes since the previous run (history)
    case changesHeading = "changes.heading"
    case changesFirstRun = "changes.first_run"
    case changesHistoryUnavailable = "changes.history_unavailable"
    case changesPreviousRun = "changes.previous_run"
    case changesNone = "changes.none"
    case changesNewlyInconsistent = "changes.newly_inconsistent"
    case changesResolved = "changes.resolved"
    case changesNewlyVerified = "changes.newly_verified"
    case changesNewServer = "changes.new_server"
    case changesGone = "changes.gone"
    case changesStillInconsistent = "changes.still_inconsistent"
    case changesColumnChange = "changes.column.change"
    case changesColumnKey = "changes.column.key"
    case changesColumnBefore = "changes.column.before"
    case changesColumnAfter = "changes.column.after"
    case changesColumnRuns = "changes.column.runs"
    case changesAbsent = "changes.absent"
    case changesTrendHeading = "changes.trend_heading"
    /// `{0}` is the number of runs shown.
    case changesTrendCaption = "changes.trend_caption"
    case changesSheet = "changes.sheet"

    // MARK: Coverage: the manifest compared with the account's task list (SPEC 9)
    case coverageHeading = "coverage.heading"
    /// {0} tasks listed, {1} not in the manifest, {2} of the manifest not listed.
    case coverageIntro = "coverage.intro"
    case coverageComplete = "coverage.complete"
    case coverageNotInManifestHeading = "coverage.not_in_manifest_heading"
    case coverageNotListedHeading = "coverage.not_listed_heading"
    case coverageNotInManifest = "coverage.not_in_manifest"
    case coverageNotListed = "coverage.not_listed"
    case coverageColumnGap = "coverage.column.gap"
    case coverageColumnState = "coverage.column.state"
    case coverageSheet = "coverage.sheet"
    case evidenceFileCoverageCSV = "evidence.file_coverage_csv"

    // MARK: Evidence bundle README.txt (SPEC 9)
    /// `{0}` is the report's title.
    case evidenceReadmeTitle = "evidence.readme_title"
    /// `{0}` is the report's name.
    case evidenceReadmeReport = "evidence.readme_report"
    case evidenceFilesHeading = "evidence.files_heading"
    case evidenceFileHTML = "evidence.file_html"
    case evidenceFileXLSX = "evidence.file_xlsx"
    case evidenceFilePDF = "evidence.file_pdf"
    case evidenceFileServersCSV = "evidence.file_servers_csv"
    case evidenceFileDirectoriesCSV = "evidence.file_directories_csv"
    case evidenceFileChangesCSV = "evidence.file_changes_csv"
    case evidenceFileJUnit = "evidence.file_junit"
    case evidenceFileOther = "evidence.file_other"
    case evidenceFileSummary = "evidence.file_summary"
    case evidenceFileChecksums = "evidence.file_checksums"
    case evidenceFileSignature = "evidence.file_signature"
    case evidenceFileReadme = "evidence.file_readme"
    case evidenceCheckHeading = "evidence.check_heading"
    case evidenceCheckSums = "evidence.check_sums"
    case evidenceCheckSumsResult = "evidence.check_sums_result"
    case evidenceCheckSignature = "evidence.check_signature"
    case evidenceCheckSignatureResult = "evidence.check_signature_result"
    case evidenceUnsigned = "evidence.unsigned"
    case evidenceCheckWithTool = "evidence.check_with_tool"
    case evidenceSummaryNote = "evidence.summary_note"

    // MARK: Method statement
    case methodHeading = "method.heading"
    case methodCompares = "method.compares"
    case methodSkips = "method.skips"
    case methodSkipNonASCII = "method.skip_non_ascii"
    case methodSkipLongPaths = "method.skip_long_paths"
    case methodSkipChanging = "method.skip_changing"
    case methodMeaning = "method.meaning"

    // MARK: The tool's own error words (the API's messages stay as sent)
    case errorUnrecognizedResponse = "error.unrecognized_response"
    case errorTransport = "error.transport"
    case errorNoErrorBody = "error.no_error_body"

    // MARK: XLSX
    case sheetOverview = "sheet.overview"
    case sheetServers = "sheet.servers"
    case sheetDirectories = "sheet.directories"
    /// `{0}` is the sheet's number, from 2.
    case sheetDirectoriesContinued = "sheet.directories_continued"
    case sheetErrors = "sheet.errors"
    case cellTruncatedMarker = "cell.truncated_marker"
    /// Header of the overview's export list column that says why a batch fell back or failed.
    case xlsxExportNote = "xlsx.export_note"

    // MARK: HTML
    case htmlFilterPlaceholder = "html.filter_placeholder"
    case htmlFilterLabel = "html.filter_label"
    case htmlStatusFilterAll = "html.status_filter_all"
    case htmlChartByStatus = "html.chart_by_status"
    case htmlChartTopServers = "html.chart_top_servers"
    case htmlServersHeading = "html.servers_heading"
    case htmlDirectoriesHeading = "html.directories_heading"
    case htmlErrorsHeading = "html.errors_heading"
    case htmlNoDirectories = "html.no_directories"
    case htmlGeneratedBy = "html.generated_by"
    case htmlSortHint = "html.sort_hint"
    /// `{0}` servers shown of `{1}`, updated by the filter.
    case htmlFilterCount = "html.filter_count"
    case htmlNoServers = "html.no_servers"
    case htmlChartNoDifferences = "html.chart_no_differences"
    /// `{0}` is a percentage, e.g. `12.5%`.
    case htmlShareOfServers = "html.share_of_servers"
    case htmlRatioHint = "html.ratio_hint"
    case htmlRequestID = "html.request_id"
    case htmlExportNote = "html.export_note"
    case htmlExportRequestedLanguage = "html.export_requested_language"
    case htmlExportAcknowledged = "html.export_acknowledged"
    case htmlDetailsHint = "html.details_hint"
    /// `{0}` directories, `{1}` files.
    case htmlDetailsCounts = "html.details_counts"
    /// `{0}` is the zone's name.
    case htmlTimesInZone = "html.times_in_zone"
    case htmlShowDirectories = "html.show_directories"
    /// `{0}` further consistent servers listed compactly.
    case htmlTailHeading = "html.tail_heading"
    /// `{0}` is the count of consistent servers listed compactly.
    case htmlTailNote = "html.tail_note"
    /// `{0}` page number, `{1}` page count, in the printed page's footer.
    case printPage = "print.page"
    /// What directory detail the PDF carries, above its directory details.
    case printDetailsNote = "print.details_note"
    /// Header of the PDF's column that counts a problem server's consistent directories, not listed.
    case printConsistentColumn = "print.consistent_column"
    /// `{0}` consistent directories of a problem server that the PDF counts but does not list, `{1}` their files.
    case printConsistentDirectories = "print.consistent_directories"
    /// Printed when every listed server is consistent.
    case printNoProblemServers = "print.no_problem_servers"
    /// `{0}` problem servers printed of `{1}`, when the PDF stops its server table.
    case printServersCut = "print.servers_cut"
    /// `{0}` directories with differences printed of `{1}`, when the PDF stops its directory table.
    case printDirectoriesCut = "print.directories_cut"
    /// Printed when no problem server has a directory with differences.
    case printNoDifferingDirectories = "print.no_differing_directories"
    /// `{0}` consistent servers, listed by name in the PDF.
    case printTailHeading = "print.tail_heading"
    /// `{0}` consistent servers: listed by name only, where the rest is.
    case printTailNote = "print.tail_note"

    // MARK: Accepted differences (SPEC 6)
    case labelWaivers = "label.waivers"
    case columnWaiver = "column.waiver"
    case columnReason = "column.reason"
    case columnApprovedBy = "column.approved_by"
    case columnExpires = "column.expires"
    case columnWaiverState = "column.waiver_state"
    case columnAcceptedDirectories = "column.accepted_directories"
    case waiverInForce = "waiver.in_force"
    case waiverExpired = "waiver.expired"
    case waiverUnused = "waiver.unused"
    /// `{0}` is the waiver's id and reason, next to an accepted directory's counts.
    case waiverAcceptedBy = "waiver.accepted_by"

    // MARK: Notifications (SPEC 8.3)
    case notifyVerdictSuccess = "notify.verdict.0"
    case notifyVerdictFatal = "notify.verdict.1"
    case notifyVerdictFailOn = "notify.verdict.3"
    case notifyVerdictIncomplete = "notify.verdict.4"
    case notifyVerdictInterrupted = "notify.verdict.interrupted"
    /// `{0}` is an exit code without words of its own.
    case notifyVerdictOther = "notify.verdict.other"
    /// `{0}` the verdict's words, `{1}` the exit code.
    case notifyVerdictLine = "notify.verdict_line"
    case notifyLabelScope = "notify.label.scope"
    case notifyLabelVerdict = "notify.label.verdict"
    case notifyLabelDuration = "notify.label.duration"
    case notifyLabelWarnings = "notify.label.warnings"
    case notifyLabelReportsAt = "notify.label.reports_at"
    /// `{0}` names left out of a list.
    case notifyAndMore = "notify.and_more"
    /// `{0}` hours, `{1}` minutes, `{2}` seconds.
    case notifyDurationHMS = "notify.duration_hms"
    /// `{0}` minutes, `{1}` seconds.
    case notifyDurationMS = "notify.duration_ms"
    /// `{0}` seconds.
    case notifyDurationS = "notify.duration_s"
    /// `{0}` the limit in MB, `{1}` the files left out.
    case notifyNotAttached = "notify.not_attached"
    /// `{0}` the attached files.
    case notifyAttached = "notify.attached"

    // MARK: Freshness (max_age, SPEC 9)
    /// The servers table's last column with `max_age`.
    case columnStale = "column.stale"
    /// `{0}` the age, e.g. `12 days` (`freshnessAgeDays`).
    case freshnessStaleAge = "freshness.stale_age"
    case freshnessStaleNever = "freshness.stale_never"
    case freshnessYes = "freshness.yes"
    case freshnessNo = "freshness.no"
    /// `{0}` whole days, two or more.
    case freshnessAgeDays = "freshness.age_days"
    case freshnessAgeDay = "freshness.age_day"
    /// `{0}` whole hours, two or more.
    case freshnessAgeHours = "freshness.age_hours"
    case freshnessAgeHour = "freshness.age_hour"
    /// `{0}` whole minutes, two or more.
    case freshnessAgeMinutes = "freshness.age_minutes"
    case freshnessAgeMinute = "freshness.age_minute"
}
