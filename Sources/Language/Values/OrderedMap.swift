/// A map from values to values that keeps insertion order, with copy-on-write storage.
///
/// Small maps (up to 8 entries) are searched linearly; larger ones keep a hash index.
/// It is one reference wide, so `Value` stays 16 bytes.
public struct OrderedMap: Sendable, Sequence {
    /// Storage; mutated only when uniquely referenced (copy-on-write), so it is never shared
    /// mutably between threads.
    final class Storage: @unchecked Sendable {
        var keys: [Value]
        var values: [Value]
        var index: [Value: Int]?

        init(keys: [Value] = [], values: [Value] = [], index: [Value: Int]? = nil) {
            self.keys = keys
            self.values = values
            self.index = index
        }

        func copy() -> Storage { Storage(keys: keys, values: values, index: index) }
    }

    private var storage: Storage
    private static let indexThreshold = 8

    /// An empty map.
    public init() { storage = Storage() }

    /// An empty map with room for `capacity` entries (a map literal knows its size: no
    /// reallocation while it is filled).
    public init(minimumCapacity capacity: Int) {
        storage = Storage()
        storage.keys.reserveCapacity(capacity)
        storage.values.reserveCapacity(capacity)
    }

    /// The number of entries.
    public var count: Int { storage.keys.count }
    /// Whether the map is empty.
    public var isEmpty: Bool { storage.keys.isEmpty }
    /// The keys in insertion order.
    public var keys: [Value] { storage.keys }
    /// The values in insertion order.
    public var values: [Value] { storage.values }

    /// The position of `key`, if present.
    public func position(of key: Value) -> Int? {
        if let index = storage.index { return index[key] }
        let keys = storage.keys
        for i in keys.indices where keys[i] == key { return i }
        return nil
    }

    /// The value for `key`, or `nil` when absent; setting `nil` stores `nil` (use `remove`).
    public subscript(key: Value) -> Value? {
        get {
            guard let i = position(of: key) else { return nil }
            return storage.values[i]
        }
        set {
            guard let newValue else {
                _ = remove(key)
                return
            }
            set(key, newValue)
        }
    }

    /// The value for the string key `key`.
    public subscript(key: String) -> Value? {
        get { self[Value.str(key)] }
        set { self[Value.str(key)] = newValue }
    }

    /// Stores `value` for `key`, appending the key if new.
    public mutating func set(_ key: Value, _ value: Value) {
        makeUnique()
        if let i = position(of: key) {
            storage.values[i] = value
            return
        }
        storage.keys.append(key)
        storage.values.append(value)
        if storage.index != nil {
            storage.index?[key] = storage.keys.count - 1
        } else if storage.keys.count > Self.indexThreshold {
            rebuildIndex()
        }
    }

    /// Removes `key`; returns its value if it was present.
    @discardableResult
    public mutating func remove(_ key: Value) -> Value? {
        guard let i = position(of: key) else { return nil }
        makeUnique()
        storage.keys.remove(at: i)
        let old = storage.values.remove(at: i)
        if storage.index != nil { rebuildIndex() }
        return old
    }

    /// The entry at `position` (insertion order).
    public func entry(at position: Int) -> (key: Value, value: Value) {
        (storage.keys[position], storage.values[position])
    }

    private mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
    }

    private func rebuildIndex() {
        if storage.keys.count <= Self.indexThreshold {
            storage.index = nil
            return
        }
        var index = [Value: Int](minimumCapacity: storage.keys.count)
        for (i, k) in storage.keys.enumerated() { index[k] = i }
        storage.index = index
    }

    /// Iterates over `(key, value)` pairs in insertion order.
    public func makeIterator() -> AnyIterator<(Value, Value)> {
        let keys = storage.keys
        let values = storage.values
        var i = 0
        return AnyIterator {
            guard i < keys.count else { return nil }
            defer { i += 1 }
            return (keys[i], values[i])
        }
    }
}
