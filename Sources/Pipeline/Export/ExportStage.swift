import Logging
import ReportModel
import SMSAPI

/// Exports every batch in each language and hands the artefacts to a sink that saves them.
///
/// Batches go one at a time in manifest order: the export makes the server build a file, so it is the heavy
/// call, and an ordered sequence keeps the artefacts, the logs and the server's view of the run predictable.
///
/// When a `zh-cn` export answers 400 (one API page says only English is supported), the batch is exported
/// again in `en-us` and the record says so. A batch whose export finally fails is recorded, never fatal,
/// unless the ``RequestGuard`` stops the run.
struct ExportStage: Sendable {
    /// Saves an artefact at a path relative to the output folder (`exports/en-us/batch-0001.xlsx`).
    typealias Sink = @Sendable (_ relativePath: String, _ bytes: [UInt8]) async throws -> Void

    let client: SMSClient
    let guardian: RequestGuard
    let logger: Logger

    /// One record per batch, in batch order.
    func export(
        _ batches: [ExportBatch], language: ReportLanguage, save: @escaping Sink,
        progress: (PipelineProgress) -> Void
    ) async throws -> [ExportRecord] {
        var records: [ExportRecord] = []
        progress(PipelineProgress(stage: .export(language), completed: 0, total: batches.count))
        for batch in batches {
            try Task.checkCancellation()
            records.append(try await export(batch, language: language, save: save))
            progress(PipelineProgress(stage: .export(language), completed: records.count, total: batches.count))
        }
        return records
    }

    private func export(_ batch: ExportBatch, language: ReportLanguage, save: Sink) async throws -> ExportRecord {
        var record = ExportRecord(
            batch: batch.number, taskCount: batch.entries.count, requestedLanguage: language, language: nil,
            file: nil, contentType: nil, byteCount: 0, error: nil)
        var answered: ReportLanguage = language
        let file: ExportedFile
        do {
            do {
                file = try await request(batch, language)
            } catch let error as SMSAPIError where error.httpStatus == 400 && language == .zhCN {
                logger.info(
                    "zh-cn export rejected, exporting in en-us instead",
                    metadata: ["batch": "\(batch.number)", "error": "\(error)"])
                answered = .enUS
                file = try await request(batch, .enUS)
            }
        } catch let error as SMSAPIError {
            // After the run's deadline every batch left fails alike: the end-of-run summary counts them.
            logger.log(
                level: error.isDeadlineReached ? .debug : .warning, "export failed",
                metadata: ["batch": "\(batch.number)", "language": "\(language.rawValue)", "error": "\(error)"])
            record.error = TaskError(error)
            return record
        }
        record.language = answered
        record.contentType = file.contentType
        record.byteCount = file.body.count
        switch ArtefactKind(body: file.body, contentType: file.contentType, fileNameHint: file.fileNameHint) {
        case .acknowledgement:
            break
        case .file(let fileExtension):
            let path = "exports/\(language.rawValue)/\(batch.fileStem).\(fileExtension)"
            try await save(path, file.body)
            record.file = path
        }
        return record
    }

    private func request(_ batch: ExportBatch, _ language: ReportLanguage) async throws -> ExportedFile {
        do {
            let file = try await client.exportConsistencyResults(batch.taskInfo, language: language.rawValue)
            await guardian.recordSuccess()
            return file
        } catch let error as SMSAPIError {
            try await guardian.record(error)
            throw error
        }
    }
}
