/// The HTML benchmark and sample renderer (issue 5).
enum HTMLBench {
    static func run(_ arguments: [String]) throws {}
}
