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

    /// Strings Swift calls equal but with different bytes (a precomposed "é" and an "e" with
    /// a combining accent) are not taken for one another.
    @Test func equivalentStringsWithOtherBytesAreNotShared() throws {
        let program = try compile(source)
        let precomposed = "caf\u{E9}"
        let decomposed = "cafe\u{301}"
        #expect(precomposed == decomposed)  // what makes `==` the wrong test here
        _ = program.argumentList([precomposed])
        guard case .list(let items) = program.argumentList([decomposed]), case .string(let box)? = items.first
        else {
            Issue.record("not a list of one string")
            return
        }
        #expect(Array(box.value.utf8) == Array(decomposed.utf8))
    }

    /// The same array passed again (as a host passes the arguments it kept) gives the same
    /// list; another array gives its own strings, also one of the same count.
    @Test func theSameArrayAgainGivesItsList() throws {
        let program = try compile(source)
        let kept = ["child", "x"]
        #expect(program.argumentList(kept) == ["child", "x"])
        #expect(program.argumentList(kept) == ["child", "x"])
        #expect(try run(program, kept) == .finished(["child", "x", "mine"]))
        #expect(program.argumentList(["child", "y"]) == ["child", "y"])
        #expect(program.argumentList([]) == [])
        #expect(program.argumentList([]) == [])
        #expect(program.argumentList(kept) == ["child", "x"])
    }

    @Test func mainWithoutParametersGetsNoArguments() throws {
        let program = try compile("fn main() { return 1 }")
        #expect(program.mainArguments(["x"]).isEmpty)
        #expect(try run(program, ["x"]) == .finished(1))
    }
}
