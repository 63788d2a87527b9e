/// The dkctl shell: REPL, commands, scripts.
public enum ShellInfo {
    /// The program's version, printed by `dkctl --version`.
    public static let version = "0.1.0"
}
