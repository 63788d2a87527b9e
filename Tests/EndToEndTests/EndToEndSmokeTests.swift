import Testing

@Suite struct EndToEndSmokeTests {
    @Test func packageBuilds() { #expect(1 + 1 == 2) }
}
