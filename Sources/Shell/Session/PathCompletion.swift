import Foundation

/// File and directory names for Tab completion.
enum PathCompletion {
    /// Files and directories starting with `prefix` (directories end in `/`), relative paths
    /// looked up in `directory`. Hidden entries only when `prefix`'s last part starts with `.`;
    /// files only when `only` accepts their name (directories always, to go down into).
    static func candidates(
        _ prefix: String, in directory: String = ".", only: (String) -> Bool = { _ in true }
    ) -> [String] {
        let expanded = prefix.hasPrefix("~") ? NSString(string: prefix).expandingTildeInPath : prefix
        let folder: String
        let namePrefix: String
        if let slash = expanded.lastIndex(of: "/") {
            folder = String(expanded[...slash])
            namePrefix = String(expanded[expanded.index(after: slash)...])
        } else {
            folder = ""
            namePrefix = expanded
        }
        let shown =
            prefix.hasPrefix("~")
            ? String(prefix[...(prefix.lastIndex(of: "/") ?? prefix.startIndex)]) : folder
        let base = folder.hasPrefix("/") ? folder : directory + "/" + folder
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: base)) ?? []
        return entries.filter {
            $0.hasPrefix(namePrefix) && (!$0.hasPrefix(".") || namePrefix.hasPrefix("."))
        }.sorted()
            .compactMap { name in
                var isDirectory: ObjCBool = false
                FileManager.default.fileExists(atPath: base + name, isDirectory: &isDirectory)
                guard isDirectory.boolValue || only(name) else { return nil }
                return (prefix.hasPrefix("~") && !prefix.contains("/") ? prefix : shown) + name
                    + (isDirectory.boolValue ? "/" : "")
            }
    }
}
