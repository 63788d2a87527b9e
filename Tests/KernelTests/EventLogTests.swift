import Language
import Testing

@testable import Kernel

/// The event log keeps compact records (optional parts as bits, scalar messages inline, details
/// and other messages beside them): what it gives back must be exactly what was appended.
@Suite struct EventLogTests {
    /// Events with and without each optional part, every kind of scalar message and messages
    /// that hold references.
    static let samples: [KernelEvent] = {
        let messages: [Value?] = [
            nil, .nil, .bool(true), .bool(false), .int(0), .int(-1), .int(.min), .int(.max), .float(-0.0),
            .float(.infinity), .float(1.5), .pid(7), .tid(-3), .str("hello"),
            .list([.int(1), .str("two"), .list([])]), .record(["a": .int(1), "b": .str("x")]),
        ]
        var events: [KernelEvent] = []
        for (index, message) in messages.enumerated() {
            let bits = index
            events.append(
                KernelEvent(
                    sequence: 0, time: UInt64(index) * 1000,
                    kind: KernelEvent.Kind.allCases[index % KernelEvent.Kind.allCases.count],
                    pid: index, tid: bits & 1 != 0 ? index + 100 : nil,
                    peer: bits & 2 != 0 ? (index.isMultiple(of: 3) ? Int.min : -index) : nil,
                    detail: bits & 4 != 0 ? "detail \(index)" : "",
                    correlation: bits & 8 != 0 ? UInt64.max - UInt64(index) : nil, message: message))
        }
        return events
    }()

    /// Whether `a` and `b` are the same down to the case and bits of a scalar message (`==`
    /// calls `1` and `1.0` equal, and `0.0` and `-0.0`).
    static func identical(_ a: KernelEvent, _ b: KernelEvent) -> Bool {
        guard a == b else { return false }
        switch (a.message, b.message) {
        case (.float(let x)?, .float(let y)?): return x.bitPattern == y.bitPattern
        case (.some(let x), .some(let y)): return String(reflecting: x) == String(reflecting: y)
        default: return true
        }
    }

    private static func append(_ event: KernelEvent, to log: EventLog) {
        log.append(
            time: event.time, event.kind, pid: event.pid, tid: event.tid, peer: event.peer,
            detail: event.detail,
            correlation: event.correlation, message: event.message)
    }

    /// The point of the record: plain data, less than half a ``KernelEvent``.
    @Test func aRecordIsSmallPlainData() {
        #expect(MemoryLayout<EventRecord>.stride == 56)
        #expect(_isPOD(EventRecord.self))
    }

    @Test func everyPartRoundTrips() {
        let log = EventLog(capacity: 100)
        for event in Self.samples { Self.append(event, to: log) }
        let read = log.events()
        #expect(read.count == Self.samples.count)
        for (index, (got, sample)) in zip(read, Self.samples).enumerated() {
            var expected = sample
            expected.sequence = UInt64(index + 1)
            #expect(Self.identical(got, expected), "\(got) != \(expected)")
        }
    }

