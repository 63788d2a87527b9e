/// One line being read, as bytes: an `EditorCore` and the `LineRenderer` pictures of it.
///
/// Everything the terminal layer writes comes from here, for a given width, so the exact
/// output is testable without a terminal.
struct EditorSession: Sendable {
    private(set) var core: EditorCore

    init(prompt: String, history: [String], killed: String = "") {
        core = EditorCore(prompt: prompt, history: history, killed: killed)
    }

    /// The prompt line as it should look now.
    func redraw(width: Int) -> String {
        let shown = core.display
        return LineRenderer.refresh(prompt: shown.prompt, buffer: shown.buffer, width: width)
    }

    /// Output from another thread: erase the prompt line, print `text` (as whole lines, see
    /// `LineRenderer.lines`), draw the prompt line again with the cursor where it was.
    func printAbove(_ text: String, width: Int) -> String {
        "\r" + LineRenderer.eraseLine + LineRenderer.lines(text) + redraw(width: width)
    }

    /// Applies one key; returns the bytes to write and, when the line is done, the result.
    mutating func handle(
        _ key: EditorKey, completion: LineEditor.Completion? = nil, width: Int
    ) -> (output: String, result: LineEditor.ReadResult?) {
        switch core.handle(key, completion: completion) {
        case .none: return ("", nil)
        case .refresh: return (redraw(width: width), nil)
        case .bell: return (LineRenderer.bell, nil)
        case .clearScreen: return (LineRenderer.clearScreen + redraw(width: width), nil)
        case .list(let candidates):
            let listing = "\r\n" + CompletionText.columns(candidates, width: width)
            return (listing + redraw(width: width), nil)
        case .accept(let line):
            return (LineRenderer.finish(prompt: core.prompt, buffer: core.buffer), .line(line))
        case .interrupt:
            let out = LineRenderer.finish(prompt: core.prompt, buffer: core.buffer, suffix: "^C")
            return (out, .interrupted)
        case .endOfInput:
            return (LineRenderer.finish(prompt: core.prompt, buffer: core.buffer), .endOfInput)
        }
    }
}
