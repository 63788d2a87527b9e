import Language
import Testing
import VM

@Suite struct SchedulingTests {
    @Test func infiniteLoopYieldsWithinBudget() throws {
        let program = try compile("fn main() { var i = 0\nloop { i += 1 } }")
        let thread = try #require(VMThread(main: program, args: [], host: TestHost()))
        for _ in 0..<10 { #expect(thread.run(budget: 500) == .yielded) }
        #expect(thread.reductions >= 5000)
        #expect(thread.reductions < 5100)
    }

    @Test func budgetOfOneStepsOneInstruction() throws {
        let program = try compile("fn main() {\n let a = 1\n let b = 2\n return a + b\n}")
        let thread = try #require(VMThread(main: program, args: [], host: TestHost()))
        #expect(thread.currentFunctionName == "main")
        #expect(thread.pc == 0)
        #expect(thread.currentLine == 3)
        #expect(thread.currentInstruction.contains("loadi"))
        #expect(thread.run(budget: 1) == .yielded)
        #expect(thread.pc == 1)
        #expect(thread.currentLine == 4)
        #expect(thread.stackSnapshot.contains("#0 main pc=1 line=4 [1"))
        var outcome = VMOutcome.yielded
        while outcome == .yielded { outcome = thread.run(budget: 1) }
        #expect(outcome == .finished(3))
        #expect(thread.isDone)
        #expect(thread.run(budget: 10) == .terminated)
    }

    @Test func terminateStopsTheThread() throws {
        let program = try compile("fn main() { loop { } }")
        let thread = try #require(VMThread(main: program, args: [], host: TestHost()))
        #expect(thread.run(budget: 10) == .yielded)
        thread.terminate()
        #expect(thread.run(budget: 10) == .terminated)
        #expect(thread.isDone)
    }

    @Test func costlyOperationsChargeMoreReductions() throws {
        let cheap = try compile("fn main() { var x = 0\nfor i in 0..<10 { x += 1 } }")
        let costly = try compile("fn main() { var x = 0\nfor i in 0..<10 { let s = range(1000) } }")
        func count(_ p: Program) throws -> Int {
            let t = try #require(VMThread(main: p, args: [], host: TestHost()))
            while t.run(budget: 100_000) == .yielded {}
            return t.reductions
        }
        #expect(try count(costly) > 2 * count(cheap))
    }

    @Test func mainArgumentsAndArity() throws {
        #expect(try result("return args", args: ["a", "b"]) == ["a", "b"])
        let program = try compile("fn main() { return 1 }\nfn two(a, b) { return a }")
        #expect(throws: RuntimeFailure.self) {
            try VMThread(program: program, function: 1, args: [1], host: TestHost())
        }
        #expect(throws: RuntimeFailure.self) {
            try VMThread(program: program, function: 9, args: [], host: TestHost())
        }
        let t = try VMThread(program: program, function: 1, args: [4, 5], host: TestHost())
        #expect(t.run(budget: 10) == .finished(4))
    }
}

@Suite struct InPlaceMutationTests {
    /// Appending, setting and removing on a variable must not copy the collection each time
    /// (that would make these loops quadratic: many seconds instead of milliseconds).
    @Test(arguments: [
        "var xs = []\nfor i in 0..<60000 { xs.append(i) }\nreturn len(xs)",
        "var xs = range(60000)\nfor i in 0..<60000 { xs[i] = 0 }\nreturn len(xs)",
        "var m = {}\nfor i in 0..<60000 { m[i] = i }\nreturn len(m)",
        "var m = {}\nfor i in 0..<60000 { m.insert(i, i) }\nreturn len(m)",
        "var xs = range(60000)\nfor i in 0..<60000 { xs.remove(-1) }\nreturn 60000 - len(xs)",
        "var s = {xs: []}\nfor i in 0..<60000 { s.xs.append(i) }\nreturn len(s.xs)",
    ])
    func loopsStayLinear(body: String) throws {
        let start = ContinuousClock.now
        let (outcome, _) = try runProgram("fn main() {\n\(body)\n}", budget: 100_000_000)
        #expect(outcome == .finished(60000))
        #expect(ContinuousClock.now - start < .seconds(3))
    }
}
