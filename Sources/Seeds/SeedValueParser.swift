import OEEModel

/// Parses the text of one value as a column type into its canonical
/// ``SeedValue``; a failure is a message saying what is wrong and what fits.
///
/// Seed text is ISO and plain: integers in the type's range, decimals with at
/// most the column's precision and scale, bits as `0/1/true/false`, dates
/// `YYYY-MM-DD`, times `hh:mm[:ss[.fff]]`, timestamps `YYYY-MM-DD[T ]hh:mm[:ss[.fff]][Z]`.
/// Text read back from a database (`fromDatabase`) is accepted in the forms
/// drivers return it (`t`/`f`, `.8500`, seven fraction digits of zeros).
public enum SeedValueParser {
    public static func parse(_ raw: String, as type: SQLType, fromDatabase: Bool = false) -> Result<SeedValue, SeedValueError> {
        let text = type.family == .text ? raw : raw.trimmingBlanks
        if let fast = SeedValueFastPath.parse(text, as: type) { return .success(fast) }
        switch type {
        case .tinyint: return integer(text, in: 0...255, type)
        case .smallint: return integer(text, in: -32_768...32_767, type)
        case .int: return integer(text, in: Int64(Int32.min)...Int64(Int32.max), type)
        case .bigint: return integer(text, in: Int64.min...Int64.max, type)
        case .bit: return bit(text, fromDatabase: fromDatabase)
        case .decimal(let p, let s): return decimal(text, precision: p, scale: s)
        case .float, .real:
            guard let d = Double(text), d.isFinite else { return .failure(.init("'\(text)' is not a number (\(type))")) }
            if case .real = type, abs(d) > Double(Float.greatestFiniteMagnitude) { return .failure(.init("\(text) is out of range for real")) }
            return .success(.double(d))
        case .date:
            guard let d = CivilDate(iso: text) else { return .failure(.init("'\(text)' is not a date; write YYYY-MM-DD")) }
            return .success(.date(d.iso))
        case .time(let p):
            return time(text, precision: p).map(SeedValue.time)
        case .datetime2(let p):
            return timestamp(text, precision: p, allowZ: true).map { SeedValue.timestamp($0.text) }
        case .datetimeoffset(let p):
            return offsetTimestamp(text, precision: p)
        case .char(let l), .nchar(let l):
            return string(raw, type: type, length: l, trimTrailing: true)
        case .varchar(let l), .nvarchar(let l):
            return string(raw, type: type, length: l, trimTrailing: false)
        case .sysname:
            return string(raw, type: type, length: .n(128), trimTrailing: false)
        case .varbinary(let l):
            return bytes(text, length: l)
        case .uniqueidentifier:
            return uuid(text)
        }
    }

