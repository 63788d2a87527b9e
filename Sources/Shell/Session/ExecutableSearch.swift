import Foundation
import Kernel

extension ShellSession {
    /// What `spawn`/`run` start: a file (compiled and loaded), a loaded `NAME[@VERSION]`, or
    /// `NAME.orch` (or `.bpmn`) found in the `--path` directories or the current one. For
    /// `NAME@VERSION` the file found is loaded too, and must be that version.
    func resolveExecutable(_ reference: String) throws(CommandFailure) -> Executable {
        if ProgramFiles.looksLikeFile(reference) { return try loadFile(reference) }
        if let executable = try? kernel.executable(reference) { return executable }
        let (name, version) = Self.split(reference)
        if let path = searchPathFile(for: name) {
            let program = try ProgramFiles.compile(path: path)
            if let version, SemanticVersion(version).map({ $0 != SemanticVersion(program.version) }) ?? true {
                throw .failure("no such executable: \(reference) (\(path) has version \(program.version))")
            }
            return try load(program, from: path)
        }
        do {
            return try kernel.executable(reference)
        } catch .noSuchExecutable(let missing) where missing == name && version != nil {
            throw KernelError.noSuchExecutable(reference).failure  // the kernel names NAME alone
        } catch {
            throw error.failure
        }
    }

    /// `NAME.orch` or `NAME.bpmn` in the first `--path` directory (then the current one) that
    /// has one.
    private func searchPathFile(for name: String) -> String? {
        guard !name.isEmpty else { return nil }
        for directory in options.searchPath + ["."] {
            for suffix in ProgramFiles.extensions {
                let candidate = directory + "/" + name + suffix
                if FileManager.default.fileExists(atPath: candidate) { return candidate }
            }
        }
        return nil
    }

    /// `NAME@VERSION` as NAME and VERSION; `NAME` as NAME and nil.
    private static func split(_ reference: String) -> (name: String, version: String?) {
        guard let at = reference.firstIndex(of: "@") else { return (reference, nil) }
        return (String(reference[..<at]), String(reference[reference.index(after: at)...]))
    }
}
