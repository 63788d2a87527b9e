import Kernel

/// How a shell session is set up (from dkctl's command line).
public struct ShellOptions: Sendable {
    public var kernel: KernelConfiguration
    /// Colour on standard output.
    public var color: Bool
    /// Directories where `spawn NAME` and `run NAME` look for `NAME.orch` / `NAME.bpmn`.
    public var searchPath: [String]
    /// OS programs that programs may run with `tool()`.
    public var allowedTools: [String]
    /// Where history is kept (nil: the default state directory).
    public var historyFile: String?
    /// One monitor frame at a size (collect, lay out, draw off screen), for `bench top-frame`;
    /// set by the dkctl executable.
    public var measureFrame: (@Sendable (Kernel, Int, Int) -> Duration)?

    public init(
        kernel: KernelConfiguration = KernelConfiguration(), color: Bool = false, searchPath: [String] = [],
        allowedTools: [String] = [], historyFile: String? = nil
    ) {
        self.kernel = kernel
        self.color = color
        self.searchPath = searchPath
        self.allowedTools = allowedTools
        self.historyFile = historyFile
    }
}

extension ShellOptions {
    /// Whether colour is wanted on standard output: a terminal, not `dumb`, no `NO_COLOR`,
    /// no `--no-color`.
    public static func wantsColor(noColorFlag: Bool) -> Bool {
        Terminal.wantsColor(noColorFlag: noColorFlag)
    }
}
