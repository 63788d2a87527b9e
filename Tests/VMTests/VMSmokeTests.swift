import Testing

@Suite struct VMSmokeTests {
    @Test func packageBuilds() { #expect(1 + 1 == 2) }
}