    /// A send or receive, with or without its thread, sender and message.
    @Test func messageEventsRoundTrip() {
        let log = EventLog(capacity: 100)
        let messages: [Value?] = [nil, .int(42), .float(-0.0), .str("text"), .list([.int(1)])]
        var expected: [KernelEvent] = []
        for (index, message) in messages.enumerated() {
            let tid: TID? = index.isMultiple(of: 2) ? nil : 9
            let peer: Int? = index == 1 ? nil : 4
            log.lock()
            log.appendMessageLocked(
                time: UInt64(10 * index), .send, pid: 3, tid: tid, peer: peer, correlation: UInt64(index),
                message: message)
            log.unlock()
            log.appendMessage(
                time: UInt64(10 * index + 5), .receive, pid: 4, tid: nil, peer: peer,
                correlation: UInt64(index))
            expected.append(
                KernelEvent(
                    sequence: UInt64(2 * index + 1), time: UInt64(10 * index), kind: .send, pid: 3, tid: tid,
                    peer: peer,
                    detail: "", correlation: UInt64(index), message: message))
            expected.append(
                KernelEvent(
                    sequence: UInt64(2 * index + 2), time: UInt64(10 * index + 5), kind: .receive, pid: 4,
                    tid: nil, peer: peer,
                    detail: "", correlation: UInt64(index), message: nil))
        }
        let read = log.events()
        #expect(read.count == expected.count)
        for (got, want) in zip(read, expected) { #expect(Self.identical(got, want), "\(got) != \(want)") }
    }

    /// Against an array that keeps the last `capacity` events, through filling and wrapping many
    /// times, with details and reference messages on some events only: the log keeps the
    /// newest events, oldest first, numbered, each with its own detail and message; it counts
    /// what it evicted; `events(after:)` starts where asked.
    @Test(arguments: [1, 2, 3, 7, 16])
    func keepsTheLastEventsWithTheirExtras(capacity: Int) {
        let log = EventLog(capacity: capacity)
        var model: [KernelEvent] = []
        for index in 0..<(capacity * 5 + 11) {
            var event = Self.samples[(index * 7) % Self.samples.count]
            event.time = UInt64(index)
            event.sequence = UInt64(index + 1)
            if index % 5 == 0 { event.detail = "" }
            Self.append(event, to: log)
            model.append(event)
            if model.count > capacity { model.removeFirst() }
            #expect(log.total == UInt64(index + 1))
            #expect(log.evicted == UInt64(index + 1 - model.count))
            let read = log.events()
            #expect(read.count == model.count)
            #expect(zip(read, model).allSatisfy(Self.identical))
        }
        let newest = UInt64(capacity * 5 + 11)
        for after in [0, newest - UInt64(capacity) - 1, newest - 2, newest, newest + 3] {
            let read = log.events(after: after)
            let expected = model.filter { $0.sequence > after }
            #expect(read.count == expected.count)
            #expect(zip(read, expected).allSatisfy(Self.identical))
        }
    }

    /// A large message survives in the log as it was sent, and is released once evicted.
    @Test func aLargeMessageIsKeptThenReleased() {
        let log = EventLog(capacity: 3)
        weak var released: Closure?
        do {
            let closure = Closure(
                programID: ObjectIdentifier(EventLog.self), function: 1, name: "f", captures: [])
            released = closure
            let large = Value.list((0..<10_000).map { .str("element \($0)") } + [.function(closure)])
            log.lock()
            log.appendMessageLocked(time: 1, .send, pid: 1, tid: nil, peer: 2, correlation: 1, message: large)
            log.unlock()
            #expect(log.events().first?.message == large)
        }
        #expect(released != nil)
        for index in 0..<3 { log.append(time: 2, .spawn, pid: index) }
        #expect(log.events().allSatisfy { $0.message == nil })
        #expect(released == nil)
    }

    /// Messages and details still in the log are released with it.
    @Test func extrasAreReleasedWithTheLog() {
        weak var released: Closure?
        do {
            let log = EventLog(capacity: 4)
            let closure = Closure(
                programID: ObjectIdentifier(EventLog.self), function: 1, name: "f", captures: [])
            released = closure
            for index in 0..<6 {
                log.append(
                    time: 1, .send, pid: index, detail: "d\(index)", message: .list([.function(closure)]))
            }
            #expect(log.events().map(\.detail) == ["d2", "d3", "d4", "d5"])
        }
        #expect(released == nil)
    }

    /// An event stamped before the latest (its slice began before another slot's event) is
    /// stamped the latest time, in the log and in the sink.
    @Test func timesNeverGoBackwards() {
        let log = EventLog(capacity: 10)
        let sunk = Sunk()
        log.setSink { sunk.add($0) }
        for time: UInt64 in [5, 3, 8, 1, 8, 9] { log.append(time: time, .spawn, pid: 1, detail: "d") }
        #expect(log.events().map(\.time) == [5, 5, 8, 8, 8, 9])
        #expect(sunk.events == log.events())
    }

    /// The sink sees each event as `events()` gives it.
    @Test func theSinkSeesWhatTheLogKeeps() {
        let log = EventLog(capacity: 100)
        let sunk = Sunk()
        log.setSink { sunk.add($0) }
        for event in Self.samples { Self.append(event, to: log) }
        log.appendMessage(time: 20_000, .receive, pid: 2, tid: 3, peer: nil, correlation: 5)
        #expect(sunk.events.count == Self.samples.count + 1)
        #expect(zip(sunk.events, log.events()).allSatisfy(Self.identical))
    }

    /// What a sink received (it is called under the log's lock).
    final class Sunk: @unchecked Sendable {
        private(set) var events: [KernelEvent] = []
        func add(_ event: KernelEvent) { events.append(event) }
    }
}
