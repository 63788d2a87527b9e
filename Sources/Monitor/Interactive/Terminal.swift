import CNcursesw
import Kernel

#if canImport(Glibc)
    import Glibc
#endif

/// The curses screen: set up on init, drawn from ``ScreenLine``s, restored by ``close()``.
/// Only the thread that created it may call it (curses is single-threaded).
final class Terminal {
    private let screen: OpaquePointer
    private let output: UnsafeMutablePointer<FILE>
    private let input: UnsafeMutablePointer<FILE>
    let colours: Bool
    /// Whether the locale is UTF-8 (wide tree lines).
    let utf8: Bool

    /// nil when stdin or stdout is not a terminal, or the terminal type is unknown.
    init?(noColor: Bool, tickMilliseconds: Int32) {
        setlocale(LC_ALL, "")  // first, or UTF-8 comes out as "~T~@"
        utf8 = String(cString: nl_langinfo(nl_item(CODESET))) == "UTF-8"
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { return nil }
        // Own FILEs on duplicated descriptors, so closing them leaves stdin and stdout open.
        let outFD = dup(STDOUT_FILENO)
        let inFD = dup(STDIN_FILENO)
        guard outFD >= 0, inFD >= 0, let out = fdopen(outFD, "w"), let inp = fdopen(inFD, "r") else {
            if outFD >= 0 { Glibc.close(outFD) }
            if inFD >= 0 { Glibc.close(inFD) }
            return nil
        }
        // newterm returns nil on a bad TERM where initscr would exit the process.
        guard let screen = newterm(nil, out, inp) else {
            fclose(out)
            fclose(inp)
            return nil
        }
        (self.screen, output, input) = (screen, out, inp)
        cbreak()
        noecho()
        nonl()
        keypad(dk_stdscr(), true)
        curs_set(0)
        timeout(tickMilliseconds)
        set_escdelay(25)  // a lone Esc in 25 ms, not 1 s
        mouseinterval(0)
        mousemask(dk_mouse_events(), nil)
        let wantColour = !noColor && has_colors()
        colours = wantColour
        if wantColour { Terminal.setUpColours() }
    }

    /// Leaves curses and gives the terminal back as it was.
    func close() {
        mousemask(0, nil)
        endwin()
        delscreen(screen)
        fclose(output)
        fclose(input)
    }

    var width: Int { Int(dk_cols()) }
    var height: Int { Int(dk_lines()) }

    /// Draws a whole screen.
    func draw(_ lines: [ScreenLine]) {
        erase()
        for (y, line) in lines.enumerated() where y < height {
            mvaddstr(Int32(y), 0, line.text.truncated(to: width))
            for span in line.spans where span.start < width && span.length > 0 {
                let (attribute, pair) = look(span.style)
                mvchgat(
                    Int32(y), Int32(span.start), Int32(min(span.length, width - span.start)), attribute, pair,
                    nil)
            }
        }
        refresh()
    }

    /// Waits up to the tick for a key; nil when none came.
    func readKey() -> Key? {
        var character: wint_t = 0
        let result = get_wch(&character)
        if result == ERR { return nil }
        if result == KEY_CODE_YES { return Terminal.decode(function: Int32(character)) }
        switch character {
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 9: return .tab
        default:
            guard let scalar = Unicode.Scalar(UInt32(character)), character >= 32 else { return nil }
            return .character(Character(scalar))
        }
    }

    private static func decode(function code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_RESIZE: return .resize
        case KEY_MOUSE:
            var event = MEVENT()
            guard getmouse(&event) == OK else { return nil }
            switch dk_mouse_kind(event.bstate) {
            case 1: return .click(y: Int(event.y))
            case 4: return .wheel(-1)
            case 5: return .wheel(1)
            default: return nil
            }
        case (KEY_F0 + 1)...(KEY_F0 + 12): return .function(Int(code - KEY_F0))
        default: return nil
        }
    }

    // MARK: Colours

    private enum Pair: Int16 {
        case running = 1, ready, suspended, exited, meter, header, selected, tagged, keyLabel, error, notice
    }

    private static func setUpColours() {
        start_color()
        use_default_colors()
        let pairs: [(Pair, Int32, Int32)] = [
            (.running, COLOR_GREEN, -1), (.ready, COLOR_CYAN, -1), (.suspended, COLOR_MAGENTA, -1),
            (.exited, COLOR_RED, -1), (.meter, COLOR_GREEN, -1), (.header, COLOR_BLACK, COLOR_GREEN),
            (.selected, COLOR_BLACK, COLOR_CYAN), (.tagged, COLOR_YELLOW, -1),
            (.keyLabel, COLOR_BLACK, COLOR_CYAN),
            (.error, COLOR_WHITE, COLOR_RED), (.notice, COLOR_YELLOW, -1),
        ]
        for (pair, foreground, background) in pairs {
            init_pair(pair.rawValue, Int16(foreground), Int16(background))
        }
    }

    /// The attribute and colour pair of a style (attributes only without colour).
    private func look(_ style: Style) -> (attr_t, Int16) {
        let bold = dk_a_bold()
        let reverse = dk_a_reverse()
        guard colours else {
            switch style {
            case .columnHeader, .selected, .keyLabel: return (reverse, 0)
            case .title, .keyNumber, .error, .notice: return (bold, 0)
            case .tagged: return (bold | dk_a_underline(), 0)
            case .treeLine: return (dk_a_dim(), 0)
            default: return (dk_a_normal(), 0)
            }
        }
        switch style {
        case .title, .keyNumber: return (bold, 0)
        case .columnHeader: return (dk_a_normal(), Pair.header.rawValue)
        case .selected: return (dk_a_normal(), Pair.selected.rawValue)
        case .tagged: return (bold, Pair.tagged.rawValue)
        case .meter: return (bold, Pair.meter.rawValue)
        case .treeLine: return (dk_a_dim(), 0)
        case .keyLabel: return (dk_a_normal(), Pair.keyLabel.rawValue)
        case .error: return (bold, Pair.error.rawValue)
        case .notice: return (bold, Pair.notice.rawValue)
        case .state(let state):
            switch state {
            case .running: return (bold, Pair.running.rawValue)
            case .ready: return (dk_a_normal(), Pair.ready.rawValue)
            case .waiting: return (dk_a_normal(), 0)
            case .suspended: return (bold, Pair.suspended.rawValue)
            case .exited: return (dk_a_normal(), Pair.exited.rawValue)
            }
        case .threadState(let state):
            switch state {
            case .running: return (bold, Pair.running.rawValue)
            case .ready: return (dk_a_normal(), Pair.ready.rawValue)
            case .waiting: return (dk_a_normal(), 0)
            case .suspended: return (bold, Pair.suspended.rawValue)
            case .finished: return (dk_a_normal(), Pair.exited.rawValue)
            }
        }
    }
}
