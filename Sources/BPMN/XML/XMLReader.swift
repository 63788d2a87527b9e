import Foundation
import FoundationXML

/// Reads XML text into an `XMLTree` with Foundation's `XMLParser` (libxml2), with limits so
/// that no input can exhaust memory or time: a size limit, an element limit and a depth limit.
/// Namespace prefixes are resolved for elements and attributes.
///
/// `XMLParser.parse()` returns true on some malformed inputs (unclosed tags), so the reader
/// also checks `parserError`, the open-element depth and the root.
enum XMLReader {
    /// The largest input accepted, in bytes.
    static let maxBytes = 32 << 20
    /// The most elements accepted.
    static let maxElements = 250_000
    /// The deepest element nesting accepted.
    static let maxDepth = 200

    /// libxml2 is driven through a per-thread parser context; one parse at a time is the
    /// conservative choice on Linux.
    private static let lock = NSLock()

    /// Parses `text`; on failure returns one error message and its position.
    static func read(_ text: String, source: SourceText) -> Result<XMLTree, XMLReadError> {
        if source.bytes.count > maxBytes {
            return .failure(
                XMLReadError("the file is too large (\(source.bytes.count) bytes; at most \(maxBytes))"))
        }
        if let doctype = findDoctype(source) {
            return .failure(
                XMLReadError(
                    "document type declarations (<!DOCTYPE>) are not accepted",
                    at: source.position(of: doctype)))
        }
        let delegate = Delegate(source: source)
        let parser = XMLParser(data: Data(source.bytes))
        parser.shouldProcessNamespaces = true
        parser.shouldReportNamespacePrefixes = true
        parser.shouldResolveExternalEntities = false
        parser.delegate = delegate
        let ok = lock.withLock { parser.parse() }
        let end = XMLPosition(line: max(parser.lineNumber, 1), column: max(parser.columnNumber, 1))
        if let failure = delegate.failure { return .failure(failure) }
        if let error = parser.parserError as NSError?, !ok || !(200..<300).contains(error.code) {
            return .failure(XMLReadError("malformed XML: \(describe(error.code))", at: end))
        }
        if !ok { return .failure(XMLReadError("malformed XML", at: end)) }
        if let open = delegate.stack.last {
            let node = delegate.nodes[open]
            return .failure(
                XMLReadError("unexpected end of the file: <\(node.written)> is not closed", at: node.position)
            )
        }
        if delegate.nodes.isEmpty { return .failure(XMLReadError("the file holds no XML element", at: end)) }
        return .success(XMLTree(nodes: delegate.nodes))
    }

    /// The offset of a `<!DOCTYPE` (entity expansion is a way to make a parser run away).
    private static func findDoctype(_ source: SourceText) -> Int? {
        let needle = Array("<!DOCTYPE".utf8)
        let bytes = source.bytes
        guard bytes.count >= needle.count else { return nil }
        for i in 0...(bytes.count - needle.count) where bytes[i] == UInt8(ascii: "<") {
            if Array(bytes[i..<(i + needle.count)]) == needle { return i }
        }
        return nil
    }

    /// Words for the libxml2 error codes that malformed files usually produce.
    static func describe(_ code: Int) -> String {
        switch code {
        case 1: return "the nesting is too deep"
        case 4: return "no XML element found (empty or not an XML file)"
        case 5: return "extra content at the end of the document, or the document ends too early"
        case 9: return "a character that XML does not allow"
        case 23: return "a '&' that starts no entity (write &amp;)"
        case 26: return "an undeclared entity"
        case 38, 39, 40, 41: return "a malformed attribute (attribute values must be quoted)"
        case 64, 65: return "a malformed XML declaration"
        case 68: return "a malformed name"
        case 73: return "'>' expected"
        case 76: return "an end tag that does not match its start tag"
        case 77: return "a tag that is not finished"
        case 85: return "a tag that is not finished before the end of the file"
        default: return "libxml2 error \(code)"
        }
    }

    /// The parser's delegate: builds the flat node array.
    private final class Delegate: NSObject, XMLParserDelegate {
        let source: SourceText
        var nodes: [XMLNode] = []
        var stack: [Int] = []
        var prefixes: [String: [String]] = [:]
        var failure: XMLReadError?

        init(source: SourceText) { self.source = source }

        func parser(_ parser: XMLParser, didStartMappingPrefix prefix: String, toURI uri: String) {
            prefixes[prefix, default: []].append(uri)
        }

        func parser(_ parser: XMLParser, didEndMappingPrefix prefix: String) {
            _ = prefixes[prefix]?.popLast()
        }

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
            qualifiedName: String?, attributes: [String: String] = [:]
        ) {
            let reported = source.offset(line: parser.lineNumber, characterColumn: parser.columnNumber)
            let start = source.tagStart(before: reported)
            let position = source.position(of: start)
            if nodes.count >= XMLReader.maxElements {
                fail(
                    XMLReadError("too many elements (more than \(XMLReader.maxElements))", at: position),
                    parser)
                return
            }
            if stack.count >= XMLReader.maxDepth {
                fail(
                    XMLReadError(
                        "elements are nested too deeply (more than \(XMLReader.maxDepth))", at: position),
                    parser)
                return
            }
            var resolved: [QualifiedName: String] = [:]
            for (name, value) in attributes {
                let parts = name.split(separator: ":", maxSplits: 1).map(String.init)
                if parts.count == 2 {
                    resolved[
                        QualifiedName(namespace: prefixes[parts[0]]?.last ?? "?" + parts[0], local: parts[1])] =
                        value
                } else {
                    resolved[QualifiedName(namespace: nil, local: name)] = value
                }
            }
            let namespace = (namespaceURI?.isEmpty ?? true) ? nil : namespaceURI
            let node = XMLNode(
                name: QualifiedName(namespace: namespace, local: elementName),
                written: qualifiedName ?? elementName, attributes: resolved, writtenAttributes: attributes,
                parent: stack.last, position: position,
                contentPosition: source.position(of: source.contentStart(afterTagAt: start)))
            let index = nodes.count
            nodes.append(node)
            if let parent = stack.last { nodes[parent].children.append(index) }
            stack.append(index)
        }

        func parser(
            _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
            qualifiedName: String?
        ) {
            _ = stack.popLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if let top = stack.last { nodes[top].text += string }
        }

        func parser(_ parser: XMLParser, foundCDATA data: Data) {
            if let top = stack.last { nodes[top].text += String(decoding: data, as: UTF8.self) }
        }

        private func fail(_ error: XMLReadError, _ parser: XMLParser) {
            if failure == nil { failure = error }
            parser.abortParsing()
        }
    }
}

/// Why an XML file could not be read, and where.
struct XMLReadError: Error, Sendable {
    var message: String
    var position: XMLPosition

    init(_ message: String, at position: XMLPosition = XMLPosition(line: 1, column: 1)) {
        self.message = message
        self.position = position
    }
}
