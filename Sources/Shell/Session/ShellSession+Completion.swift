import Foundation
import Kernel

extension ShellSession {
    /// Tab completion: command names for the first word; after it, what the command takes
    /// there (``ArgumentKind``): executables and program files after `spawn`, paths after
    /// `load`, PIDs after `kill`, and so on. A word with `/`, or starting with `.` or `~`,
    /// completes as a path wherever paths make sense. Relative paths are looked up in
    /// `directory` (the current one; tests pass another).
    func completions(line: String, cursor: Int, directory: String = ".") -> LineEditor.Completion {
        let before = String(line.prefix(cursor))
        let wordStart =
            before.lastIndex(where: { $0 == " " || $0 == ";" }).map { before.index(after: $0) }
            ?? before.startIndex
        let word = String(before[wordStart...])
        let replaceFrom = before.distance(from: before.startIndex, to: wordStart)
        let earlier =
            before[..<wordStart].split(separator: ";", omittingEmptySubsequences: false).last?
            .split(separator: " ").map(String.init) ?? []
        guard let command = earlier.first else {
            let names = CommandCatalogue.all.map(\.name).filter { $0.hasPrefix(word) }.sorted()
            return LineEditor.Completion(replaceFrom: replaceFrom, candidates: names)
        }
        let kind = ArgumentKind.of(command: command, before: Array(earlier.dropFirst()))
        let candidates = candidates(for: kind, word: word, directory: directory)
        return LineEditor.Completion(replaceFrom: replaceFrom, candidates: candidates)
    }

    /// The candidates of `kind` starting with `word`.
    private func candidates(for kind: ArgumentKind, word: String, directory: String) -> [String] {
        let looksLikePath = word.contains("/") || word.hasPrefix(".") || word.hasPrefix("~")
        switch kind {
        case .command:
            return CommandCatalogue.all.map(\.name).filter { $0.hasPrefix(word) }.sorted()
        case .executable:
            let files = PathCompletion.candidates(word, in: directory, only: ProgramFiles.isProgramFile)
            guard !looksLikePath else { return files }
            return (executableNames() + searchPathNames()).uniquedSorted(prefix: word) + files
        case .executableName:
            return executableNames().uniquedSorted(prefix: word)
        case .version(let name):
            return kernel.programs().filter { $0.name == name }.map(\.version).uniquedSorted(prefix: word)
        case .programFile:
            return PathCompletion.candidates(word, in: directory, only: ProgramFiles.isProgramFile)
        case .path:
            return PathCompletion.candidates(word, in: directory)
        case .process:
            return kernel.processList().map { String($0.pid) }.filter { $0.hasPrefix(word) }
        case .processOrThread:
            let threads = (try? kernel.threadList()) ?? []
            let ids = kernel.processList().map { Int($0.pid) } + threads.map { Int($0.tid) }
            return Array(Set(ids)).sorted().map(String.init).filter { $0.hasPrefix(word) }
        case .thread:
            let threads = (try? kernel.threadList()) ?? []
            return threads.map { String($0.tid) }.filter { $0.hasPrefix(word) }
        case .other:
            return looksLikePath ? PathCompletion.candidates(word, in: directory) : []
        }
    }

    /// The names of the loaded executables.
    private func executableNames() -> [String] { kernel.programs().map(\.name) }

    /// `NAME` for each `NAME.orch` or `NAME.bpmn` in the `--path` directories: what
    /// `spawn NAME` finds without a `load`.
    private func searchPathNames() -> [String] {
        options.searchPath.flatMap { folder in
            ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
                .filter(ProgramFiles.isProgramFile)
                .map { NSString(string: $0).deletingPathExtension }
        }
    }
}

extension Array where Element == String {
    /// The elements starting with `prefix`, without repeats, sorted.
    fileprivate func uniquedSorted(prefix: String) -> [String] {
        Set(filter { $0.hasPrefix(prefix) }).sorted()
    }
}
