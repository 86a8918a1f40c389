/// A column or parameter type, named as SQL Server names it.
///
/// Dialects map these to their own types; the model itself never renders SQL.
/// In JSON a type is its canonical spelling, e.g. `"decimal(12,4)"` or
/// `"nvarchar(max)"`, so snapshots stay readable in review.
public enum SQLType: Hashable, Sendable {
    case tinyint
    case smallint
    case int
    case bigint
    case bit
    case decimal(precision: Int, scale: Int)
    /// `float(n)`; `nil` means the default `float` (= `float(53)`).
    case float(mantissa: Int?)
    case real
    case date
    case time(precision: Int)
    case datetime2(precision: Int)
    case datetimeoffset(precision: Int)
    case char(Length)
    case varchar(Length)
    case nchar(Length)
    case nvarchar(Length)
    case varbinary(Length)
    case uniqueidentifier
    case sysname

    /// A character or binary length: a number of characters/bytes, or `max`.
    public enum Length: Hashable, Sendable, CustomStringConvertible {
        case n(Int)
        case max

        public var description: String {
            switch self {
            case .n(let n): return String(n)
            case .max: return "max"
            }
        }
    }

    /// `float` with its default precision.
    public static let float: SQLType = .float(mantissa: nil)

    /// The family a type belongs to, used for compatibility checks (foreign keys,
    /// boundary literals) and by dialects.
    public enum Family: String, Hashable, Sendable {
        case integer, boolean, exactNumeric, approximateNumeric, date, time, timestamp, timestampWithOffset, text, binary, uuid
    }

    public var family: Family {
        switch self {
        case .tinyint, .smallint, .int, .bigint: return .integer
        case .bit: return .boolean
        case .decimal: return .exactNumeric
        case .float, .real: return .approximateNumeric
        case .date: return .date
        case .time: return .time
        case .datetime2: return .timestamp
        case .datetimeoffset: return .timestampWithOffset
        case .char, .varchar, .nchar, .nvarchar, .sysname: return .text
        case .varbinary: return .binary
        case .uniqueidentifier: return .uuid
        }
    }

    /// Whether the type stores Unicode text (`nchar`, `nvarchar`, `sysname`).
    public var isUnicodeText: Bool {
        switch self {
        case .nchar, .nvarchar, .sysname: return true
        default: return false
        }
    }

    /// The declared length of a character/binary type, if it has one.
    public var length: Length? {
        switch self {
        case .char(let l), .varchar(let l), .nchar(let l), .nvarchar(let l), .varbinary(let l): return l
        case .sysname: return .n(128)
        default: return nil
        }
    }
}

extension SQLType: CustomStringConvertible {
    /// The canonical spelling, as SQL Server writes it: `decimal(12,4)`, `nvarchar(max)`.
    public var description: String {
        switch self {
        case .tinyint: return "tinyint"
        case .smallint: return "smallint"
        case .int: return "int"
        case .bigint: return "bigint"
        case .bit: return "bit"
        case .decimal(let p, let s): return "decimal(\(p),\(s))"
        case .float(let m): return m.map { "float(\($0))" } ?? "float"
        case .real: return "real"
        case .date: return "date"
        case .time(let p): return "time(\(p))"
        case .datetime2(let p): return "datetime2(\(p))"
        case .datetimeoffset(let p): return "datetimeoffset(\(p))"
        case .char(let l): return "char(\(l))"
        case .varchar(let l): return "varchar(\(l))"
        case .nchar(let l): return "nchar(\(l))"
        case .nvarchar(let l): return "nvarchar(\(l))"
        case .varbinary(let l): return "varbinary(\(l))"
        case .uniqueidentifier: return "uniqueidentifier"
        case .sysname: return "sysname"
        }
    }
}

extension SQLType {
    /// Parses the canonical spelling (case-insensitive, spaces allowed): `DECIMAL(12, 4)`.
    public init?(parsing text: String) {
        let compact = text.lowercased().filter { !$0.isWhitespace }
        let base: Substring
        var args: [Substring] = []
        if let open = compact.firstIndex(of: "(") {
            guard compact.hasSuffix(")") else { return nil }
            base = compact[..<open]
            let inner = compact[compact.index(after: open)..<compact.index(before: compact.endIndex)]
            args = inner.split(separator: ",", omittingEmptySubsequences: false)
            if args.isEmpty || args.contains(where: \.isEmpty) { return nil }
        } else {
            base = compact[...]
        }
        func int(_ i: Int) -> Int? { i < args.count ? Int(args[i]) : nil }
        func length() -> Length? {
            guard args.count == 1 else { return nil }
            if args[0] == "max" { return .max }
            return Int(args[0]).map(Length.n)
        }
        switch (base, args.count) {
        case ("tinyint", 0): self = .tinyint
        case ("smallint", 0): self = .smallint
        case ("int", 0): self = .int
        case ("bigint", 0): self = .bigint
        case ("bit", 0): self = .bit
        case ("decimal", 2), ("numeric", 2):
            guard let p = int(0), let s = int(1) else { return nil }
            self = .decimal(precision: p, scale: s)
        case ("decimal", 1), ("numeric", 1):
            guard let p = int(0) else { return nil }
            self = .decimal(precision: p, scale: 0)
        case ("float", 0): self = .float(mantissa: nil)
        case ("float", 1):
            guard let m = int(0) else { return nil }
            self = .float(mantissa: m)
        case ("real", 0): self = .real
        case ("date", 0): self = .date
        case ("time", 0): self = .time(precision: 7)
        case ("time", 1):
            guard let p = int(0) else { return nil }
            self = .time(precision: p)
        case ("datetime2", 0): self = .datetime2(precision: 7)
        case ("datetime2", 1):
            guard let p = int(0) else { return nil }
            self = .datetime2(precision: p)
        case ("datetimeoffset", 0): self = .datetimeoffset(precision: 7)
        case ("datetimeoffset", 1):
            guard let p = int(0) else { return nil }
            self = .datetimeoffset(precision: p)
        case ("char", 0): self = .char(.n(1))
        case ("nchar", 0): self = .nchar(.n(1))
        case ("varchar", 0): self = .varchar(.n(1))
        case ("nvarchar", 0): self = .nvarchar(.n(1))
        case ("varbinary", 0): self = .varbinary(.n(1))
        case ("char", 1): guard let l = length() else { return nil }; self = .char(l)
        case ("varchar", 1): guard let l = length() else { return nil }; self = .varchar(l)
        case ("nchar", 1): guard let l = length() else { return nil }; self = .nchar(l)
        case ("nvarchar", 1): guard let l = length() else { return nil }; self = .nvarchar(l)
        case ("varbinary", 1): guard let l = length() else { return nil }; self = .varbinary(l)
        case ("uniqueidentifier", 0): self = .uniqueidentifier
        case ("sysname", 0): self = .sysname
        default: return nil
        }
    }
}

extension SQLType: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let type = SQLType(parsing: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "unknown SQL type '\(text)'")
        }
        self = type
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
