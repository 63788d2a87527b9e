/// A subscription pattern over dot-separated topics: `*` matches one segment, `#` matches
/// the rest (zero or more segments). `orders.*` matches `orders.new`; `orders.#` matches
/// `orders`, `orders.new` and `orders.new.eu`.
public struct TopicPattern: Sendable, Hashable, CustomStringConvertible {
    public let text: String
    private let segments: [Substring]

    /// nil for an empty pattern, an empty segment, or `#` anywhere but last.
    public init?(_ text: String) {
        let segments = text.split(separator: ".", omittingEmptySubsequences: false)
        guard !text.isEmpty, !segments.contains(where: \.isEmpty) else { return nil }
        if let hash = segments.firstIndex(of: "#"), hash != segments.count - 1 { return nil }
        self.text = text
        self.segments = segments
    }

    public var description: String { text }

    /// Whether a topic (no wildcards) is valid: non-empty segments, no `*` or `#`.
    public static func isValidTopic(_ topic: String) -> Bool {
        let segments = topic.split(separator: ".", omittingEmptySubsequences: false)
        return !topic.isEmpty && !segments.contains { $0.isEmpty || $0 == "*" || $0 == "#" }
    }

    /// Whether `topic` matches.
    public func matches(_ topic: String) -> Bool {
        let parts = topic.split(separator: ".", omittingEmptySubsequences: false)
        var index = 0
        for segment in segments {
            if segment == "#" { return true }
            guard index < parts.count else { return false }
            if segment != "*" && segment != parts[index] { return false }
            index += 1
        }
        return index == parts.count
    }
}
