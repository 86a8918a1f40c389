extension ValidationContext {
    /// Range checks on a type's parameters, as SQL Server enforces them.
    mutating func checkType(_ type: SQLType, what: String, path: String) {
        switch type {
        case .decimal(let p, let s):
            if !(1...38).contains(p) {
                error(path, "\(what) has decimal precision \(p); it must be 1 to 38", rule: "type.decimal-precision")
            } else if !(0...p).contains(s) {
                error(path, "\(what) has decimal scale \(s); it must be 0 to the precision (\(p))", rule: "type.decimal-scale")
            }
        case .float(let m?) where !(1...53).contains(m):
            error(path, "\(what) has float(\(m)); the mantissa must be 1 to 53", rule: "type.float-mantissa")
        case .time(let p), .datetime2(let p), .datetimeoffset(let p):
            if !(0...7).contains(p) {
                error(path, "\(what) has fractional-second precision \(p); it must be 0 to 7", rule: "type.time-precision")
            }
        case .nchar(.n(let n)), .nvarchar(.n(let n)):
            if !(1...4000).contains(n) {
                error(path, "\(what) has length \(n); \(type.baseName) allows 1 to 4000, or max", rule: "type.length")
            }
        case .char(.n(let n)), .varchar(.n(let n)), .varbinary(.n(let n)):
            if !(1...8000).contains(n) {
                error(path, "\(what) has length \(n); \(type.baseName) allows 1 to 8000, or max", rule: "type.length")
            }
        case .char(.max), .nchar(.max):
            error(path, "\(what) is \(type); only varchar, nvarchar and varbinary allow max", rule: "type.length")
        default:
            break
        }
    }
}

extension SQLType {
    /// The name without parameters: `nvarchar` for `nvarchar(64)`.
    var baseName: String {
        let d = description
        return d.firstIndex(of: "(").map { String(d[..<$0]) } ?? d
    }
}
