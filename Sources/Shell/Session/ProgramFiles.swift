import Foundation
import Kernel
import BPMN
import Language

/// Reading and compiling program files for `load`, `check`, `spawn FILE`, `run FILE`.
enum ProgramFiles {
    /// The largest program file accepted.
    static let maximumBytes = 4 << 20

    /// Reads and compiles a `.orch` file. Compile errors are status 4 with one line each.
    static func compile(path: String, version: String? = nil) throws(CommandFailure) -> Program {
        let source = try read(path)
        if path.hasSuffix(".bpmn") { return try compileBPMN(path: path, xml: source, version: version) }
        do {
            let program = try Compiler.compile(source: source, file: path)
            guard let version else { return program }
            guard SemanticVersion(version) != nil else {
                throw CommandFailure.usage("'\(version)' is not a semantic version (like 1.2.0)")
            }
            return Program(
                name: program.name, version: version, kind: program.kind, file: program.file,
                functions: program.functions)
        } catch let failure as CompileFailure {
            throw CommandFailure(
                status: 4, message: "", details: failure.description.split(separator: "\n").map(String.init))
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw .failure("\(path): \(error)")
        }
    }

    /// Compiles BPMN 2.0 XML; a `.orch` file of the same name beside it supplies functions
    /// that service tasks call.
    static func compileBPMN(path: String, xml: String, version: String?) throws(CommandFailure) -> Program {
        if let version, SemanticVersion(version) == nil {
            throw .usage("'\(version)' is not a semantic version (like 1.2.0)")
        }
        let companionPath = String(path.dropLast(".bpmn".count)) + ".orch"
        var companion: BPMNCompiler.Companion?
        if FileManager.default.fileExists(atPath: companionPath) {
            companion = (source: try read(companionPath), file: companionPath)
        }
        do {
            return try BPMNCompiler.compile(xml: xml, file: path, companion: companion, version: version)
        } catch {
            throw CommandFailure(
                status: 4, message: "", details: error.description.split(separator: "\n").map(String.init))
        }
    }

    /// The file's text: UTF-8, at most ``maximumBytes``.
    static func read(_ path: String) throws(CommandFailure) -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .failure("\(path): no such file")
        }
        guard !isDirectory.boolValue else { throw .failure("\(path): is a directory") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .failure("\(path): cannot read it")
        }
        guard data.count <= maximumBytes else {
            throw .failure("\(path): too large (\(data.count) bytes; at most \(maximumBytes))")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .failure("\(path): not UTF-8 text")
        }
        return text
    }

    /// The endings of program files: the language's, then BPMN's.
    static let extensions = [".orch", ".bpmn"]

    /// Whether `name` is a program file's (`load`, `check` and `spawn` take it).
    static func isProgramFile(_ name: String) -> Bool { extensions.contains { name.hasSuffix($0) } }

    /// Whether a spawn/run argument names a file rather than a loaded program.
    static func looksLikeFile(_ reference: String) -> Bool {
        isProgramFile(reference) || reference.contains("/")
    }
}

extension ShellSession {
    /// Compiles and loads a program file; returns the executable.
    @discardableResult
    func loadFile(_ path: String, version: String? = nil) throws(CommandFailure) -> Executable {
        try load(ProgramFiles.compile(path: path, version: version), from: path)
    }

    /// Loads a compiled program; returns the executable.
    @discardableResult
    func load(_ program: Program, from path: String) throws(CommandFailure) -> Executable {
        let executable = kernel.executable(for: program, source: path)
        do {
            try kernel.load(executable)
        } catch {
            throw error.failure
        }
        return executable
    }
}
