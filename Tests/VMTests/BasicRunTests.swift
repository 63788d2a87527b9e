import Language
import Testing
import VM

@Suite struct BasicRunTests {
    @Test func fibonacci() throws {
        let (outcome, _) = try runProgram(
            """
            fn fib(n) { if n < 2 { return n }
              return fib(n - 1) + fib(n - 2) }
            fn main(args) { return fib(20) }
            """)
        #expect(outcome == .finished(6765))
    }

    @Test func printsThroughTheHost() throws {
        let (outcome, host) = try runProgram("fn main() { print(\"hi\", 1, [2]); return 0 }")
        #expect(outcome == .finished(0))
        #expect(host.output == ["hi 1 [2]"])
    }
}
