/// How numbers read in the monitor: human units, CPU time, uptime, percentages.
public enum Units {
    /// `0B`, `512B`, `1.5K`, `12K`, `3.4M`, `2.0G`: one decimal under 10, none above.
    public static func bytes(_ count: Int) -> String {
        let value = max(0, count)
        if value < 1024 { return "\(value)B" }
        var scaled = Double(value) / 1024
        for unit in ["K", "M", "G", "T"] {
            if scaled < 1024 || unit == "T" {
                let rounded = (scaled * 10).rounded() / 10
                if rounded < 10 { return decimal(rounded, places: 1) + unit }
                return "\(Int(scaled.rounded()))" + unit
            }
            scaled /= 1024
        }
        return "\(value)B"
    }

    /// CPU time as `m:ss.cc` (minutes grow past 59); from 1000 minutes on, `16h40m`.
    public static func cpuTime(_ nanoseconds: UInt64) -> String {
        let centiseconds = nanoseconds / 10_000_000
        let minutes = centiseconds / 6000
        if minutes >= 1000 { return "\(minutes / 60)h\(twoDigits(minutes % 60))m" }
        let seconds = centiseconds / 100 % 60
        return "\(minutes):\(twoDigits(seconds)).\(twoDigits(centiseconds % 100))"
    }

    /// Uptime as `h:mm:ss`, or `3d 4:05:06` from one day on.
    public static func uptime(_ nanoseconds: UInt64) -> String {
        let total = nanoseconds / 1_000_000_000
        let (days, hours, minutes, seconds) = (total / 86400, total / 3600 % 24, total / 60 % 60, total % 60)
        let clock = "\(hours):\(twoDigits(minutes)):\(twoDigits(seconds))"
        return days > 0 ? "\(days)d \(clock)" : clock
    }

    /// `12.5` (one decimal), `100` and above without one so it fits five cells up to 99999.
    public static func percent(_ value: Double) -> String {
        let clamped = max(0, value)
        return clamped >= 999.95 ? "\(Int(clamped.rounded()))" : decimal(clamped, places: 1)
    }

    /// Fixed-point text without Foundation: `decimal(3.14159, places: 2)` is `3.14`.
    static func decimal(_ value: Double, places: Int) -> String {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        guard value.isFinite, abs(value) * scale < 9e17 else { return value.isFinite ? "\(Int(value))" : "0" }
        let scaled = Int((abs(value) * scale).rounded())
        let sign = value < 0 && scaled != 0 ? "-" : ""
        let whole = scaled / Int(scale)
        guard places > 0 else { return "\(sign)\(whole)" }
        var fraction = String(scaled % Int(scale))
        while fraction.count < places { fraction = "0" + fraction }
        return "\(sign)\(whole).\(fraction)"
    }

    private static func twoDigits(_ value: UInt64) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
