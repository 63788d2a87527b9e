import Language

/// Compiles BPMN 2.0 XML to a `Program` of the kernel's bytecode.
///
/// The process is translated to `.orch` source (see `CodeGenerator` for its layout; get it
/// with `generatedSource`), which the language's compiler compiles. Errors are reported in
/// the compiler's format, `FILE:LINE:COL: error: MESSAGE`, at the BPMN element's place in the
/// XML (or the place of the embedded code); the program's line table points into the XML too,
/// so runtime errors name BPMN lines. Its name is the process id, its version
/// `camunda:versionTag` (or `version`). Extension attributes: see `BPMNVocabulary`.
public enum BPMNCompiler {
    /// A companion `.orch` file whose functions service tasks and expressions may call. It
    /// holds top-level functions (an `orchestrator` header line is allowed and ignored).
    public typealias Companion = (source: String, file: String)

    /// Compiles `xml` (named `file` in messages).
    public static func compile(
        xml: String, file: String, companion: Companion? = nil, version: String? = nil
    ) throws(CompileFailure) -> Program {
        let translation = try translate(xml: xml, file: file, companion: companion, version: version)
        let program: Program
        do {
            program = try Compiler.compile(source: translation.source.text, file: file)
        } catch {
            throw CompileFailure(errors: sorted(error.errors.map { remap($0, translation.source) }))
        }
        return Program(
            name: translation.model.id, version: translation.model.version, kind: .orchestrator, file: file,
            functions: program.functions.map { remap($0, translation.source) })
    }

    /// The `.orch` source generated for `xml`, for debugging (`disasm` shows its bytecode with
    /// BPMN line numbers).
    public static func generatedSource(
        xml: String, file: String, companion: Companion? = nil, version: String? = nil
    ) throws(CompileFailure) -> String {
        try translate(xml: xml, file: file, companion: companion, version: version).source.text
    }

    /// The executable name and version that `xml` declares, without compiling it.
    public static func header(xml: String, file: String) throws(CompileFailure) -> (
        name: String, version: String
    ) {
        let model = try readModel(xml: xml, file: file, version: nil, strict: false)
        return (model.id, model.version)
    }

    // MARK: - Steps

    struct Translation {
        var model: ProcessModel
        var source: GeneratedSource
    }

    static func readModel(xml: String, file: String, version: String?, strict: Bool = true)
        throws(CompileFailure) -> ProcessModel
    {
        let text = SourceText(xml)
        let tree: XMLTree
        switch XMLReader.read(xml, source: text) {
        case .success(let t): tree = t
        case .failure(let e):
            throw CompileFailure(errors: [
                CompileError(file: file, line: e.position.line, column: e.position.column, message: e.message)
            ])
        }
        var builder = ModelBuilder(tree: tree, source: text, file: file)
        let model = builder.build(version: version)
        guard let model else { throw CompileFailure(errors: sorted(builder.errors)) }
        if strict, !builder.errors.isEmpty { throw CompileFailure(errors: sorted(builder.errors)) }
        return model
    }

    static func translate(xml: String, file: String, companion: Companion?, version: String?)
        throws(CompileFailure) -> Translation
    {
        let model = try readModel(xml: xml, file: file, version: version)
        var errors = GraphChecks(model: model, file: file).errors()
        var functions: Set<String> = []
        var companionText: String?
        if let companion {
            let stripped = stripHeader(companion.source)
            var options = CompileOptions()
            options.requireHeader = false
            options.requireMain = false
            do {
                let program = try Compiler.compile(source: stripped, file: companion.file, options: options)
                functions = Set(program.functions.map(\.name))
                companionText = stripped
            } catch {
                errors += error.errors
            }
        }
        errors += missingFunctions(model, functions, hasCompanion: companion != nil, file: file)
        var generator = CodeGenerator(model: model, file: file, companionFunctions: functions)
        generator.generate()
        errors += generator.errors
        if !errors.isEmpty { throw CompileFailure(errors: sorted(errors)) }
        var source = generator.out
        if let companion, let companionText { source.companion(companionText, file: companion.file) }
        return Translation(model: model, source: source)
    }

    /// `dkctl:function` names that the companion file does not define.
    private static func missingFunctions(
        _ model: ProcessModel, _ functions: Set<String>, hasCompanion: Bool, file: String
    )
        -> [CompileError]
    {
        var errors: [CompileError] = []
        for node in model.nodes {
            guard case .serviceTask(.function(let name, let at)) = node.kind, !functions.contains(name) else {
                continue
            }
            let why =
                hasCompanion
                ? "the companion file has no 'fn \(name)(vars)'" : "no companion .orch file was given"
            errors.append(
                CompileError(
                    file: file, line: at.line, column: at.column,
                    message: "\(node.label) calls function '\(name)', but \(why)"))
        }
        return errors
    }

    /// The companion source with an `orchestrator NAME version "…"` header line blanked out
    /// (line numbers stay the same).
    static func stripHeader(_ source: String) -> String {
        var lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (i, line) in lines.enumerated() {
            let trimmed = line.trimmingBlanks
            if trimmed.isEmpty || trimmed.hasPrefix("//") { continue }
            let word = trimmed.prefix { $0 != " " && $0 != "\t" }
            if ["orchestrator", "service", "tool"].contains(String(word)) { lines[i] = "" }
            break
        }
        return lines.joined(separator: "\n")
    }

    static func sorted(_ errors: [CompileError]) -> [CompileError] {
        var seen: Set<String> = []
        return errors.sorted { ($0.file, $0.line, $0.column) < ($1.file, $1.line, $1.column) }
            .filter { seen.insert($0.description).inserted }
    }

    /// A compile error of the generated source, moved to its origin.
    static func remap(_ e: CompileError, _ source: GeneratedSource) -> CompileError {
        let o = source.origin(line: e.line, column: e.column)
        return CompileError(file: o.file, line: o.line, column: o.column, message: e.message)
    }

    /// The function with its line table moved to BPMN (or companion) lines.
    static func remap(_ f: Function, _ source: GeneratedSource) -> Function {
        let locations = f.locations.map { l -> SourceLocation in
            let o = source.origin(line: l.line, column: l.column)
            return SourceLocation(line: o.line, column: o.column)
        }
        return Function(
            name: f.name, index: f.index, arity: f.arity, captureCount: f.captureCount,
            registerCount: f.registerCount, instructions: f.instructions, constants: f.constants,
            locations: locations)
    }
}
