import Language

/// What a blocked thread waits for. The scheduler parks the thread, arms a timer if there is a
/// timeout, and wakes it with a ``Wake`` when the request completes.
public enum WaitRequest: Sendable {
    /// Sleep for a time; woken with `nil`.
    case sleep(milliseconds: Int)
    /// A message: woken with `true` when one arrives that the thread has not yet looked at,
    /// `false` when the timeout (if any) passes.
    case receive(timeoutMilliseconds: Int?)
    /// Other threads of the same process ending: woken with the list of their return values
    /// (in the order given), or a `timeout` failure.
    case join([TID], timeoutMilliseconds: Int?)
    /// A process ending: woken with its exit code, or a `timeout` failure.
    case wait(PID, timeoutMilliseconds: Int?)
    /// Room in a full mailbox: the kernel delivers `message` when there is, then wakes the
    /// sender with `true`.
    case send(to: Address, message: Value)
    /// A reply to request `id`: woken with the reply, or a `timeout` / `noproc` failure.
    case request(UInt64, timeoutMilliseconds: Int?)
    /// A coordination object of the process (lock, semaphore, barrier, event flag): woken
    /// with nil when it is granted, or a `timeout` failure.
    case coordination(CoordinationKey, timeoutMilliseconds: Int?)
    /// An OS process run by `tool()`: woken with `{code, output}`.
    case tool(Int)

    /// The short reason `ps` shows.
    var label: String {
        switch self {
        case .sleep: "sleep"
        case .receive: "receive"
        case .join(let tids, _): "join " + tids.map(String.init).joined(separator: ",")
        case .wait(let pid, _): "wait \(pid)"
        case .send: "mailbox-full"
        case .request(let id, _): "reply \(id)"
        case .coordination(let key, _): key.label
        case .tool: "tool"
        }
    }

    var timeoutMilliseconds: Int? {
        switch self {
        case .sleep(let ms): ms
        case .receive(let ms), .join(_, let ms), .wait(_, let ms), .request(_, let ms),
            .coordination(_, let ms):
            ms
        case .send, .tool: nil
        }
    }
}

/// Where a message goes.
public enum Address: Sendable, Hashable, CustomStringConvertible {
    /// A process's mailbox.
    case process(PID)
    /// One thread's own mailbox.
    case thread(TID)

    public var description: String {
        switch self {
        case .process(let pid): String(pid)
        case .thread(let tid): "t\(tid)"
        }
    }

    /// The PID or TID.
    public var number: Int {
        switch self {
        case .process(let pid): pid
        case .thread(let tid): tid
        }
    }
}
