import Language

extension Value {
    /// A map with string keys in the given order: `{signal: "TERM"}`, `{down: pid, code, reason}`.
    public static func record(_ fields: KeyValuePairs<String, Value>) -> Value {
        var map = OrderedMap()
        for (key, value) in fields { map.set(.str(key), value) }
        return .map(map)
    }
}
