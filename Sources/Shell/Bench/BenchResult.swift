/// One measured figure of `dkctl bench`.
public struct BenchResult: Sendable {
    public var workload: String
    /// What was run, e.g. `n=100000`.
    public var params: String
    public var value: Double
    /// `us/spawn`, `bytes/process`, `switches/s`, …
    public var unit: String
}

extension BenchResult {
    /// `{"workload", "params", "value", "unit"}` for `dkctl bench --json`.
    var json: JSON {
        .object([
            ("workload", .string(workload)), ("params", .string(params)), ("value", .double(value)),
            ("unit", .string(unit)),
        ])
    }

    /// One row of the text table, with its newline.
    var tableLine: String {
        let shown =
            value >= 1000 ? Units.count(UInt64(value.rounded())) : Units.fixed(value, value < 10 ? 3 : 1)
        return "\(BenchResult.pad(workload, 14)) \(BenchResult.pad(params, 28)) "
            + "\(BenchResult.pad(shown, 14, left: true)) \(unit)\n"
    }

    private static func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
        let spaces = String(repeating: " ", count: max(0, width - text.count))
        return left ? spaces + text : text + spaces
    }
}
