/// A process's live threads, main thread first. Most processes only ever have their main
/// thread, so it is kept inline and a second thread starts an array: a spawn allocates no
/// array (a one-element `[KThread]` cost every process an allocation and its free).
/// Guarded by the kernel lock.
struct ThreadList: RandomAccessCollection {
    private var head: KThread?
    private var rest: [KThread] = []

    /// No threads.
    init() {}

    /// Just `main`.
    init(_ main: KThread) { head = main }

    var startIndex: Int { 0 }
    var endIndex: Int { head == nil ? 0 : 1 &+ rest.count }

    subscript(index: Int) -> KThread {
        guard index > 0 else {
            guard let head, index == 0 else { preconditionFailure("thread index \(index) out of range") }
            return head
        }
        return rest[index - 1]
    }

    /// The thread, when there is exactly one, to borrow without a retain (the list holds it).
    var unmanagedOnly: Unmanaged<KThread>? {
        guard rest.isEmpty, let head else { return nil }
        return .passUnretained(head)
    }

    /// Adds `thread` last.
    mutating func append(_ thread: KThread) {
        if head == nil { head = thread } else { rest.append(thread) }
    }

    /// Removes the threads `shouldRemove` picks, keeping the others' order.
    mutating func removeAll(where shouldRemove: (KThread) -> Bool) {
        var kept = ThreadList()
        for thread in self where !shouldRemove(thread) { kept.append(thread) }
        self = kept
    }
}
