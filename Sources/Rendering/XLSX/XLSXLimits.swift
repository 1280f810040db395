/// The limits a workbook is written under: Excel's by default, smaller in tests that prove a sheet split.
public struct XLSXLimits: Sendable, Hashable {
    /// Data rows per table sheet below its header row; Excel has 1,048,576 rows in all.
    public var dataRowsPerSheet: Int
    /// UTF-16 code units per cell, marker included; Excel's limit is 32,767.
    public var cellCharacters: Int

    /// Limits with the given values; `dataRowsPerSheet` and `cellCharacters` must be positive.
    public init(dataRowsPerSheet: Int = 1_048_575, cellCharacters: Int = 32_767) {
        precondition(dataRowsPerSheet > 0 && cellCharacters > 0, "XLSX limits must be positive")
        self.dataRowsPerSheet = dataRowsPerSheet
        self.cellCharacters = cellCharacters
    }

    /// Excel's own limits.
    public static let excel = XLSXLimits()
}
