/// A typed seed value in a canonical text form, so a value read from a CSV
/// and the same value read back from either engine compare equal.
public enum SeedValue: Hashable, Sendable {
    case null
    case int(Int64)
    case bool(Bool)
    /// Exactly `scale` digits after the point: `0.8500`, `12`, `-3.2500`.
    case decimal(String)
    case double(Double)
    /// Character data; `char`/`nchar` values without trailing spaces.
    case text(String)
    /// `YYYY-MM-DD`.
    case date(String)
    /// `hh:mm:ss[.fff]` with as many fraction digits as the column keeps.
    case time(String)
    /// `YYYY-MM-DD hh:mm:ss[.fff]`, no time zone (UTC by convention).
    case timestamp(String)
    /// A `datetimeoffset` as its UTC instant: `YYYY-MM-DD hh:mm:ss[.fff] +00:00`.
    case timestampOffset(String)
    /// Lower-case `8-4-4-4-12` hex.
    case uuid(String)
    /// Lower-case hex digits, no prefix.
    case bytes(String)

    public var isNull: Bool { self == .null }

    /// The value as a person reads it in messages and reports: `3`, `'SETUP'`, `NULL`.
    public var display: String {
        switch self {
        case .null: return "NULL"
        case .int(let v): return String(v)
        case .bool(let b): return b ? "1" : "0"
        case .decimal(let d): return d
        case .double(let d): return String(d)
        case .text(let s), .date(let s), .time(let s), .timestamp(let s), .timestampOffset(let s), .uuid(let s):
            return "'" + s.replacingOccurrences(of: "'", with: "''") + "'"
        case .bytes(let h): return "0x" + h
        }
    }

    /// The value for JSON reports: numbers and booleans as text too, NULL as nil.
    public var json: String? {
        switch self {
        case .null: return nil
        case .int(let v): return String(v)
        case .bool(let b): return b ? "1" : "0"
        case .decimal(let d): return d
        case .double(let d): return String(d)
        case .text(let s), .date(let s), .time(let s), .timestamp(let s), .timestampOffset(let s), .uuid(let s): return s
        case .bytes(let h): return "0x" + h
        }
    }

    /// A number for comparisons in CHECK evaluation.
    var number: Double? {
        switch self {
        case .int(let v): return Double(v)
        case .bool(let b): return b ? 1 : 0
        case .decimal(let d): return Double(d)
        case .double(let d): return d
        default: return nil
        }
    }
}

extension SeedValue: Comparable {
    /// A total order for sorting keys deterministically: NULL first, numbers
    /// by value, text by code points.
    public static func < (a: SeedValue, b: SeedValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return false
        case (.null, _): return true
        case (_, .null): return false
        default:
            if let x = a.number, let y = b.number { return x < y }
            return (a.json ?? "").unicodeScalars.lexicographicallyPrecedes((b.json ?? "").unicodeScalars)
        }
    }
}

/// A row's values for some columns, compared and sorted as a unit (keys).
public struct SeedKey: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var values: [SeedValue]

    public init(_ values: [SeedValue]) {
        self.values = values
    }

    public static func < (a: SeedKey, b: SeedKey) -> Bool {
        for (x, y) in zip(a.values, b.values) where x != y { return x < y }
        return a.values.count < b.values.count
    }

    public var description: String { values.map(\.display).joined(separator: ", ") }

    /// `loss_bucket_id=3` or `(machine_id, recipe_id)=(1, 2)`.
    public func describe(_ columns: [String]) -> String {
        if columns.count == 1, let v = values.first { return "\(columns[0])=\(v.display)" }
        return "(\(columns.joined(separator: ", ")))=(\(description))"
    }
}
