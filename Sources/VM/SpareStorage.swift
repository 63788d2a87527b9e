#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import Synchronization

/// Spare storage blocks of the size most threads start with (4 frames, 16 registers), kept
/// for the next new thread: a short-lived process then costs no `malloc` and `free` for its
/// registers. A program that spawns in a loop starts a hundred or more children per slice and
/// they end soon after, a pattern glibc's per-thread cache (seven blocks per size) does not
/// absorb: the allocation and its free cost a spawned child about 450 instructions, where
/// taking and giving back a spare costs about 60 (callgrind, `bench spawn-program`).
///
/// Shared by every kernel and OS thread, behind a small lock (``SparePool``). Holds at most ``limit`` blocks
/// (90 KB); a block beyond that is freed. A block's contents are uninitialized memory.
enum SpareStorage {
    /// Frames in a pooled block.
    static let frameCapacity = 4
    /// Registers in a pooled block.
    static let stackCapacity = 16
    /// Most blocks kept: more than a spawning loop starts in one slice.
    static let limit = 256

    /// The blocks' addresses (integers: a pointer is not `Sendable`).
    private static let blocks = SparePool()

    /// A spare block, or nil when there is none.
    static func take() -> UnsafeMutableRawPointer? {
        UnsafeMutableRawPointer(bitPattern: blocks.withLock { $0.popLast() } ?? 0)
    }

    /// Keeps `block` (of the pooled size, its contents destroyed), or frees it when enough are kept.
    static func give(_ block: UnsafeMutableRawPointer) {
        let kept = blocks.withLock { spares in
            guard spares.count < limit else { return false }
            spares.append(UInt(bitPattern: block))
            return true
        }
        if !kept { block.deallocate() }
    }

    /// How many blocks are kept now.
    static var count: Int { blocks.withLock { $0.count } }
}

/// The spare blocks' addresses behind a one-word lock whose acquire/release ordering
/// ThreadSanitizer sees: with `Synchronization.Mutex` it reported a "Swift access race" in
/// `take` about one run in three (it does not see that lock's ordering on Linux), and a
/// pthread mutex cost a program spawn 100 more instructions. (The kernel's `SpinLock`, which
/// the VM, a layer below, cannot use; a few instructions are ever held under it.)
private final class SparePool: @unchecked Sendable {  // `blocks` is only touched holding `taken`
    private let taken = Atomic<Bool>(false)
    private var blocks: [UInt] = []

    /// Runs `body` on the list, holding the lock.
    func withLock<T>(_ body: (inout [UInt]) -> T) -> T {
        while taken.exchange(true, ordering: .acquiring) { sched_yield() }
        defer { taken.store(false, ordering: .releasing) }
        return body(&blocks)
    }
}
