/// The loaded executables: several versions of one name side by side, one of them the
/// default that `spawn NAME` starts. Guarded by the kernel lock.
struct Registry {
    private var versions: [String: [SemanticVersion: Executable]] = [:]
    private var defaults: [String: SemanticVersion] = [:]
    /// References resolved since the registry last changed: a program spawning in a loop
    /// names the same one every time, and splitting and parsing it cost a fifth of a spawn.
    private var resolved: [String: Executable] = [:]
    /// The reference resolved last, checked before ``resolved``: a spawn loop names the same
    /// one every time, and comparing it (a short string compares as two words) is cheaper than
    /// hashing it (about 400 instructions per spawn). Cleared with ``resolved``, so a hot swap
    /// reaches the next spawn.
    private var lastResolved: (reference: String, executable: Executable)?

    /// Adds an executable. The first version of a name, or a newer one than the default,
    /// becomes the default. Loading the same name@version again replaces it.
    mutating func add(_ executable: Executable) throws(KernelError) -> Bool {
        guard let version = SemanticVersion(executable.version) else {
            throw .invalid("'\(executable.version)' is not a semantic version (like 1.2.0)")
        }
        versions[executable.name, default: [:]][version] = executable
        forgetResolved()
        if let current = defaults[executable.name], current >= version { return false }
        defaults[executable.name] = version
        return true
    }

    /// `name` (the default version) or `name@1.2.0`.
    mutating func resolve(_ reference: String) throws(KernelError) -> Executable {
        if let last = lastResolved, last.reference == reference { return last.executable }
        let executable: Executable
        if let known = resolved[reference] {
            executable = known
        } else {
            executable = try lookUp(reference)
            resolved[reference] = executable
        }
        lastResolved = (reference, executable)
        return executable
    }

    /// Forgets every resolved reference: the registry changed.
    private mutating func forgetResolved() {
        resolved = [:]
        lastResolved = nil
    }

    private func lookUp(_ reference: String) throws(KernelError) -> Executable {
        let (name, versionText) = Registry.split(reference)
        guard let loaded = versions[name], !loaded.isEmpty else { throw .noSuchExecutable(name) }
        guard let versionText else {
            guard let chosen = defaults[name], let executable = loaded[chosen] else {
                throw .noSuchExecutable(name)
            }
            return executable
        }
        guard let version = SemanticVersion(versionText), let executable = loaded[version] else {
            let known = loaded.keys.sorted().map(\.description).joined(separator: ", ")
            throw .noSuchExecutable("\(name)@\(versionText) (loaded: \(known))")
        }
        return executable
    }

    /// Makes `version` the default of `name` (hot swap): new spawns get it.
    mutating func setDefault(_ name: String, version text: String) throws(KernelError) {
        guard let version = SemanticVersion(text), versions[name]?[version] != nil else {
            throw .noSuchExecutable("\(name)@\(text)")
        }
        defaults[name] = version
        forgetResolved()
    }

    /// Removes name@version; the default moves to the newest remaining version.
    mutating func remove(_ name: String, version: SemanticVersion) {
        versions[name]?[version] = nil
        forgetResolved()
        if versions[name]?.isEmpty ?? true {
            versions[name] = nil
            defaults[name] = nil
        } else if defaults[name] == version {
            defaults[name] = versions[name]?.keys.max()
        }
    }

    /// Every loaded executable, by name then version.
    var all: [(executable: Executable, isDefault: Bool)] {
        versions.keys.sorted().flatMap { name in
            (versions[name] ?? [:]).sorted { $0.key < $1.key }.map { version, executable in
                (executable, defaults[name] == version)
            }
        }
    }

    func contains(name: String) -> Bool { versions[name] != nil }

    static func split(_ reference: String) -> (String, String?) {
        let bytes = reference.utf8
        guard let at = bytes.firstIndex(of: UInt8(ascii: "@")) else { return (reference, nil) }
        return (String(reference[..<at]), String(reference[bytes.index(after: at)...]))
    }
}
