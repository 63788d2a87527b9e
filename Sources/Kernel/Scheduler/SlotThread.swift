#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An execution slot's OS thread.
final class SlotThread {
    private var handle: pthread_t?

    /// Starts an OS thread running `body`.
    init(_ body: @escaping () -> Void) {
        let box = Unmanaged.passRetained(ThreadBody(body))
        var thread = pthread_t()
        let result = pthread_create(
            &thread, nil,
            { raw in
                guard let raw else { return nil }
                let body = Unmanaged<ThreadBody>.fromOpaque(raw).takeRetainedValue()
                body.run()
                return nil
            }, box.toOpaque())
        if result == 0 {
            handle = thread
        } else {
            box.release()
        }
    }

    /// Lets the OS thread end on its own (nobody will join it).
    func detach() {
        guard let handle else { return }
        pthread_detach(handle)
        self.handle = nil
    }

    /// Waits for the OS thread to end.
    func join() {
        guard let handle else { return }
        pthread_join(handle, nil)
        self.handle = nil
    }
}

private final class ThreadBody {
    let run: () -> Void
    init(_ run: @escaping () -> Void) { self.run = run }
}
