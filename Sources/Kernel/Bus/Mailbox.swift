import DequeModule
import Language

/// A message in a mailbox.
public struct Message: Sendable {
    /// Who sent it: a PID or TID, or nil for the kernel.
    public var from: Address?
    /// The message itself.
    public var value: Value
    /// Kernel-wide message number (send and receive events name it).
    public var id: UInt64 = 0
    /// Kernel nanoseconds when it was queued.
    public var queuedAt: UInt64 = 0
}

/// A FIFO of messages with a limit. Guarded by the kernel lock.
struct Mailbox {
    var messages: Deque<Message> = []
    /// How many messages have ever arrived (for lost-wakeup checks).
    var arrivals: UInt64 = 0
    /// How many have been taken out (a waiting `receive` must rescan if any was: indices moved).
    var removals: UInt64 = 0
    /// Senders blocked because it is full, oldest first.
    var blockedSenders: Deque<KThread>?

    var count: Int { messages.count }

    mutating func append(_ message: Message) {
        messages.append(message)
        arrivals &+= 1
    }

    /// Removes and returns the message at `index` (usually the oldest).
    mutating func take(at index: Int) -> Message {
        removals &+= 1
        return index == 0 ? messages.removeFirst() : messages.remove(at: index)
    }

    /// Whether a sender waits for room.
    var hasBlockedSenders: Bool { !(blockedSenders?.isEmpty ?? true) }
}
