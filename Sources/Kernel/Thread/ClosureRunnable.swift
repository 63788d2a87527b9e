/// A runnable made of a Swift closure: for tests, benchmarks and built-in programs.
/// The closure is called once per slice and keeps whatever state it captures.
public final class ClosureRunnable: Runnable {
    private let body: (inout Slice) -> RunOutcome

    public init(_ body: @escaping (inout Slice) -> RunOutcome) {
        self.body = body
    }

    public func run(_ slice: inout Slice) -> RunOutcome {
        body(&slice)
    }
}
