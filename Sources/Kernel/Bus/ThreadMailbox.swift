import DequeModule

/// A thread's own mailbox (messages sent to its TID, which `receive` takes before its
/// process's). Most threads never get a message of their own, so a thread carries one only
/// after its first (``KThread/makeOwnMailbox()``): idle memory per process stays low.
final class ThreadMailbox {
    let inbox = Inbox()
    /// Guarded like its process's queue (see ``KProcess/mailboxOwned``).
    var queue = Mailbox()
    /// Senders blocked because it is full, oldest first. Lock held.
    var blockedSenders: Deque<KThread>?
}
