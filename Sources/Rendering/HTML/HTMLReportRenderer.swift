import Foundation
import ReportModel

/// Writes `<name>.html`. (Being built in issue 5.)
public struct HTMLReportRenderer: ReportRenderer {
    public var format: ReportFormat { .html }
    public init() {}
    public func render(_ context: RenderContext, to output: OutputFolder) throws -> [URL] { [] }
}
