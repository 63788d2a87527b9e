import Testing

@Suite struct KernelSmokeTests {
    @Test func packageBuilds() { #expect(1 + 1 == 2) }
}
