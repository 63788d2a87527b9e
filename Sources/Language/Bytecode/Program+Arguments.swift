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
            // Tested in place: binding `last` copied the cached pair (a retain and a release).
            if last?.strings.sharesStorage(with: args) == true, let list = last?.list { return list }
            let list = Value.list(args.map(Value.str))
            last = ArgumentList(strings: args, list: list)
            return list
        }
    }
}

/// The strings given to a spawn and the list value built from them.
struct ArgumentList {
    var strings: [String]
    var list: Value
}

extension Array {
    /// Whether `other` is this very array (the same buffer and count), as when a host passes
    /// the argument array it kept from the last spawn: then the elements are the same without
    /// comparing them. (This array keeps its buffer alive, so no other array can have its
    /// address.)
    func sharesStorage(with other: [Element]) -> Bool {
        count == other.count
            && withUnsafeBufferPointer { mine in
                other.withUnsafeBufferPointer { $0.baseAddress == mine.baseAddress }
            }
    }
}
