/// How `top` starts: `top [-d SECONDS] [--sort KEY] [--flat] [--no-color]`.
public struct MonitorOptions: Sendable, Equatable {
    /// Seconds between two samples.
    public var delaySeconds: Double
    /// Draw without colours (`--no-color`); `NO_COLOR` in the environment does the same.
    public var noColor: Bool
    public var sortKey: SortKey
    /// Tree (true) or flat list.
    public var treeMode: Bool
    /// Tree lines; nil picks from the locale (Unicode on UTF-8).
    public var glyphs: TreeGlyphs?

    public init(
        delaySeconds: Double = 1.0, noColor: Bool = false, sortKey: SortKey = .pid, treeMode: Bool = true,
        glyphs: TreeGlyphs? = nil
    ) {
        self.delaySeconds = delaySeconds
        self.noColor = noColor
        self.sortKey = sortKey
        self.treeMode = treeMode
        self.glyphs = glyphs
    }
}
