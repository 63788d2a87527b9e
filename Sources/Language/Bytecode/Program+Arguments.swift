import Synchronization

extension Program {
    /// The arguments to pass to `main`: `[list of args]` if it takes a parameter, else none.
    public func mainArguments(_ args: [String]) -> [Value] {
        guard let main, main.arity > 0 else { return [] }
        let list = argumentList(args)
        return main.arity == 1 ? [list] : [list] + repeatElement(.nil, count: main.arity - 1)
    }

    /// `args` as a list of strings. Spawns of a program often pass the same arguments (a
    /// parent starting many children), and the kernel then hands over the same array each
    /// time: the list built last time is shared when `args` is that very array (its storage,
    /// which the cache keeps alive, so no other array can have it), which saves the list's
    /// and each string's allocation. Values are copy-on-write, so a thread that changes its
    /// arguments changes only its own copy. (Comparing contents would cost more than
    /// building the list, and `==` calls canonically equivalent strings with other bytes equal.)
    public func argumentList(_ args: [String]) -> Value {
        lastArguments.withLock { last in
            if let last, sameStorage(last.strings, args) { return last.list }
            let list = Value.list(args.map(Value.str))
            last = ArgumentList(strings: args, list: list)
            return list
        }
    }
}

/// Whether two arrays share their storage (so hold the same elements).
private func sameStorage(_ a: [String], _ b: [String]) -> Bool {
    a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in x.baseAddress == y.baseAddress } }
}

/// The strings given to a spawn and the list value built from them.
struct ArgumentList {
    var strings: [String]
    var list: Value
}
