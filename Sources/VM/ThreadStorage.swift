import Language

/// A thread's frame stack and registers share one allocation: `frameCapacity` frames, then
/// `stackCapacity` registers. A new thread costs one `malloc` for both, and one `free` when it
/// ends (unless the block is of the usual size: see ``SpareStorage``); growing either part
/// moves both into a new allocation.
///
/// Every register is initialized (to nil when new); only the first `frameCount` frames are.
extension VMThread {
    /// The storage of a new thread about to call function `function` (which uses
    /// `registerCount` registers) with `argumentCount` arguments: one frame (for `function`,
    /// its registers from 1), and registers all nil.
    static func initialStorage(function: Int, registerCount: Int, argumentCount: Int) -> (
        frames: UnsafeMutablePointer<Frame>, frameCapacity: Int, stack: UnsafeMutablePointer<Value>,
        stackCapacity: Int
    ) {
        // Small for idle processes; the stack grows on calls, the frames double on deep calls.
        let stackCapacity = max(16, registerCount + 1 + argumentCount)
        let frameCapacity = 4
        let (frames, stack) =
            stackCapacity == SpareStorage.stackCapacity
            ? spareStorage() : allocateStorage(frameCapacity: frameCapacity, stackCapacity: stackCapacity)
        stack.initialize(repeating: .nil, count: stackCapacity)
        frames.initialize(to: Frame(function: function, pc: 0, base: 1))
        return (frames, frameCapacity, stack, stackCapacity)
    }

    /// Byte offset of the registers: after the frames, rounded up to a register's alignment.
    static func registerOffset(frameCapacity: Int) -> Int {
        let alignment = MemoryLayout<Value>.alignment
        return (frameCapacity * MemoryLayout<Frame>.stride + alignment - 1) / alignment * alignment
    }

    /// A block of ``SpareStorage``'s size, spare or new, all uninitialized.
    private static func spareStorage()
        -> (frames: UnsafeMutablePointer<Frame>, stack: UnsafeMutablePointer<Value>)
    {
        guard let raw = SpareStorage.take() else {
            return allocateStorage(
                frameCapacity: SpareStorage.frameCapacity, stackCapacity: SpareStorage.stackCapacity)
        }
        return bind(raw, frameCapacity: SpareStorage.frameCapacity, stackCapacity: SpareStorage.stackCapacity)
    }

    /// A new allocation for `frameCapacity` frames and `stackCapacity` registers, all
    /// uninitialized: the frames' pointer (also the allocation's) and the registers'.
    static func allocateStorage(frameCapacity: Int, stackCapacity: Int)
        -> (frames: UnsafeMutablePointer<Frame>, stack: UnsafeMutablePointer<Value>)
    {
        let offset = registerOffset(frameCapacity: frameCapacity)
        let raw = UnsafeMutableRawPointer.allocate(
            byteCount: offset + stackCapacity * MemoryLayout<Value>.stride,
            alignment: max(MemoryLayout<Frame>.alignment, MemoryLayout<Value>.alignment))
        return bind(raw, frameCapacity: frameCapacity, stackCapacity: stackCapacity)
    }

    /// The frames and registers of block `raw`.
    private static func bind(_ raw: UnsafeMutableRawPointer, frameCapacity: Int, stackCapacity: Int)
        -> (frames: UnsafeMutablePointer<Frame>, stack: UnsafeMutablePointer<Value>)
    {
        let frames = raw.bindMemory(to: Frame.self, capacity: frameCapacity)
        let stack = (raw + registerOffset(frameCapacity: frameCapacity))
            .bindMemory(to: Value.self, capacity: stackCapacity)
        return (frames, stack)
    }

    /// Frees the block at `frames` (destroyed contents), or keeps it if it is of the pooled size.
    private static func freeStorage(
        _ frames: UnsafeMutablePointer<Frame>, frameCapacity: Int, stackCapacity: Int
    ) {
        let raw = UnsafeMutableRawPointer(frames)
        if frameCapacity == SpareStorage.frameCapacity && stackCapacity == SpareStorage.stackCapacity {
            SpareStorage.give(raw)
        } else {
            raw.deallocate()
        }
    }

    /// Moves the frames and registers to a new allocation with room for `frameCapacity` frames
    /// and `stackCapacity` registers (at least the current capacities); the new registers are nil.
    func reallocateStorage(frameCapacity newFrameCapacity: Int, stackCapacity newStackCapacity: Int) {
        let (grownFrames, grownStack) = VMThread.allocateStorage(
            frameCapacity: newFrameCapacity, stackCapacity: newStackCapacity)
        grownFrames.moveInitialize(from: frames, count: frameCount)
        grownStack.moveInitialize(from: stack, count: stackCapacity)
        (grownStack + stackCapacity).initialize(repeating: .nil, count: newStackCapacity - stackCapacity)
        VMThread.freeStorage(frames, frameCapacity: frameCapacity, stackCapacity: stackCapacity)
        frames = grownFrames
        frameCapacity = newFrameCapacity
        stack = grownStack
        stackCapacity = newStackCapacity
    }

    /// Frees a thread's registers and frames now, once it will not run again: while they are
    /// still in the cache, rather than when the thread object goes (its host may keep that
    /// long after: the kernel's slice history lists ended threads for thousands of slices,
    /// and freeing their cold registers then cost a program spawn about 16 cache misses).
    /// Introspection then sees no frames.
    public func releaseStorage() {
        guard frameCapacity > 0 else { return }
        deallocateStorage()
        frameCount = 0
        frameCapacity = 0
        stackCapacity = 0
        state = .done
    }

    /// Destroys the registers and frames and frees their allocation (the thread's `deinit`),
    /// unless ``releaseStorage()`` did.
    func deallocateStorage() {
        guard frameCapacity > 0 else { return }
        // Only registers holding a reference need destroying; most hold nil or numbers, and
        // the generic `deinitialize(count:)` destroys each through a witness call.
        // The registers' pointer in a local: read through `self` it was loaded again for every
        // register (a destroy may run any code): 257 -> 226 instructions per thread.
        let registers = stack
        for index in 0..<stackCapacity where !registers[index].isScalar {
            (registers + index).deinitialize(count: 1)
        }
        frames.deinitialize(count: frameCount)
        VMThread.freeStorage(frames, frameCapacity: frameCapacity, stackCapacity: stackCapacity)
    }
}
