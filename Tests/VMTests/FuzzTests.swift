import Foundation
import Language
import Testing
import VM

/// SplitMix64: a small seeded generator, so fuzz runs are reproducible.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A host that answers kernel calls at random: values, blocks, failures.
final class FuzzHost: VMHost, @unchecked Sendable {
    var rng: SeededRandom
    var mailbox: [Value] = ["ping", ["op": "add", "a": 1, "b": 2, "from": .pid(1)], [1, 2], 42]
    init(seed: UInt64) { rng = SeededRandom(state: seed) }

    func syscall(_ call: KernelCall, _ args: [Value], thread: VMThread) -> SyscallResult {
        switch Int.random(in: 0..<10, using: &rng) {
        case 0: return .block
        case 1: return .fail(kind: "timeout", message: "fuzz")
        case 2: return .value(.list([1, "x"]))
        case 3: return .value(.int(Int64.random(in: -5...5, using: &rng)))
        case 4: return .value(.bool(Bool.random(using: &rng)))
        default: return .value(.nil)
        }
    }

    func peekMessage(at index: Int, thread: VMThread) -> Value? {
        index < mailbox.count ? mailbox[index] : nil
    }
    func removeMessage(at index: Int, thread: VMThread) -> Bool {
        if index < mailbox.count { mailbox.remove(at: index) }
        return true
    }
    func waitForMessage(timeout: Int64?, thread: VMThread) -> SyscallResult { .block }
    func allocate(bytes: Int, thread: VMThread) -> Bool { true }
}

/// Seed programs for mutation: the examples plus snippets covering every construct.
enum FuzzSeeds {
    static let snippets = [
        """
        orchestrator s1 version "1.0.0"
        fn main(args) {
          var xs = [1, 2, 3]
          var m = {a: 1, "b c": [2]}
          for i in 0..<len(xs) { xs[i] += i * 2 }
          for k, v in m { m[k] = v }
          while len(xs) < 10 { xs.append(len(xs)) }
          let f = fn(x) { return x * 2 + len(xs) }
          let ys = map(xs, f)
          try { throw {kind: "k", message: "m"} } catch e { print(e.kind, "\\(e.message)") }
          receive {
            {op: "add", a, b, from} when a > 0 => send(from, {sum: a + b})
            [x, _] => print(x)
            "ping" => print("pong")
            after 10 => print("idle")
          }
          return sum(ys) ?? 0
        }
        """,
        """
        orchestrator s2 version "2.0.0"
        fn main() {
          var n = 0
          loop { n += 1
            if n > 50 { break } else if n % 3 == 0 { continue }
            ctx.update("scoring", "n", fn(old) { return (old ?? 0) + n })
          }
          let t = thread helper(n, [n])
          let r = join([t], 100)
          return r[0] ?? -n
        }
        fn helper(a, b) { return a + len(b) - 1 / (a - a) }
        """,
    ]

    static func all() -> [String] {
        var out = snippets
        for name in Examples.names {
            if let s = try? Examples.source(name) { out.append(s) }
        }
        return out
    }
}

/// Splits source into chunks: words, single punctuation characters, runs of blanks.
private func chunks(_ s: String) -> [String] {
    var out: [String] = []
    var current = ""
    func kind(_ c: Character) -> Int {
        c.isLetter || c.isNumber || c == "_" ? 0 : (c == " " || c == "\n" ? 1 : 2)
    }
    for c in s {
        if let last = current.last, kind(last) == kind(c), kind(c) != 2 {
            current.append(c)
        } else {
            if !current.isEmpty { out.append(current) }
            current = String(c)
        }
    }
    if !current.isEmpty { out.append(current) }
    return out
}

private let pool = [
    "{", "}", "(", ")", "[", "]", ",", ":", ";", ".", "..<", "...", "=>", "+", "-", "*", "/", "%", "==", "<",
    "=",
    "+=", "&&", "||", "!", "??", "fn", "let", "var", "if", "else", "while", "for", "in", "loop", "break",
    "continue", "return", "try", "catch", "throw", "receive", "when", "after", "thread", "nil", "true", "0",
    "-1", "9223372036854775807", "\"s\"", "\"\\(x)\"", "x", "main", "ctx", "\n", "/*", "//", "\"",
]

