import Testing

@testable import Kernel

@Suite struct NodeCacheTests {
    /// A node given back is the next one taken; past its capacity the cache frees nodes.
    @Test func reusesNodesUpToItsCapacity() {
        var cache = NodeCache()
        let first = cache.take()
        cache.give(first)
        #expect(cache.take() == first)
        var nodes = (0..<(NodeCache.capacity + 10)).map { _ in cache.take() }
        for node in nodes { cache.give(node) }
        // The first `capacity` given are kept, newest first; the last ten went back to malloc.
        let kept = (0..<NodeCache.capacity).map { _ in cache.take() }
        #expect(Set(kept) == Set(nodes.prefix(NodeCache.capacity)))
        #expect(kept.first == nodes[NodeCache.capacity - 1])
        nodes = kept
        for node in nodes { cache.give(node) }
        cache.give(first)
        cache.empty()
    }
}
