/// One compile error, at a place in a source file.
public struct CompileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The source file name as given to the compiler.
    public var file: String
    /// 1-based line.
    public var line: Int
    /// 1-based column.
    public var column: Int
    /// What is wrong: what was found and what was expected.
    public var message: String

    /// Creates an error.
    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `FILE:LINE:COL: error: MESSAGE`.
    public var description: String { "\(file):\(line):\(column): error: \(message)" }
}

/// The errors of a failed compilation, in source order.
public struct CompileFailure: Error, Sendable, CustomStringConvertible {
    /// All errors found (the parser recovers and goes on after an error).
    public var errors: [CompileError]

    /// How many errors `description` lists before summarising the rest.
    public static let shownLimit = 20

    /// Creates a failure from its errors.
    public init(errors: [CompileError]) { self.errors = errors }

    /// One line per error (at most 20), then `and N more` if there are more.
    public var description: String {
        var lines = errors.prefix(Self.shownLimit).map(\.description)
        if errors.count > Self.shownLimit { lines.append("and \(errors.count - Self.shownLimit) more") }
        return lines.joined(separator: "\n")
    }
}
