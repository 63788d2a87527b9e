import Language
import Testing

@Suite struct DisassemblerTests {
    let source = """
        orchestrator fib version "1.0.0"
        fn fib(n) {
          if n < 2 { return n }
          return fib(n - 1) + fib(n - 2)
        }
        fn main() { return fib(30) }
        """

    @Test func showsOpcodesOperandsAndLines() throws {
        let program = try Compiler.compile(source: source, file: "fib.orch")
        let text = Disassembler.disassemble(program)
        print(text)
        #expect(text.contains("fn fib (index 0, 1 params"))
        #expect(text.contains("jltk"))
        #expect(text.contains("; fib"))
        #expect(text.contains("[line 3]"))
        #expect(text.contains("[line 4]"))
    }
}
