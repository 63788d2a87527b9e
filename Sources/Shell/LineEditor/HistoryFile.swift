import Foundation

/// Where history persists between runs: a text file, one line per entry, oldest first.
///
/// Saving rewrites the whole file atomically (a temporary file renamed over it), creating the
/// directories it needs, with mode 0600 (commands may hold secrets). Errors are thrown for the
/// editor to ignore; a missing file loads as empty.
struct HistoryFile: Sendable {
    let path: String

    /// `$XDG_STATE_HOME/dkctl/history`, or `~/.local/state/dkctl/history` when
    /// `XDG_STATE_HOME` is unset, empty or relative (as the XDG spec says); nil without `HOME`.
    static func defaultPath(environment: [String: String]) -> String? {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return state + "/dkctl/history"
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.local/state/dkctl/history"
    }

    /// The saved lines; empty when the file does not exist yet.
    func load() throws -> [String] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return data.split(separator: UInt8(ascii: "\n")).map {
            String(decoding: $0, as: UTF8.self)
        }
    }

    /// Replaces the file's contents with `entries`.
    func save(_ entries: [String]) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let text = entries.map { $0 + "\n" }.joined()
        try Data(text.utf8).write(to: url, options: .atomic)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
    }
}
