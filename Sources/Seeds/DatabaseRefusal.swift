import ODBC
import OEEModel

/// Why the database refused a seed statement, read from the driver's
/// SQLSTATE and native code, so that a hint fits the failure: "is the schema
/// migrated?" only when a table or column is really missing, and a
/// constraint violation names the constraint and the seed rows instead.
public enum DatabaseRefusal: Equatable, Sendable {
    /// A table, column or schema does not exist: PostgreSQL 42P01, 42703,
    /// 3F000; SQL Server 42S02/42S22 (native 208, 207), 3F000.
    case missingObject
    /// An integrity constraint refused a row (SQLSTATE class 23; SQL Server
    /// native 2627, 2601, 547, 515), with the constraint's name when the
    /// message gives it.
    case constraint(String?)
    case other

    public init(_ error: ODBCError) {
        let missingStates: Set<String> = ["42P01", "42703", "3F000", "42S02", "42S22"]
        let missingNatives: Set<Int> = [208, 207]
        let constraintNatives: Set<Int> = [2627, 2601, 547, 515]
        if error.records.contains(where: { missingStates.contains($0.sqlState) || missingNatives.contains($0.nativeCode) }) {
            self = .missingObject
        } else if let r = error.records.first(where: { $0.sqlState.hasPrefix("23") || constraintNatives.contains($0.nativeCode) }) {
            self = .constraint(DatabaseRefusal.constraintName(in: r.message))
        } else {
            self = .other
        }
    }

    /// The hint to add to a seed failure, if the failure suggests one.
    public var hint: String? {
        switch self {
        case .missingObject: return "is the schema migrated ('oeedb migrate')?"
        case .constraint, .other: return nil
        }
    }

    /// `uq_x` from `… violates unique constraint "uq_x"` (PostgreSQL) or
    /// `Violation of UNIQUE KEY constraint 'uq_x'.` / `… the FOREIGN KEY constraint "fk_x".` (SQL Server).
    static func constraintName(in message: String) -> String? {
        let lower = message.lowercased()
        guard let range = lower.range(of: "constraint ") else { return nil }
        let rest = message[range.upperBound...]
        guard let open = rest.first, open == "\"" || open == "'" else { return nil }
        let name = rest.dropFirst().prefix { $0 != open }
        return name.isEmpty ? nil : String(name)
    }

    /// The seed rows a refused statement wrote, as `file:line` (one row, or
    /// the row PostgreSQL's `Key (col)=(value)` detail names) or per file
    /// with the first and last line.
    static func rowsText(_ rows: [SeedRow], seed: SeedTable?, message: String) -> String {
        if rows.count == 1 { return "\(rows[0].file):\(rows[0].line)" }
        if let seed, let named = keyedRow(rows, seed: seed, message: message) { return "\(named.file):\(named.line)" }
        var byFile: [(file: String, lines: [Int])] = []
        for r in rows {
            if let i = byFile.firstIndex(where: { $0.file == r.file }) { byFile[i].lines.append(r.line) } else { byFile.append((r.file, [r.line])) }
        }
        return byFile.map { "\($0.file) lines \($0.lines.min()!)–\($0.lines.max()!)" }.joined(separator: ", ")
    }

    /// The row whose values match `Key (a, b)=(1, x)` in the message, if exactly one does.
    static func keyedRow(_ rows: [SeedRow], seed: SeedTable, message: String) -> SeedRow? {
        guard let k = message.range(of: "Key ("), let eq = message.range(of: ")=(", range: k.upperBound..<message.endIndex),
              let close = message.range(of: ")", range: eq.upperBound..<message.endIndex) else { return nil }
        let columns = message[k.upperBound..<eq.lowerBound].split(separator: ",").map { String($0).trimmingSpaces }
        let values = message[eq.upperBound..<close.lowerBound].split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
        guard columns.count == values.count else { return nil }
        func plain(_ v: SeedValue) -> String {
            if case .text(let s) = v { return s }
            return v.display
        }
        let matching = rows.filter { row in
            guard let key = seed.values(of: row, columns) else { return false }
            return key.values.map(plain) == values
        }
        return matching.count == 1 ? matching[0] : nil
    }
}
