/// A position in the XML text: 1-based line and column (columns in UTF-8 bytes, like the
/// language's own compile errors).
public struct XMLPosition: Sendable, Equatable, Comparable {
    /// 1-based line.
    public var line: Int
    /// 1-based column, in UTF-8 bytes.
    public var column: Int

    /// A position.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (a: XMLPosition, b: XMLPosition) -> Bool { (a.line, a.column) < (b.line, b.column) }

    /// The position after reading `text` from here.
    func advanced(over text: Substring) -> XMLPosition {
        var p = self
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\n") {
                p.line += 1
                p.column = 1
            } else {
                p.column += 1
            }
        }
        return p
    }
}

/// A namespace-qualified name: `{uri}local`, or just `local` without a namespace.
struct QualifiedName: Hashable, Sendable {
    var namespace: String?
    var local: String
}

/// One element of a parsed XML document, kept in a flat array (`XMLTree.nodes`) so that no
/// walk over the document needs recursion.
struct XMLNode: Sendable {
    /// The element's name with its namespace URI resolved.
    var name: QualifiedName
    /// The name as written (`bpmn:task`), for messages.
    var written: String
    /// Attributes by resolved name (unprefixed attributes have no namespace).
    var attributes: [QualifiedName: String]
    /// Attributes as written, for messages and for finding their place.
    var writtenAttributes: [String: String]
    /// Index of the parent element (nil for the root).
    var parent: Int?
    /// Indexes of the child elements, in document order.
    var children: [Int] = []
    /// The character data directly inside the element (text and CDATA, concatenated).
    var text = ""
    /// Where the start tag begins (its `<`).
    var position: XMLPosition
    /// Where the first non-blank character of the content is (after the start tag's `>`, and
    /// after a `<![CDATA[` that opens the content): the place of `text` once trimmed.
    var contentPosition: XMLPosition

    /// The value of the unprefixed attribute `name`.
    func attribute(_ name: String) -> String? { attributes[QualifiedName(namespace: nil, local: name)] }

    /// The value of attribute `local` in namespace `namespace`.
    func attribute(_ local: String, in namespace: String) -> String? {
        attributes[QualifiedName(namespace: namespace, local: local)]
    }
}

/// A parsed XML document: its elements in document order; `nodes[0]` is the root.
struct XMLTree: Sendable {
    var nodes: [XMLNode]

    /// The child elements of `index` in namespace `namespace` with local name `local`.
    func children(of index: Int, _ local: String, in namespace: String) -> [Int] {
        nodes[index].children.filter { nodes[$0].name == QualifiedName(namespace: namespace, local: local) }
    }

    /// All elements below `index` (any depth), in document order; iterative.
    func descendants(of index: Int) -> [Int] {
        var out: [Int] = []
        var stack = nodes[index].children.reversed() as [Int]
        while let next = stack.popLast() {
            out.append(next)
            stack.append(contentsOf: nodes[next].children.reversed())
        }
        return out
    }
}
