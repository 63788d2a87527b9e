import Kernel
import Language
import Testing

@testable import Kernel

/// Spawns by name from programs: the name is resolved from a cache and the arguments are
/// shared between spawns, and neither may change what a spawn starts.
@Suite struct SpawnByNameTests {
    private static let parent = """
        orchestrator parent version "1.0.0"
        fn main(args) {
          for i in 0..<2 {
            spawn("worker", ["hello"])
            receive { reply => print(reply) }
          }
          return 0
        }
        """

    private static func worker(_ version: String) -> String {
        """
        orchestrator worker version "\(version)"
        fn main(args) {
          send(parent(), "\(version) " + args[0])
          return 0
        }
        """
    }

    @Test func aSpawnByNameAfterASwapGetsTheNewDefault() throws {
        let (kernel, lines) = ProgramHarness.kernel()
        try ProgramHarness.load(Self.worker("1.0.0"), into: kernel)
        _ = try ProgramHarness.run(Self.parent, in: kernel)
        try ProgramHarness.load(Self.worker("2.0.0"), into: kernel)  // newer: the default now
        _ = try ProgramHarness.run(Self.parent, in: kernel)
        try kernel.swap("worker", to: "1.0.0")
        _ = try ProgramHarness.run(Self.parent, in: kernel)
        try kernel.unload("worker", version: "1.0.0")  // back to the newest left
        _ = try ProgramHarness.run(Self.parent, in: kernel)
        #expect(
            lines.all == [
                "1.0.0 hello", "1.0.0 hello", "2.0.0 hello", "2.0.0 hello",
                "1.0.0 hello", "1.0.0 hello", "2.0.0 hello", "2.0.0 hello",
            ])
    }

    /// A spawn without options (which builds none) starts its child as a spawn with options
    /// does, but with the defaults: a child of the caller, nice 0, the kernel's limits, named
    /// after its program. Its exit (it stays a zombie: the parent lives) allocates no side object.
    @Test func aSpawnWithoutOptionsGetsTheDefaults() throws {
        let (kernel, _) = ProgramHarness.kernel()
        try ProgramHarness.load(Self.worker("1.0.0"), into: kernel)
        let parent = try ProgramHarness.load(
            """
            orchestrator parent version "1.0.0"
            fn main(args) {
              spawn("worker", ["plain"])
              spawn("worker", ["set"], {priority: 5, mailbox: 7})
              receive { "never" => {} }
              return 0
            }
            """, into: kernel)
        let parentPID = try kernel.spawn(parent)
        _ = kernel.runUntilIdle()
        let children = kernel.lock.withLock { kernel.processes.values.filter { $0.parent == parentPID } }
        try #require(children.count == 2)
        let (plain, set) = (children[0], children[1])
        #expect(plain.isExited && set.isExited)
        #expect(plain.arguments == ["plain"] && set.arguments == ["set"])
        #expect(plain.name == "worker" && plain.nice == 0 && plain.limits == kernel.configuration.limits)
        #expect(set.nice == 5 && set.limits.mailboxLimit == 7)
        #expect(plain.rare == nil)
        #expect(
            kernel.lock.withLock { kernel.processes[parentPID]?.children.map(Array.init) } == [
                plain.pid, set.pid,
            ])
    }

    @Test func theRegistryForgetsWhatItResolvedWhenItChanges() throws {
        func executable(_ version: String) -> Executable {
            Executable(name: "w", version: version) { _ in ClosureRunnable { _ in .finished(.nil) } }
        }
        var registry = Registry()
        let first = executable("1.0.0")
        let second = executable("2.0.0")
        _ = try registry.add(first)
        #expect(try registry.resolve("w") === first)
        #expect(try registry.resolve("w") === first)
        _ = try registry.add(second)
        #expect(try registry.resolve("w") === second)
        #expect(try registry.resolve("w@1.0.0") === first)
        #expect(try registry.resolve("w") === second)
        try registry.setDefault("w", version: "1.0.0")
        #expect(try registry.resolve("w") === first)
        registry.remove("w", version: try #require(SemanticVersion("1.0.0")))
        #expect(try registry.resolve("w") === second)
        #expect(throws: KernelError.self) { try registry.resolve("w@1.0.0") }
    }

    @Test func childrenGetTheArgumentsTheirSpawnGave() throws {
        let (kernel, lines) = ProgramHarness.kernel()
        try ProgramHarness.load(
            """
            orchestrator echo version "1.0.0"
            fn main(args) {
              if (args[0] ?? "") == "child" {
                send(parent(), args)
                return 0
              }
              for i in 0..<2 { spawn("echo", ["child", "same"]) }
              spawn("echo", ["child", "made \\(1 + 1)"])
              spawn("echo", ["child", "same"])
              spawn("echo", ["child", 7, 2.5])
              spawn("echo", ["child"])
              spawn("echo", ["child", "same"])
              for i in 0..<7 { receive { list => print(list) } }
              return 0
            }
            """, into: kernel)
        let shell = kernel.attachExternalProcess(name: "test")
        let pid = try kernel.spawn("echo", options: SpawnOptions(parent: shell))
        _ = try kernel.wait(pid, timeoutMilliseconds: 60_000)
        #expect(
            lines.all == [
                #"["child", "same"]"#, #"["child", "same"]"#, #"["child", "made 2"]"#,
                #"["child", "same"]"#, #"["child", "7", "2.5"]"#, #"["child"]"#, #"["child", "same"]"#,
            ])
    }

    @Test func theArgumentCacheMatchesStringBoxesByIdentity() {
        var cache = SpawnArgumentCache()
        let box = StringBox("x")
        #expect(cache.arguments(for: [.string(box)]) == ["x"])
        #expect(cache.arguments(for: [.string(box)]) == ["x"])
        #expect(cache.arguments(for: [.string(box), .string(box)]) == ["x", "x"])
        #expect(cache.arguments(for: [.str("e\u{301}")]).first?.utf8.count == 3)
        #expect(cache.arguments(for: [.str("\u{e9}")]).first?.utf8.count == 2, "equal strings, other bytes")
        #expect(cache.arguments(for: [.int(3)]) == ["3"])
        #expect(cache.arguments(for: []) == [])
    }
}
