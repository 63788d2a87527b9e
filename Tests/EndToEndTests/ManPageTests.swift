import Foundation
import Testing

@Suite struct ManPageTests {
    static let page = Dkctl.packageRoot.appendingPathComponent("man/dkctl.1")

    @Test func mentionsEveryCommand() async throws {
        let text = try String(contentsOf: Self.page, encoding: .utf8)
        let help = try await Dkctl.commands("help")
        let names = help.lines.dropFirst().prefix { !$0.isEmpty }.compactMap {
            $0.split(separator: " ").first
        }
        #expect(!names.isEmpty)
        for name in names { #expect(text.contains("Cm \(name)"), "man page lacks \(name)") }
    }

    @Test(.enabled(if: isOnPath("groff")))
    func rendersWithoutWarnings() async throws {
        let result = try await Dkctl.run(
            ["-mandoc", "-Tutf8", "-ww", "-z", Self.page.path], executable: "/usr/bin/groff")
        #expect(result.status == 0)
        #expect(result.error.isEmpty, "\(result.error)")
    }
}
