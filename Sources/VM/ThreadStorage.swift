import Language

/// A thread's frame stack and registers share one allocation: `frameCapacity` frames, then
/// `stackCapacity` registers. A new thread costs one `malloc` for both, and one `free` when it
/// ends; growing either part moves both into a new allocation.
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
        let (frames, stack) = allocateStorage(frameCapacity: frameCapacity, stackCapacity: stackCapacity)
        stack.initialize(repeating: .nil, count: stackCapacity)
        frames.initialize(to: Frame(function: function, pc: 0, base: 1))
        return (frames, frameCapacity, stack, stackCapacity)
    }

    /// Byte offset of the registers: after the frames, rounded up to a register's alignment.
    static func registerOffset(frameCapacity: Int) -> Int {
        let alignment = MemoryLayout<Value>.alignment
        return (frameCapacity * MemoryLayout<Frame>.stride + alignment - 1) / alignment * alignment
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
        let frames = raw.bindMemory(to: Frame.self, capacity: frameCapacity)
        let stack = (raw + offset).bindMemory(to: Value.self, capacity: stackCapacity)
        return (frames, stack)
    }

    /// Moves the frames and registers to a new allocation with room for `frameCapacity` frames
    /// and `stackCapacity` registers (at least the current capacities); the new registers are nil.
    func reallocateStorage(frameCapacity newFrameCapacity: Int, stackCapacity newStackCapacity: Int) {
        let (grownFrames, grownStack) = VMThread.allocateStorage(
            frameCapacity: newFrameCapacity, stackCapacity: newStackCapacity)
        grownFrames.moveInitialize(from: frames, count: frameCount)
        grownStack.moveInitialize(from: stack, count: stackCapacity)
        (grownStack + stackCapacity).initialize(repeating: .nil, count: newStackCapacity - stackCapacity)
        UnsafeMutableRawPointer(frames).deallocate()
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
        for index in 0..<stackCapacity where !stack[index].isScalar {
            (stack + index).deinitialize(count: 1)
        }
        frames.deinitialize(count: frameCount)
        UnsafeMutableRawPointer(frames).deallocate()
    }
}
