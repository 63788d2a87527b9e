import Testing

@testable import Kernel

@Suite struct ChildListTests {
    @Test func staysInPIDOrderWhateverTheOrderOfChanges() {
        var children = ChildList()
        #expect(children.isEmpty)
        for pid in [5, 9, 12, 40] { children.insert(pid) }
        children.insert(7)  // out of order (not how spawns come, but kept sorted anyway)
        children.insert(9)  // already there
        #expect(Array(children) == [5, 7, 9, 12, 40])
        children.remove(12)
        children.remove(13)  // not there
        children.remove(5)
        #expect(Array(children) == [7, 9, 40])
        for pid in [7, 9, 40] { children.remove(pid) }
        #expect(children.isEmpty)
    }

    @Test func matchesASortedSetUnderRandomChurn() {
        var children = ChildList()
        var reference = Set<Int>()
        var generator = SplitMix64(seed: 3)
        for step in 0..<5_000 {
            let pid = step % 7 == 0 ? Int(generator.next() % 500) : step
            if generator.next() % 3 == 0 {
                children.remove(pid)
                reference.remove(pid)
            } else {
                children.insert(pid)
                reference.insert(pid)
            }
        }
        #expect(Array(children) == reference.sorted())
    }
}