private func mutate(_ source: String, _ rng: inout SeededRandom) -> String {
    var parts = chunks(source)
    let rounds = Int.random(in: 1...4, using: &rng)
    for _ in 0..<rounds where !parts.isEmpty {
        let i = Int.random(in: 0..<parts.count, using: &rng)
        switch Int.random(in: 0..<7, using: &rng) {
        case 0: parts.remove(at: i)
        case 1: parts.insert(parts[i], at: i)
        case 2:
            let j = Int.random(in: 0..<parts.count, using: &rng)
            parts.swapAt(i, j)
        case 3: parts.insert(pool.randomElement(using: &rng) ?? "", at: i)
        case 4: parts[i] = pool.randomElement(using: &rng) ?? ""
        case 5:
            let bytes = (0..<Int.random(in: 1...8, using: &rng)).map { _ in
                UInt8.random(in: 0...255, using: &rng)
            }
            parts.insert(String(decoding: bytes, as: UTF8.self), at: i)
        default: parts = Array(parts.prefix(i))
        }
    }
    return parts.joined()
}

/// Compiles `source`; if it compiles, runs every function that takes no more than 2 arguments
/// with a bounded budget. Returns whether it compiled.
@discardableResult
private func exercise(_ source: String, seed: UInt64) -> Bool {
    guard let program = try? Compiler.compile(source: source, file: "fuzz.orch") else { return false }
    _ = Disassembler.disassemble(program)
    for f in program.functions where f.captureCount == 0 {
        let host = FuzzHost(seed: seed)
        let args: [Value] =
            f.name == "main" ? program.mainArguments(["3", "2"]) : Array(repeating: 1, count: f.arity)
        guard let thread = try? VMThread(program: program, function: f.index, args: args, host: host) else {
            continue
        }
        for _ in 0..<40 {
            switch thread.run(budget: 500) {
            case .yielded: continue
            case .blocked:
                if Bool.random(using: &host.rng) {
                    thread.resume(with: .bool(Bool.random(using: &host.rng)))
                } else {
                    thread.resume(throwing: "timeout", message: "fuzz")
                }
            default: break
            }
            if thread.isDone { break }
        }
        _ = thread.stackSnapshot
        _ = thread.currentInstruction
    }
    return true
}

@Suite struct FuzzTests {
    @Test func mutatedProgramsNeverCrashOrHang() {
        let env = ProcessInfo.processInfo.environment
        var rng = SeededRandom(state: env["DKCTL_FUZZ_SEED"].flatMap { UInt64($0) } ?? 0xD1CE)
        let seeds = FuzzSeeds.all()
        #expect(seeds.count >= 8)
        for s in seeds { #expect(exercise(s, seed: 1), "seed program must compile") }
        let start = ContinuousClock.now
        var compiled = 0
        // DKCTL_FUZZ_COUNT=20000 (and DKCTL_FUZZ_SEED=N) for a longer run; the default keeps `swift test` fast.
        let count = env["DKCTL_FUZZ_COUNT"].flatMap { Int($0) } ?? 3000
        for n in 0..<count {
            let source = mutate(seeds[n % seeds.count], &rng)
            if exercise(source, seed: UInt64(n)) { compiled += 1 }
        }
        #expect(compiled > count / 20, "mutations should sometimes still compile (\(compiled))")
        #expect(ContinuousClock.now - start < .seconds(120 * max(1, count / 3000)))
    }

    @Test func randomBytesNeverCrash() {
        var rng = SeededRandom(state: 0xBAD)
        for _ in 0..<1000 {
            let n = Int.random(in: 0..<400, using: &rng)
            let bytes = (0..<n).map { _ in UInt8.random(in: 0...255, using: &rng) }
            let text = String(decoding: bytes, as: UTF8.self)
            exercise(text, seed: 1)
            exercise("orchestrator f version \"1.0.0\"\nfn main() { \(text) }", seed: 2)
            _ = try? Value.parseLiteral(text)
        }
    }
}
