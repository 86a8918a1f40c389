import OEEDiff
import OEEModel

/// Renders model types as T-SQL type names, refusing parameters SQL Server rejects.
///
///     try TypeRenderer.render(.decimal(precision: 12, scale: 4), path: "fact.cycle.qty")   // decimal(12, 4)
///     try TypeRenderer.render(.nvarchar(.max), path: "ref.site.notes")                        // nvarchar(max)
enum TypeRenderer {
    static func render(_ type: SQLType, path: String) throws -> String {
        func bad(_ why: String) -> RenderError { RenderError(path, "type \(type) \(why)") }
        switch type {
        case .tinyint: return "tinyint"
        case .smallint: return "smallint"
        case .int: return "int"
        case .bigint: return "bigint"
        case .bit: return "bit"
        case .decimal(let p, let s):
            guard (1...38).contains(p) else { throw bad("has precision \(p); SQL Server allows 1 to 38") }
            guard (0...p).contains(s) else { throw bad("has scale \(s); it must be 0 to the precision (\(p))") }
            return "decimal(\(p), \(s))"
        case .float(let m):
            guard let m else { return "float" }
            guard (1...53).contains(m) else { throw bad("has mantissa \(m); SQL Server allows 1 to 53") }
            return "float(\(m))"
        case .real: return "real"
        case .date: return "date"
        case .time(let p): return "time(\(try fraction(p, bad)))"
        case .datetime2(let p): return "datetime2(\(try fraction(p, bad)))"
        case .datetimeoffset(let p): return "datetimeoffset(\(try fraction(p, bad)))"
        case .char(let l): return "char(\(try length(l, max: 8000, allowsMax: false, bad)))"
        case .varchar(let l): return "varchar(\(try length(l, max: 8000, allowsMax: true, bad)))"
        case .nchar(let l): return "nchar(\(try length(l, max: 4000, allowsMax: false, bad)))"
        case .nvarchar(let l): return "nvarchar(\(try length(l, max: 4000, allowsMax: true, bad)))"
        case .varbinary(let l): return "varbinary(\(try length(l, max: 8000, allowsMax: true, bad)))"
        case .uniqueidentifier: return "uniqueidentifier"
        case .sysname: return "sysname"
        }
    }

    private static func fraction(_ p: Int, _ bad: (String) -> RenderError) throws -> Int {
        guard (0...7).contains(p) else { throw bad("has fractional-second precision \(p); SQL Server allows 0 to 7") }
        return p
    }

    private static func length(_ l: SQLType.Length, max: Int, allowsMax: Bool, _ bad: (String) -> RenderError) throws -> String {
        switch l {
        case .max:
            guard allowsMax else { throw bad("cannot be max; use the var- form of the type") }
            return "max"
        case .n(let n):
            guard (1...max).contains(n) else { throw bad("has length \(n); SQL Server allows 1 to \(max)\(allowsMax ? ", or max" : "")") }
            return String(n)
        }
    }
}
