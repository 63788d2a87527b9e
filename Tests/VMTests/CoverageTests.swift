import Language
import Testing
import VM

@Suite struct CoverageTests {
    /// The seed programs together use every opcode but `nop`, so the VM tests reach them all.
    @Test func seedProgramsUseEveryOpcode() throws {
        var used: Set<Opcode> = []
        let extra = """
            orchestrator cover version "1.0.0"
            fn main() {
              var a = [[1]]
              a[0][0] = 2
              var m = {}
              m.k = 1
              a[0].append(3)
              let b = 1 < 2
              let c = 1 <= 2
              let d = 1 == 2
              let e = 1 != 2
              let f = -a[0][0]
              let g = !b
              let h = a[0][0] * f / 2 % 3
              let i = 1
              if i <= 2 { }
              if i > 0 { }
              if i >= 0 { }
              if i == f { }
              if i < f { }
              if i <= f { }
              receive {
                "stop" => return 0
                m => return m
              }
              return [h * 2, h / 2, h % 2, i - 1]
            }
            """
        for source in FuzzSeeds.all() + [extra] {
            let p = try Compiler.compile(source: source, file: "x.orch")
            for fn in p.functions { used.formUnion(fn.instructions.map(\.op)) }
        }
        let missing = Set(Opcode.allCases).subtracting(used).subtracting([.nop])
        #expect(missing.isEmpty, "never emitted: \(missing.map { "\($0)" }.sorted())")
    }

    @Test func introspectionReportsHeapAndDepth() throws {
        let host = TestHost()
        host.answer = { _, _ in .block }
        let program = try compile(
            "fn deep(n) { if n == 0 { sleep(1) }\nreturn deep(n - 1) }\nfn main() { let big = range(1000)\nreturn deep(3) }"
        )
        let t = try #require(VMThread(main: program, args: [], host: host))
        #expect(t.run(budget: 100_000) == .blocked)
        #expect(t.callDepth == 5)
        #expect(t.currentFunctionName == "deep")
        #expect(t.heapBytes > 16_000)
        #expect(t.stackSnapshot.split(separator: "\n").count == 5)
    }
}
