import Testing

@Suite struct LanguageSmokeTests {
    @Test func packageBuilds() { #expect(1 + 1 == 2) }
}
