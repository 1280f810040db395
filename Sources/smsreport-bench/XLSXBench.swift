/// The XLSX benchmark (issue 4).
enum XLSXBench {
    static func run(_ arguments: [String]) throws {}
}
