import Testing

@testable import Kernel

@Suite struct ThreadListTests {
    /// Against an array: appends and removals keep the order, main thread first, whether the
    /// list holds one thread (inline) or more.
    @Test func behavesLikeAnArrayOfThreads() {
        let all = makeThreads(0..<8)
        var list = ThreadList()
        var model: [KThread] = []
        #expect(list.isEmpty && list.unmanagedOnly == nil)
        for thread in all.prefix(5) {
            list.append(thread)
            model.append(thread)
            #expect(list.map(\.tid) == model.map(\.tid))
        }
        list.removeAll { $0.tid == 0 }  // the first: the next one moves inline
        model.removeAll { $0.tid == 0 }
        #expect(list.map(\.tid) == model.map(\.tid) && list.count == 4)
        list.removeAll { $0.tid % 2 == 1 }
        model.removeAll { $0.tid % 2 == 1 }
        #expect(list.map(\.tid) == [2, 4] && list.map(\.tid) == model.map(\.tid))
        list.removeAll { $0.tid == 4 }
        #expect(list.unmanagedOnly?.takeUnretainedValue().tid == 2 && list.count == 1 && list[0].tid == 2)
        list.append(all[7])
        #expect(list.unmanagedOnly == nil && list.map(\.tid) == [2, 7])
        list.removeAll { _ in true }
        #expect(list.isEmpty && list.unmanagedOnly == nil)
        #expect(ThreadList(all[3]).unmanagedOnly?.takeUnretainedValue().tid == 3)
    }
}
