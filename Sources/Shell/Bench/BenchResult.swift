/// One measured figure of `dkctl bench`.
public struct BenchResult: Sendable {
    public var workload: String
    /// What was run, e.g. `n=100000`.
    public var params: String
    public var value: Double
    /// `us/spawn`, `bytes/process`, `switches/s`, …
    public var unit: String
}
