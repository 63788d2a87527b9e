import Kernel

/// The help screen (F1 or `?`).
enum HelpLayout {
    static let entries: [(String, String)] = [
        ("Up/Down PgUp/PgDn", "move the selection (Home/End: first/last)"),
        ("F1 ?", "this help"),
        ("F3 /", "search by name or PID (F3 again: next match)"),
        ("F4 \\", "filter: show only matching processes (Esc clears)"),
        ("F5 t", "tree or flat list"),
        ("+ -", "expand or collapse the selected subtree"),
        ("F6 < >", "sort menu; P: CPU%  M: MEM  T: TIME  N: PID  I: invert"),
        ("F7 ]  F8 [", "renice: nice -1 (runs earlier) / nice +1"),
        ("F9 k", "send a signal (to the tagged processes if any)"),
        ("Space c U", "tag the selected process / its subtree / untag all"),
        ("s r", "suspend (STOP) / resume (CONT)"),
        ("Z", "pause or resume updates"),
        ("F", "follow the selected process as the list reorders"),
        ("Enter", "details: context, mailbox, metrics, provenance (Esc: back)"),
        ("mouse", "click selects a row, the wheel scrolls"),
        ("q F10", "quit"),
    ]

    static func lines(width: Int, height: Int, colours: Bool) -> [ScreenLine] {
        var lines = [ScreenLine("dkctl top - keys", width: width, style: .title)]
        lines.append(ScreenLine(""))
        for (keys, meaning) in entries {
            let text = "  " + keys.padded(to: 20) + meaning
            lines.append(
                ScreenLine(text.padded(to: width), spans: [StyledSpan(start: 2, length: 20, style: .title)]))
        }
        lines.append(ScreenLine(""))
        lines.append(ScreenLine("States: running ready waiting suspended exited".padded(to: width)))
        if colours {
            var offset = 8
            for state in ["running", "ready", "waiting", "suspended", "exited"] {
                if let parsed = ProcessState(rawValue: state) {
                    lines[lines.count - 1].spans.append(
                        StyledSpan(start: offset, length: state.count, style: .state(parsed)))
                }
                offset += state.count + 1
            }
        }
        lines.append(ScreenLine(""))
        lines.append(ScreenLine("Press any key to return.", width: width, style: .notice))
        return Array(lines.prefix(height))
    }
}
