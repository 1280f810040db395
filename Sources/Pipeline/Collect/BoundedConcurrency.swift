/// Runs `body` over `inputs` with at most `limit` in flight: starts `limit` child tasks, then one more each
/// time one finishes. Children return values, the parent collects them in input order; no shared state.
/// The first error thrown cancels the rest and is rethrown. `onEach` runs in the parent after each completion.
func mapConcurrently<Input: Sendable, Output: Sendable>(
    _ inputs: [Input], limit: Int,
    onEach: (Int) -> Void = { _ in },
    _ body: @escaping @Sendable (Input) async throws -> Output
) async throws -> [Output] {
    precondition(limit >= 1)
    var results = [Output?](repeating: nil, count: inputs.count)
    try await withThrowingTaskGroup(of: (Int, Output).self) { group in
        var next = 0
        func startNext() {
            guard next < inputs.count else { return }
            let index = next
            let input = inputs[index]
            group.addTask { (index, try await body(input)) }
            next += 1
        }
        for _ in 0..<min(limit, inputs.count) { startNext() }
        var completed = 0
        while let (index, output) = try await group.next() {
            results[index] = output
            completed += 1
            onEach(completed)
            startNext()
        }
    }
    return results.map { $0! }
}
