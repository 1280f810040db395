import Foundation
import ReportModel

/// Writes `<name>.xlsx`: an OOXML workbook with overview, servers, directories and (when any task failed) errors
/// sheets, streamed in chunks of rows from the summary, deflated on every core and zipped by our own writer.
public struct XLSXReportRenderer: ReportRenderer {
    public var format: ReportFormat { .xlsx }
    /// Excel's limits by default; tests inject small ones to prove the directories split.
    public let limits: XLSXLimits
    /// Deflate level, threads and chunk size; the output depends on the level and chunk size only.
    public let compression: XLSXCompression

    /// A renderer writing under `limits`, compressing with `compression`.
    public init(limits: XLSXLimits = .excel, compression: XLSXCompression = .standard) {
        self.limits = limits
        self.compression = compression
    }

    public func render(_ context: RenderContext, to output: OutputFolder) throws -> [URL] {
        let url = try output.write("\(context.report.name).xlsx") { temporary in
            try XLSXWorkbookWriter(context: context, limits: limits, compression: compression).write(to: temporary)
        }
        return [url]
    }
}
