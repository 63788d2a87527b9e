import Language
import Testing
import VM

/// `main(args)` threads: the argument list, shared between spawns given the same strings.
@Suite struct MainArgumentTests {
    let source = """
        fn main(args) {
          args.append("mine")
          return args
        }
        """

    private func run(_ program: Program, _ args: [String]) throws -> VMOutcome {
        let thread = try #require(VMThread(main: program, args: args, host: TestHost()))
        return thread.run(budget: 1000)
    }

    /// Threads given the same strings share one list, yet each changes only its own copy.
    @Test func sharedArgumentsAreCopiedOnWrite() throws {
        let program = try compile(source)
        #expect(program.argumentList(["a", "b"]) == ["a", "b"])
        #expect(try run(program, ["a", "b"]) == .finished(["a", "b", "mine"]))
        #expect(try run(program, ["a", "b"]) == .finished(["a", "b", "mine"]))
        #expect(program.argumentList(["a", "b"]) == ["a", "b"])
        #expect(try run(program, ["c"]) == .finished(["c", "mine"]))
        #expect(try run(program, []) == .finished(["mine"]))
    }

    @Test func mainWithoutParametersGetsNoArguments() throws {
        let program = try compile("fn main() { return 1 }")
        #expect(program.mainArguments(["x"]).isEmpty)
        #expect(try run(program, ["x"]) == .finished(1))
    }
}