    static func integer(_ text: String, in range: ClosedRange<Int64>, _ type: SQLType) -> Result<SeedValue, SeedValueError> {
        let digits = text.hasPrefix("-") || text.hasPrefix("+") ? text.dropFirst() : Substring(text)
        guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit) else {
            return .failure(.init("'\(text)' is not an integer (\(type))"))
        }
        guard let v = Int64(text.hasPrefix("+") ? String(text.dropFirst()) : text), range.contains(v) else {
            return .failure(.init("\(text) is out of range for \(type) (\(range.lowerBound)..\(range.upperBound))"))
        }
        return .success(.int(v))
    }

    static func bit(_ text: String, fromDatabase: Bool) -> Result<SeedValue, SeedValueError> {
        switch text.lowercased() {
        case "1", "true": return .success(.bool(true))
        case "0", "false": return .success(.bool(false))
        case "t" where fromDatabase: return .success(.bool(true))
        case "f" where fromDatabase: return .success(.bool(false))
        default: return .failure(.init("'\(text)' is not a bit; write 0, 1, true or false"))
        }
    }

    static func decimal(_ text: String, precision p: Int, scale s: Int) -> Result<SeedValue, SeedValueError> {
        var body = Substring(text)
        var negative = false
        if body.first == "-" || body.first == "+" {
            negative = body.first == "-"
            body.removeFirst()
        }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !(parts[0].isEmpty && (parts.count == 1 || parts[1].isEmpty)),
              parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }) else {
            return .failure(.init("'\(text)' is not a decimal number (decimal(\(p),\(s)))"))
        }
        var whole = parts[0].drop { $0 == "0" }
        var fraction = parts.count == 2 ? parts[1] : ""
        while fraction.count > s, fraction.last == "0" { fraction.removeLast() }
        guard fraction.count <= s else {
            return .failure(.init("\(text) has \(fraction.count) decimal places; decimal(\(p),\(s)) keeps \(s)"))
        }
        guard whole.count <= p - s else {
            return .failure(.init("\(text) is out of range for decimal(\(p),\(s)) (at most \(p - s) digits before the point)"))
        }
        if whole.isEmpty { whole = "0" }
        let padded = String(fraction) + String(repeating: "0", count: s - fraction.count)
        let isZero = whole == "0" && padded.allSatisfy { $0 == "0" }
        return .success(.decimal((negative && !isZero ? "-" : "") + whole + (s > 0 ? "." + padded : "")))
    }

    /// `hh:mm[:ss[.f…]]` → `hh:mm:ss[.f…]` with exactly `precision` fraction digits.
    static func time(_ text: String, precision p: Int) -> Result<String, SeedValueError> {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count), parts[0].count == 2, parts[1].count == 2,
              let h = Int(parts[0]), let m = Int(parts[1]), (0...23).contains(h), (0...59).contains(m) else {
            return .failure(.init("'\(text)' is not a time; write hh:mm or hh:mm:ss"))
        }
        var seconds = "00", fraction = Substring("")
        if parts.count == 3 {
            let sf = parts[2].split(separator: ".", omittingEmptySubsequences: false)
            guard sf.count <= 2, sf[0].count == 2, let sec = Int(sf[0]), (0...59).contains(sec),
                  sf.count == 1 || (!sf[1].isEmpty && sf[1].allSatisfy(\.isASCIIDigit)) else {
                return .failure(.init("'\(text)' is not a time; write hh:mm:ss[.fff]"))
            }
            seconds = String(sf[0])
            fraction = sf.count == 2 ? sf[1] : ""
        }
        while fraction.count > p, fraction.last == "0" { fraction.removeLast() }
        guard fraction.count <= p else {
            return .failure(.init("'\(text)' has \(fraction.count) fraction digits; the column keeps \(p)"))
        }
        let padded = String(fraction) + String(repeating: "0", count: p - fraction.count)
        return .success("\(parts[0]):\(parts[1]):\(seconds)" + (p > 0 ? "." + padded : ""))
    }

    /// `YYYY-MM-DD[T ]hh:mm[:ss[.f…]]` with an optional `Z`.
    static func timestamp(_ text: String, precision p: Int, allowZ: Bool) -> Result<(date: CivilDate, time: String, text: String), SeedValueError> {
        var body = Substring(text)
        if allowZ, body.last == "Z" || body.last == "z" { body.removeLast() }
        let sep = body.firstIndex { $0 == "T" || $0 == " " }
        guard let sep, let date = CivilDate(iso: String(body[..<sep])) else {
            return .failure(.init("'\(text)' is not a timestamp; write YYYY-MM-DDThh:mm:ss (UTC)"))
        }
        switch time(String(body[body.index(after: sep)...]), precision: p) {
        case .success(let t): return .success((date, t, date.iso + " " + t))
        case .failure: return .failure(.init("'\(text)' is not a timestamp; write YYYY-MM-DDThh:mm:ss (UTC)"))
        }
    }

    /// A timestamp with `Z` or `±hh[:mm]`, canonicalised to its UTC instant.
    static func offsetTimestamp(_ text: String, precision p: Int) -> Result<SeedValue, SeedValueError> {
        let bad = SeedValueError("'\(text)' is not a timestamp with offset; write YYYY-MM-DDThh:mm:ss+hh:mm")
        var body = Substring(text.trimmingBlanks)
        var offsetMinutes = 0
        if body.last == "Z" || body.last == "z" {
            body.removeLast()
        } else if let signIndex = body.lastIndex(where: { $0 == "+" || $0 == "-" }), body.distance(from: body.startIndex, to: signIndex) > 10 {
            let offset = body[body.index(after: signIndex)...].split(separator: ":")
            guard (1...2).contains(offset.count), let oh = Int(offset[0]), offset.count == 1 || Int(offset[1]) != nil else { return .failure(bad) }
            offsetMinutes = (oh * 60 + (offset.count == 2 ? Int(offset[1])! : 0)) * (body[signIndex] == "-" ? -1 : 1)
            body = body[..<signIndex]
            while body.last == " " { body.removeLast() }
        } else {
            return .failure(bad)
        }
        guard case .success(let ts) = timestamp(String(body), precision: p, allowZ: false) else { return .failure(bad) }
        let hms = ts.time.prefix(8).split(separator: ":").compactMap { Int($0) }
        var minutes = ts.date.dayNumber * 1440 + hms[0] * 60 + hms[1] - offsetMinutes
        let day = Int((Double(minutes) / 1440).rounded(.down))
        minutes -= day * 1440
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        let rest = ts.time.dropFirst(5)
        return .success(.timestampOffset("\(CivilDate(dayNumber: day).iso) \(two(minutes / 60)):\(two(minutes % 60))\(rest) +00:00"))
    }

    static func string(_ text: String, type: SQLType, length: SQLType.Length, trimTrailing: Bool) -> Result<SeedValue, SeedValueError> {
        var value = text
        if trimTrailing && text.utf8.last == 0x20 {
            var trimmed = Substring(text)
            while trimmed.last == " " { trimmed.removeLast() }
            value = String(trimmed)
        }
        // On the bytes: an ASCII string's UTF-16 count is its UTF-8 count.
        let ascii = value.utf8.withContiguousStorageIfAvailable { !$0.contains { $0 >= 0x80 } } ?? value.utf8.allSatisfy { $0 < 0x80 }
        if !type.isUnicodeText, !ascii {
            return .failure(.init("non-ASCII text in a \(type) column: SQL Server keeps varchar/char in the database code page; use ASCII or an nvarchar column"))
        }
        let count = type.isUnicodeText && !ascii ? value.utf16.count : value.utf8.count
        if case .n(let n) = length, count > n {
            return .failure(.init("is \(count) characters long; \(type) holds \(n)"))
        }
        return .success(.text(value))
    }

    static func bytes(_ text: String, length: SQLType.Length) -> Result<SeedValue, SeedValueError> {
        var hex = Substring(text.lowercased())
        if hex.hasPrefix("0x") || hex.hasPrefix("\\x") { hex = hex.dropFirst(2) }
        guard hex.count % 2 == 0, hex.allSatisfy(\.isHexDigit) else {
            return .failure(.init("'\(text)' is not binary; write 0x followed by hex digit pairs"))
        }
        if case .n(let n) = length, hex.count / 2 > n {
            return .failure(.init("is \(hex.count / 2) bytes long; varbinary(\(n)) holds \(n)"))
        }
        return .success(.bytes(String(hex)))
    }

    static func uuid(_ text: String) -> Result<SeedValue, SeedValueError> {
        var t = Substring(text.lowercased())
        if t.first == "{", t.last == "}" { t = t.dropFirst().dropLast() }
        let groups = t.split(separator: "-", omittingEmptySubsequences: false)
        guard groups.map(\.count) == [8, 4, 4, 4, 12], groups.allSatisfy({ $0.allSatisfy(\.isHexDigit) }) else {
            return .failure(.init("'\(text)' is not a uniqueidentifier (8-4-4-4-12 hex digits)"))
        }
        return .success(.uuid(String(t)))
    }
}

/// Why a value does not fit its column.
public struct SeedValueError: Error, Hashable, Sendable {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
