import Testing

@Suite struct ShellSmokeTests {
    @Test func packageBuilds() { #expect(1 + 1 == 2) }
}
