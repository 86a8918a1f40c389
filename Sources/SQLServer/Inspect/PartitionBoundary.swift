import OEEModel

/// Partition boundary values in one form per input type, so that a model's
/// boundaries and the catalog's (`sys.partition_range_values`, cast to text
/// by the catalog query) compare equal:
///
/// - integers: `.int`;
/// - decimal and float: `.decimal` with trailing fractional zeros removed (`10.50` → `10.5`);
/// - date: `.string("2026-10-01")`;
/// - datetime2: `.string("2026-10-01T00:00:00")`, fraction without trailing
///   zeros (`…T00:00:00.5`), a space accepted for `T`, a missing time read as midnight;
/// - datetimeoffset: the same, `Z` and `+00:00` removed;
/// - time: `06:00:00`, fraction without trailing zeros;
/// - text: `.string` with the Unicode flag of the type (the value is stored
///   typed: whether it was written `N'…'` is not kept).
enum PartitionBoundary {
    /// A boundary as the catalog query returns it.
    static func fromCatalog(_ text: String, type: SQLType) -> Literal {
        canonical(.string(text, unicode: false), type: type)
    }

    static func canonical(_ literal: Literal, type: SQLType) -> Literal {
        let text: String
        switch literal {
        case .null: return .null
        case .bool(let b): text = b ? "1" : "0"
        case .int(let v): text = String(v)
        case .decimal(let d): text = d
        case .string(let s, _): text = s
        }
        switch type.family {
        case .integer, .boolean:
            if let v = Int64(text.trimmingSpaces) { return type.family == .boolean ? .bool(v != 0) : .int(v) }
            return literal
        case .exactNumeric, .approximateNumeric:
            return .decimal(decimal(text.trimmingSpaces))
        case .date:
            return .string(String(dateTime(text).date), unicode: false)
        case .timestamp, .timestampWithOffset:
            let (date, time) = dateTime(text)
            return .string(date + "T" + (time.isEmpty ? "00:00:00" : clock(time)), unicode: false)
        case .time:
            return .string(clock(text.trimmingSpaces), unicode: false)
        case .text:
            return .string(text, unicode: type.isUnicodeText)
        case .binary, .uuid:
            return literal
        }
    }

    /// `10.50` → `10.5`, `+3.` → `3`, `-0.0` → `0`.
    private static func decimal(_ text: String) -> String {
        var s = Substring(text)
        var sign = ""
        if s.first == "+" { s = s.dropFirst() } else if s.first == "-" { sign = "-"; s = s.dropFirst() }
        guard s.allSatisfy({ $0.isNumber || $0 == "." }) else { return text }
        var digits = String(s)
        if digits.contains(".") {
            while digits.hasSuffix("0") { digits.removeLast() }
            if digits.hasSuffix(".") { digits.removeLast() }
        }
        while digits.count > 1, digits.hasPrefix("0"), !digits.hasPrefix("0.") { digits.removeFirst() }
        if digits.isEmpty || digits.hasPrefix(".") { digits = "0" + digits }
        return digits == "0" ? "0" : sign + digits
    }

    /// Splits `2026-10-01T00:00:00.000Z` into date and time, dropping a UTC zone.
    private static func dateTime(_ text: String) -> (date: String, time: String) {
        var s = text.trimmingSpaces
        if s.hasSuffix("Z") { s.removeLast() }
        if s.hasSuffix("+00:00") { s.removeLast(6) }
        guard let split = s.firstIndex(where: { $0 == "T" || $0 == " " }) else { return (s, "") }
        return (String(s[..<split]), String(s[s.index(after: split)...]).trimmingSpaces)
    }

    /// `06:00` → `06:00:00`; `00:00:00.5000000` → `00:00:00.5`; `00:00:00.000` → `00:00:00`.
    private static func clock(_ time: String) -> String {
        var parts = time.split(separator: ".", maxSplits: 1).map(String.init)
        guard !parts.isEmpty else { return time }
        if parts[0].split(separator: ":").count == 2 { parts[0] += ":00" }
        guard parts.count == 2 else { return parts[0] }
        var fraction = parts[1]
        // A zone offset other than UTC stays after the fraction.
        var zone = ""
        if let z = fraction.firstIndex(where: { $0 == "+" || $0 == "-" }) {
            zone = String(fraction[z...])
            fraction = String(fraction[..<z])
        }
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return parts[0] + (fraction.isEmpty ? "" : "." + fraction) + zone
    }
}
