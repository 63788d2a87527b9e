/// ISO 8601 durations as BPMN timers write them: `PT5S`, `PT1M30S`, `P1D`, `P2W`, `PT0.5S`,
/// `P1DT2H`. Years and months have no fixed length and are refused.
public enum ISODuration {
    /// The duration in milliseconds, or nil if `text` is not a duration this accepts (or is
    /// longer than about 290 million years).
    public static func milliseconds(_ text: String) -> Int? {
        var chars = Substring(text.trimmingBlanks)
        guard chars.first == "P", chars.count > 1 else { return nil }
        chars = chars.dropFirst()
        var inTime = false
        var total = 0.0
        var number = ""
        var sawComponent = false
        var lastUnitOrder = -1
        for c in chars {
            if c.isASCII, c.isNumber || c == "." || c == "," {
                number.append(c == "," ? "." : c)
                continue
            }
            if c == "T" {
                guard !inTime, number.isEmpty else { return nil }
                inTime = true
                continue
            }
            guard let value = Double(number) else { return nil }
            number = ""
            let (order, factor): (Int, Double)
            switch (inTime, c) {
            case (false, "W"): (order, factor) = (0, 604_800_000)
            case (false, "D"): (order, factor) = (1, 86_400_000)
            case (true, "H"): (order, factor) = (2, 3_600_000)
            case (true, "M"): (order, factor) = (3, 60_000)
            case (true, "S"): (order, factor) = (4, 1000)
            default: return nil
            }
            guard order > lastUnitOrder else { return nil }
            lastUnitOrder = order
            total += value * factor
            sawComponent = true
        }
        guard number.isEmpty, sawComponent, total.isFinite, total < 9.2e18 else { return nil }
        return Int(total.rounded())
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and line breaks.
    var trimmingBlanks: String {
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !blank($0) }), let last = lastIndex(where: { !blank($0) })
        else {
            return ""
        }
        return String(self[first...last])
    }
}
