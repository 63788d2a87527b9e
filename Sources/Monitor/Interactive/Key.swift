/// A key press or mouse event, decoded from curses so the controller stays testable.
public enum Key: Sendable, Equatable {
    case character(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    case enter, escape, backspace, tab
    /// F1…F12.
    case function(Int)
    /// The terminal changed size: only redraw.
    case resize
    /// A click on screen line `y`.
    case click(y: Int)
    /// The mouse wheel: -1 up, +1 down.
    case wheel(Int)
}
