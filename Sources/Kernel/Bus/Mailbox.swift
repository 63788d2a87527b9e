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

/// The receiving side of a mailbox: the messages taken from its ``Inbox``, oldest first,
/// where `receive` scans and removes. Owned by the thread running a slice of a process with
/// one thread (see ``KThread/ownsMailbox``), which then needs no lock; otherwise guarded by
/// the kernel lock.
struct Mailbox {
    var messages: Deque<Message> = []
    /// How many messages have ever moved in (for lost-wakeup checks).
    var arrivals: UInt64 = 0
    /// How many have been taken out (a waiting `receive` must rescan if any was: indices moved).
    var removals: UInt64 = 0

    var count: Int { messages.count }

    mutating func append(_ message: consuming Message) {
        messages.append(message)
        arrivals &+= 1
    }

    /// Removes and returns the message at `index` (usually the oldest).
    mutating func take(at index: Int) -> Message {
        removals &+= 1
        return index == 0 ? messages.removeFirst() : messages.remove(at: index)
    }
}
