import Foundation
import ReportModel

/// Writes `<name>.xlsx`. (Being built in issue 4.)
public struct XLSXReportRenderer: ReportRenderer {
    public var format: ReportFormat { .xlsx }
    public init() {}
    public func render(_ context: RenderContext, to output: OutputFolder) throws -> [URL] { [] }
}
