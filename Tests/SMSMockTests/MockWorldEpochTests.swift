import SMSMock
import Testing

@Suite struct MockWorldEpochTests {
    static let base = MockWorld.synthetic(taskCount: 80, seed: 11)

    static func inconsistent(_ world: MockWorld) -> Set<String> {
        Set(world.tasks.filter(\.hasDifferences).map(\.sourceID))
    }

    @Test func epochZeroIsTheWorldAsItIs() {
        #expect(Self.base.atEpoch(0) == Self.base)
    }

    @Test func epochsAreDeterministicAndFlipOnlyTheirServers() {
        #expect(Self.base.atEpoch(2) == Self.base.atEpoch(2))
        let before = Self.inconsistent(Self.base)
        let after = Self.inconsistent(Self.base.atEpoch(2))
        let changed = before.symmetricDifference(after)
        #expect(!changed.isEmpty)
        let verified = Set(Self.base.tasks.filter { !$0.directories.isEmpty }.map(\.sourceID))
        let flipped = verified.filter { MockWorld.flips($0, epoch: 2) }
        // Every changed server is one the epoch flips; servers of two tasks may stay inconsistent when flipped.
        #expect(changed.isSubset(of: flipped))
        #expect(Self.base.atEpoch(2).tasks.map(\.id) == Self.base.tasks.map(\.id))
    }
}
