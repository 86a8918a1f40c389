import OEEDiff
import OEEModel

/// Renders model types (named as SQL Server names them) as PostgreSQL types.
///
///     try TypeRenderer.render(.datetime2(precision: 3), path: "fact.cycle.start_ts")   // timestamp(3)
///     try TypeRenderer.render(.nvarchar(.max), path: "ref.site.notes")                 // text
///     try TypeRenderer.render(.bit, path: "ref.site.is_active")                        // boolean
///
/// Mapping: datetime2(n) → timestamp(n); datetimeoffset(n) → timestamptz(n);
/// time(n) → time(n) (n = 7 becomes 6, PostgreSQL's maximum: microseconds);
/// nvarchar/varchar(n) → varchar(n), (max) → text; char/nchar(n) → char(n);
/// bit → boolean; tinyint → smallint; uniqueidentifier → uuid;
/// float → double precision (float(1…24) → real); decimal(p,s) → numeric(p,s);
/// varbinary → bytea; sysname → varchar(128).
enum TypeRenderer {
    static func render(_ type: SQLType, path: String) throws -> String {
        func bad(_ why: String) -> RenderError { RenderError(path, "type \(type) \(why)") }
        switch type {
        case .tinyint: return "smallint"
        case .smallint: return "smallint"
        case .int: return "integer"
        case .bigint: return "bigint"
        case .bit: return "boolean"
        case .decimal(let p, let s):
            guard (1...38).contains(p) else { throw bad("has precision \(p); SQL Server (the model's reference) allows 1 to 38") }
            guard (0...p).contains(s) else { throw bad("has scale \(s); it must be 0 to the precision (\(p))") }
            return "numeric(\(p), \(s))"
        case .float(let m):
            guard let m else { return "double precision" }
            guard (1...53).contains(m) else { throw bad("has mantissa \(m); allowed are 1 to 53") }
            return m <= 24 ? "real" : "double precision"
        case .real: return "real"
        case .date: return "date"
        case .time(let p): return "time(\(try fraction(p, bad)))"
        case .datetime2(let p): return "timestamp(\(try fraction(p, bad)))"
        case .datetimeoffset(let p): return "timestamptz(\(try fraction(p, bad)))"
        case .char(let l), .nchar(let l):
            return "char(\(try length(l, allowsMax: false, bad)))"
        case .varchar(let l), .nvarchar(let l):
            if l == .max { return "text" }
            return "varchar(\(try length(l, allowsMax: true, bad)))"
        case .varbinary(let l):
            _ = try length(l, allowsMax: true, bad)
            return "bytea"
        case .uniqueidentifier: return "uuid"
        case .sysname: return "varchar(128)"
        }
    }

    /// Fractional-second precision: 0…7 accepted (as on SQL Server), 7 rendered
    /// as 6 because PostgreSQL stores microseconds at most.
    private static func fraction(_ p: Int, _ bad: (String) -> RenderError) throws -> Int {
        guard (0...7).contains(p) else { throw bad("has fractional-second precision \(p); allowed are 0 to 7") }
        return min(p, 6)
    }

    private static func length(_ l: SQLType.Length, allowsMax: Bool, _ bad: (String) -> RenderError) throws -> String {
        switch l {
        case .max:
            guard allowsMax else { throw bad("cannot be max; use the var- form of the type") }
            return "max"
        case .n(let n):
            guard (1...10_485_760).contains(n) else { throw bad("has length \(n); PostgreSQL allows 1 to 10485760") }
            return String(n)
        }
    }

    /// Whether a value of the type is a PostgreSQL boolean (model `bit`).
    static func isBoolean(_ type: SQLType?) -> Bool { type == .bit }

    /// Whether values of the type are text (so `+` means concatenation on SQL Server).
    static func isText(_ type: SQLType?) -> Bool { type?.family == .text }
}
