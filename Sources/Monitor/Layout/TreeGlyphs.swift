#if canImport(Glibc)
    import Glibc
#endif

/// The lines drawn left of a name in tree mode.
public struct TreeGlyphs: Sendable, Equatable {
    /// Before a child that has siblings after it.
    public var tee: String
    /// Before the last child.
    public var elbow: String
    /// Under an ancestor that has siblings after it.
    public var bar: String
    /// Under an ancestor that was the last child.
    public var blank: String

    /// `├─ `, `└─ `, `│  `: for a UTF-8 terminal.
    public static let unicode = TreeGlyphs(tee: "├─ ", elbow: "└─ ", bar: "│  ", blank: "   ")
    /// `|- `, `` `- ``, `|  `: for anything else.
    public static let ascii = TreeGlyphs(tee: "|- ", elbow: "`- ", bar: "|  ", blank: "   ")

    /// The glyphs for the locale named by `LC_ALL`, `LC_CTYPE` or `LANG` (the first one set):
    /// Unicode when it names UTF-8. Does not call `setlocale`.
    public static func fromEnvironment() -> TreeGlyphs {
        for name in ["LC_ALL", "LC_CTYPE", "LANG"] {
            guard let raw = getenv(name) else { continue }
            let value = String(cString: raw)
            guard !value.isEmpty else { continue }
            let lower = value.lowercased()
            return lower.contains("utf-8") || lower.contains("utf8") ? .unicode : .ascii
        }
        return .ascii
    }
}
