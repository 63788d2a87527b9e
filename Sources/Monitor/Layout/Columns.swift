/// A table column: its header, width, alignment, and whether it absorbs the free width.
struct Column<ID: Equatable>: Equatable {
    var id: ID
    var title: String
    var width: Int
    var rightAligned: Bool
    var flexible = false
}

/// Columns fitted to a screen width: the flexible column takes what the fixed ones leave; when
/// that is less than `minimumFlexible`, columns are dropped in `dropOrder` until it fits.
struct ColumnSet<ID: Equatable>: Equatable {
    private(set) var columns: [Column<ID>]
    let width: Int

    init(_ all: [Column<ID>], width: Int, minimumFlexible: Int, dropOrder: [ID]) {
        var chosen = all
        var drops = dropOrder[...]
        func flexibleWidth(_ columns: [Column<ID>]) -> Int {
            let fixed = columns.filter { !$0.flexible }.reduce(0) { $0 + $1.width }
            return width - fixed - (columns.count - 1)
        }
        while flexibleWidth(chosen) < minimumFlexible, let drop = drops.popFirst() {
            chosen.removeAll { $0.id == drop }
        }
        let free = max(1, flexibleWidth(chosen))
        for index in chosen.indices where chosen[index].flexible { chosen[index].width = free }
        self.columns = chosen
        self.width = width
    }

    func contains(_ id: ID) -> Bool { columns.contains { $0.id == id } }

    /// The cell where column `id` starts, or nil when it was dropped.
    func start(of id: ID) -> Int? {
        var position = 0
        for column in columns {
            if column.id == id { return position }
            position += column.width + 1
        }
        return nil
    }

    /// Joins cells (one per column, by id) into a line of exactly `width` cells.
    func line(_ cell: (ID) -> String) -> String {
        var text = ""
        for (position, column) in columns.enumerated() {
            if position > 0 { text += " " }
            let value = cell(column.id)
            text += column.rightAligned ? value.leftPadded(to: column.width) : value.padded(to: column.width)
        }
        return text.padded(to: width)
    }

    /// The header line.
    var header: String { line { id in columns.first { $0.id == id }?.title ?? "" } }
}
