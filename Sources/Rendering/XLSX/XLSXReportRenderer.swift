import Foundation
import ReportModel

/// Writes `<name>.xlsx`: an OOXML workbook with overview, servers, directories and (when any task failed) errors
/// sheets, streamed row by row from the summary and zipped with ZIPFoundation (deflate).
public struct XLSXReportRenderer: ReportRenderer {
    public var format: ReportFormat { .xlsx }
    /// Excel's limits by default; tests inject small ones to prove the directories split.
    public let limits: XLSXLimits

    /// A renderer writing under `limits`.
    public init(limits: XLSXLimits = .excel) {
        self.limits = limits
    }

    public func render(_ context: RenderContext, to output: OutputFolder) throws -> [URL] {
        let url = try output.write("\(context.report.name).xlsx") { temporary in
            try XLSXWorkbookWriter(context: context, limits: limits).write(to: temporary)
        }
        return [url]
    }
}
