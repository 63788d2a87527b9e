/// How runs of each executable version ended, booked at every exit.
///
/// Booking finds the row by the executable object (hashing a pointer) rather than by its
/// `name@version` string, which cost a tenth of a spawn-and-exit; questions come by
/// `name@version`. Every executable booked is kept, so that its identity cannot be reused by
/// another object. Guarded by the kernel lock.
struct OutcomeTable {
    private var rows: [ProgramOutcomes] = []
    private var rowOfReference: [String: Int] = [:]
    private var rowOfExecutable: [ObjectIdentifier: (executable: Executable, row: Int)] = [:]
    /// The executable booked last and its row, checked before ``rowOfExecutable``: the
    /// children a program starts in a loop end one after another, and comparing one pointer
    /// is cheaper than hashing it (about 170 instructions per exit). Held strongly, like the
    /// executables in ``rowOfExecutable``.
    private var lastBooked: (executable: Executable, row: Int)?

    /// Books one run of `executable` that took `nanoseconds` and failed or not.
    mutating func book(_ executable: Executable, nanoseconds: UInt64, failed: Bool) {
        let row = self.row(of: executable)
        rows[row].runs += 1
        if failed { rows[row].failures += 1 }
        rows[row].totalNanoseconds &+= nanoseconds
    }

    /// The outcomes of `name@version`, if it ever ran.
    subscript(reference: String) -> ProgramOutcomes? {
        rowOfReference[reference].map { rows[$0] }
    }

    private mutating func row(of executable: Executable) -> Int {
        if let last = lastBooked, last.executable === executable { return last.row }
        let row = lookUpRow(of: executable)
        lastBooked = (executable, row)
        return row
    }

    private mutating func lookUpRow(of executable: Executable) -> Int {
        let identity = ObjectIdentifier(executable)
        if let known = rowOfExecutable[identity] { return known.row }
        let row =
            rowOfReference[executable.reference]
            ?? {
                rows.append(ProgramOutcomes())
                rowOfReference[executable.reference] = rows.count - 1
                return rows.count - 1
            }()
        rowOfExecutable[identity] = (executable, row)
        return row
    }
}
