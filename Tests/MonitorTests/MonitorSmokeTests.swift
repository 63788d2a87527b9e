import Testing

@Suite struct MonitorSmokeTests {
    @Test func packageBuilds() { #expect(1 + 1 == 2) }
}
