/// A UTC instant in whole seconds since 1970-01-01T00:00:00Z.
///
/// Hand-written ISO 8601 parsing, on purpose: Foundation's ISO8601DateFormatter
/// accepts any offset and silently converts it, differs between platforms in
/// which fraction and separator forms it takes, and this module has no
/// Foundation. `--as-of` must be UTC and unambiguous, so exactly these forms
/// are accepted: `YYYY-MM-DD`, `YYYY-MM-DDThh:mm[:ss[.fff…]]` followed by `Z`
/// or `+00:00` (the date alone means midnight UTC). Fractions are truncated.
public struct UTCInstant: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    public var seconds: Int64

    public init(seconds: Int64) { self.seconds = seconds }

    public init(date: CivilDate, secondsOfDay: Int = 0) {
        seconds = Int64(date.dayNumber) * 86_400 + Int64(secondsOfDay)
    }

    /// Parses an `--as-of` value (see the type's comment); nil when it is not UTC ISO 8601.
    public init?(iso text: String) {
        if text.count == 10 {
            guard let d = CivilDate(iso: text) else { return nil }
            self.init(date: d)
            return
        }
        var body = Substring(text)
        if body.hasSuffix("Z") || body.hasSuffix("z") { body = body.dropLast() }
        else if body.hasSuffix("+00:00") { body = body.dropLast(6) }
        else { return nil }
        guard body.count > 10, body[body.index(body.startIndex, offsetBy: 10)] == "T" else { return nil }
        self.init(boundary: String(body))
    }

    /// Parses a catalog or model timestamp without offset: `YYYY-MM-DD`,
    /// `YYYY-MM-DD(T| )hh:mm[:ss[.fff…]]`.
    public init?(boundary s: String) {
        guard s.count >= 10, let d = CivilDate(iso: String(s.prefix(10))) else { return nil }
        var rest = s.dropFirst(10)
        if rest.isEmpty { self.init(date: d); return }
        guard rest.first == "T" || rest.first == " " else { return nil }
        rest = rest.dropFirst()
        let fields = rest.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(fields.count), fields[0].count == 2, fields[1].count == 2,
              let h = Int(fields[0]), let m = Int(fields[1]), (0...23).contains(h), (0...59).contains(m) else { return nil }
        var sec = 0
        if fields.count == 3 {
            let parts = fields[2].split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count <= 2, parts[0].count == 2, let v = Int(parts[0]), (0...59).contains(v) else { return nil }
            if parts.count == 2 { guard !parts[1].isEmpty, parts[1].allSatisfy(\.isNumber) else { return nil } }
            sec = v
        }
        self.init(date: d, secondsOfDay: h * 3600 + m * 60 + sec)
    }

    public var date: CivilDate {
        let day = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        return CivilDate(dayNumber: Int(day))
    }

    public var secondsOfDay: Int { Int(seconds - Int64(date.dayNumber) * 86_400) }

    /// `2026-12-01T10:00:00` (no offset: the form boundary and filter literals use).
    public var literalText: String {
        let s = secondsOfDay
        func pad(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(date.iso)T\(pad(s / 3600)):\(pad(s / 60 % 60)):\(pad(s % 60))"
    }

    /// `2026-12-01T10:00:00Z`.
    public var description: String { literalText + "Z" }

    public func adding(seconds n: Int64) -> UTCInstant { UTCInstant(seconds: seconds + n) }

    public static func < (a: Self, b: Self) -> Bool { a.seconds < b.seconds }
}
