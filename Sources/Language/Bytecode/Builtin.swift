/// Pure builtin functions, run by the VM without the host. Resolved by name at compile time.
///
/// `append`, `insert` and `remove` return a new collection when called as functions
/// (`append(xs, x)`); as methods on a variable (`xs.append(x)`) they change the variable
/// in place. `strjoin(list, sep)` joins strings; `join` with a string argument does the same
/// (otherwise `join` is the kernel call that waits for threads).
public enum Builtin: UInt16, Sendable, CaseIterable {
    case len, str, int, float, bool, type, keys, values, append, insert, remove, contains
    case sum, min, max, abs, range, slice, split, strjoin, upper, lower, trim, replace
    case startsWith, endsWith, sort, reverse, repr, pid, tid, get, indexOf, round, floor, ceil
    case sqrt, assert, clear

    /// The name used in source code.
    public var name: String {
        switch self {
        case .startsWith: return "starts_with"
        case .endsWith: return "ends_with"
        case .indexOf: return "index_of"
        default: return String(describing: self)
        }
    }

    /// Accepted argument counts.
    public var arity: ClosedRange<Int> {
        switch self {
        case .len, .str, .int, .float, .bool, .type, .keys, .values, .sum, .abs, .upper, .lower, .trim,
            .reverse, .repr, .pid, .tid, .floor, .ceil, .sqrt, .clear:
            return 1...1
        case .append, .contains, .remove, .startsWith, .endsWith, .indexOf: return 2...2
        case .insert, .replace: return 3...3
        case .min, .max: return 1...16
        case .range, .slice: return 1...3
        case .split, .strjoin, .sort: return 1...2
        case .get: return 2...3
        case .round: return 1...2
        case .assert: return 1...2
        }
    }

    /// Whether the builtin can be used as an in-place method (`xs.append(x)`).
    public var isMutating: Bool {
        switch self {
        case .append, .insert, .remove, .clear: return true
        default: return false
        }
    }

    /// Builtins by name.
    public static let byName: [String: Builtin] = Dictionary(
        uniqueKeysWithValues: Builtin.allCases.map { ($0.name, $0) })
}
