import Foundation
import Kernel

extension ShellSession {
    /// Tab completion: command names for the first word; then PIDs, executable names and file
    /// paths (a word with `/` or `.` completes as a path).
    func completions(line: String, cursor: Int) -> LineEditor.Completion {
        let before = String(line.prefix(cursor))
        let wordStart =
            before.lastIndex(where: { $0 == " " || $0 == ";" }).map { before.index(after: $0) }
            ?? before.startIndex
        let word = String(before[wordStart...])
        let replaceFrom = before.distance(from: before.startIndex, to: wordStart)
        let earlier = before[..<wordStart].split(separator: ";").last?.split(separator: " ") ?? []
        if earlier.isEmpty {
            let names = CommandCatalogue.all.map(\.name).filter { $0.hasPrefix(word) }.sorted()
            return LineEditor.Completion(replaceFrom: replaceFrom, candidates: names)
        }
        if word.contains("/") || word.hasPrefix(".") || word.hasPrefix("~") {
            return LineEditor.Completion(replaceFrom: replaceFrom, candidates: pathCompletions(word))
        }
        let pids = kernel.processList().map { String($0.pid) }.filter { $0.hasPrefix(word) }
        let programs = Set(kernel.programs().map(\.name)).filter { $0.hasPrefix(word) }.sorted()
        let files = word.isEmpty ? [] : pathCompletions(word)
        return LineEditor.Completion(replaceFrom: replaceFrom, candidates: pids + programs + files)
    }

    /// Files and directories starting with `prefix` (directories end in `/`).
    private func pathCompletions(_ prefix: String) -> [String] {
        let expanded = prefix.hasPrefix("~") ? NSString(string: prefix).expandingTildeInPath : prefix
        let directory: String
        let namePrefix: String
        if let slash = expanded.lastIndex(of: "/") {
            directory = String(expanded[...slash])
            namePrefix = String(expanded[expanded.index(after: slash)...])
        } else {
            directory = ""
            namePrefix = expanded
        }
        let shown =
            prefix.hasPrefix("~")
            ? String(prefix[...(prefix.lastIndex(of: "/") ?? prefix.startIndex)]) : directory
        let entries =
            (try? FileManager.default.contentsOfDirectory(atPath: directory.isEmpty ? "." : directory)) ?? []
        return entries.filter {
            $0.hasPrefix(namePrefix) && (!$0.hasPrefix(".") || namePrefix.hasPrefix("."))
        }.sorted()
            .map { name in
                var isDirectory: ObjCBool = false
                FileManager.default.fileExists(atPath: directory + name, isDirectory: &isDirectory)
                return (prefix.hasPrefix("~") && !prefix.contains("/") ? prefix : shown) + name
                    + (isDirectory.boolValue ? "/" : "")
            }
    }
}
