/// Human units for tables: `12.0K`, `3.4M`, `1.25s`, `340ms`.
enum Units {
    /// Bytes in binary units: `512B`, `1.5K`, `64.0M`.
    static func bytes(_ value: Int) -> String {
        let units = ["B", "K", "M", "G", "T"]
        var scaled = Double(value)
        var unit = 0
        while scaled >= 1024 && unit < units.count - 1 {
            scaled /= 1024
            unit += 1
        }
        return unit == 0 ? "\(value)B" : fixed(scaled, 1) + units[unit]
    }

    /// Nanoseconds as `0ms`, `12ms`, `1.25s`, `2m03s`.
    static func duration(nanoseconds: UInt64) -> String {
        let milliseconds = Double(nanoseconds) / 1_000_000
        if milliseconds < 1000 {
            return fixed(milliseconds, milliseconds < 10 && milliseconds > 0 ? 1 : 0) + "ms"
        }
        let seconds = milliseconds / 1000
        if seconds < 60 { return fixed(seconds, 2) + "s" }
        let whole = Int(seconds)
        let remainder = whole % 60
        return "\(whole / 60)m" + (remainder < 10 ? "0" : "") + "\(remainder)s"
    }

    /// Large counts with thousands separators: `1,234,567`.
    static func count(_ value: UInt64) -> String {
        let digits = String(value)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return result
    }

    /// `value` with `places` decimals, without Foundation.
    static func fixed(_ value: Double, _ places: Int) -> String {
        guard value.isFinite else { return String(value) }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let rounded = (abs(value) * scale).rounded()
        let whole = Int(rounded / scale)
        let fraction = Int(rounded) - whole * Int(scale)
        var text = (value < 0 && rounded > 0 ? "-" : "") + String(whole)
        if places > 0 {
            let digits = String(fraction)
            text += "." + String(repeating: "0", count: places - digits.count) + digits
        }
        return text
    }
}
