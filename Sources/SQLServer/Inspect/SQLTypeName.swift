/// Canonical spelling of a type named inside CAST/CONVERT: lower case, no
/// brackets or spaces, synonyms and defaults spelled out (`numeric` →
/// `decimal`, `datetime2` → `datetime2(7)`, `float(24)` → `real`).
enum SQLTypeName {
    static func canonical(_ name: String, _ arguments: [String], inCast: Bool) -> String {
        var base = name.lowercased()
        var args = arguments
        switch base {
        case "numeric", "dec": base = "decimal"
        case "integer": base = "int"
        case "character": base = "char"
        case "national character varying", "nationalcharvarying": base = "nvarchar"
        default: break
        }
        switch base {
        case "decimal":
            if args.isEmpty { args = ["18", "0"] } else if args.count == 1 { args.append("0") }
        case "float":
            if let m = args.first.flatMap({ Int($0) }) {
                return m <= 24 ? "real" : "float"
            }
        case "datetime2", "time", "datetimeoffset":
            if args.isEmpty { args = ["7"] }
        case "char", "varchar", "nchar", "nvarchar", "binary", "varbinary":
            // CAST/CONVERT without a length means 30; a declaration without one means 1.
            if args.isEmpty { args = [inCast ? "30" : "1"] }
        default: break
        }
        return args.isEmpty ? base : "\(base)(\(args.joined(separator: ",")))"
    }
}
