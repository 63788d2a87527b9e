import Language

/// The arguments of the last spawn a program made, as the strings its new process gets.
///
/// A program that spawns in a loop passes the same list every time (`spawn("w", ["child"])`):
/// the list is built anew, but its strings are the same constant boxes. Turning it into
/// `[String]` allocated an array per spawn (about 650 instructions with its free, callgrind).
/// When every item is the very string box it was last time, the array made then is shared
/// (arrays are copy-on-write). Boxes are compared by identity, not by content: two strings
/// that Swift calls equal may differ in their bytes. Guarded by the kernel lock.
struct SpawnArgumentCache {
    /// The items of the last list converted whose items were all strings; kept alive, so
    /// that no other box can take the identity of one of them.
    private var boxes: [StringBox] = []
    /// What they were converted to.
    private var strings: [String] = []

    /// `items` as spawn arguments: each item's print form.
    mutating func arguments(for items: [Value]) -> [String] {
        if matchesLast(items) { return strings }
        let converted = items.map(\.printString)
        let itemBoxes = items.compactMap { item -> StringBox? in
            if case .string(let box) = item { box } else { nil }
        }
        if itemBoxes.count == items.count {
            boxes = itemBoxes
            strings = converted
        }
        return converted
    }

    private func matchesLast(_ items: [Value]) -> Bool {
        guard items.count == boxes.count else { return false }
        for (item, box) in zip(items, boxes) {
            guard case .string(let itemBox) = item, itemBox === box else { return false }
        }
        return true
    }
}
