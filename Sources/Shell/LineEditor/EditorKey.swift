/// One key press, decoded from the bytes a terminal sends (see `KeyDecoder`).
///
/// Control letters stay as `.ctrl` (Ctrl-A is `.ctrl("a")`) and Alt/Meta letters as `.alt`:
/// the decoder reports what was pressed, `EditorCore` decides what it means.
enum EditorKey: Equatable, Sendable {
    /// Printable text: one Unicode scalar (a combining mark arrives as its own key).
    case character(Character)
    case enter
    case tab
    /// Backspace (DEL, 127) or Ctrl-H (8).
    case backspace
    /// The Delete key (`ESC [ 3 ~`).
    case delete
    /// A lone Esc: one not followed by another byte within the decoder's timeout.
    case escape
    case left
    case right
    case up
    case down
    case home
    case end
    /// Ctrl-Left (`ESC [ 1 ; 5 D`) and similar modified arrows.
    case wordLeft
    /// Ctrl-Right (`ESC [ 1 ; 5 C`) and similar modified arrows.
    case wordRight
    /// Alt-Backspace (`ESC DEL`).
    case altBackspace
    /// Ctrl with a letter, lower case: Ctrl-A is `.ctrl("a")`.
    case ctrl(Character)
    /// Alt (Meta, sent as an Esc prefix) with a printable ASCII character.
    case alt(Character)
    /// A sequence the editor does not know (ignored).
    case unknown
}
