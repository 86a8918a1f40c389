import OEEModel

/// Decides whether changing a column's type can lose or reject existing values.
public enum TypeNarrowing {
    /// A reason the change narrows the type, or `nil` if every old value fits the new type.
    public static func reason(from old: SQLType, to new: SQLType) -> String? {
        if old == new { return nil }
        let intRank: [SQLType: Int] = [.tinyint: 1, .smallint: 2, .int: 3, .bigint: 4]
        if let a = intRank[old], let b = intRank[new] { return b < a ? "smaller integer range" : nil }
        switch (old, new) {
        case (.decimal(let p1, let s1), .decimal(let p2, let s2)):
            if s2 < s1 { return "fewer decimal places" }
            if p2 - s2 < p1 - s1 { return "fewer integer digits" }
            return nil
        case (.tinyint, .decimal(let p, let s)), (.smallint, .decimal(let p, let s)), (.int, .decimal(let p, let s)), (.bigint, .decimal(let p, let s)):
            let digits = [SQLType.tinyint: 3, .smallint: 5, .int: 10, .bigint: 19][old]!
            return p - s < digits ? "fewer integer digits" : nil
        case (.real, .float(let m)): return (m ?? 53) < 24 ? "less float precision" : nil
        case (.float(let m), .real): return (m ?? 53) > 24 ? "less float precision" : nil
        case (.time(let a), .time(let b)), (.datetime2(let a), .datetime2(let b)), (.datetimeoffset(let a), .datetimeoffset(let b)):
            return b < a ? "fewer fractional-second digits" : nil
        case (.date, .datetime2), (.date, .datetimeoffset): return nil
        default:
            break
        }
        if old.family == .text && new.family == .text {
            if old.isUnicodeText && !new.isUnicodeText { return "Unicode to non-Unicode text" }
            return lengthShrinks(old.length, new.length) ? "shorter length" : nil
        }
        if old.family == .binary && new.family == .binary {
            return lengthShrinks(old.length, new.length) ? "shorter length" : nil
        }
        return "\(old.family.rawValue) to \(new.family.rawValue) conversion"
    }

    static func lengthShrinks(_ old: SQLType.Length?, _ new: SQLType.Length?) -> Bool {
        switch (old, new) {
        case (.max?, .n?): return true
        case (.n(let a)?, .n(let b)?): return b < a
        default: return false
        }
    }
}
