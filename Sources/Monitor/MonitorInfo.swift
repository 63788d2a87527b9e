import CNcursesw

/// The ncurses monitor (`top`).
public enum MonitorInfo {
    /// Whether the linked ncurses has wide-character support.
    public static let wideCharacters = true
}
