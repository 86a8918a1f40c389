import OEEModel

/// T-SQL: `MERGE … WITH (HOLDLOCK)` keyed on the primary key, updating only
/// rows whose values differ (`EXISTS (SELECT s… EXCEPT SELECT t…)` is
/// NULL-safe), with `SET IDENTITY_INSERT` around tables whose identity
/// column is seeded. SQL Server moves the identity past inserted values itself.
public struct SQLServerSeedSQL: SeedSQL {
    public init() {}

    public var id: String { "sqlserver" }

    public func quote(_ identifier: String) -> String {
        "[" + identifier.replacingOccurrences(of: "]", with: "]]") + "]"
    }

    public func literal(_ value: SeedValue, _ type: SQLType) -> String {
        switch value {
        case .null: return "CAST(NULL AS \(type))"
        case .int(let v): return String(v)
        case .bool(let b): return b ? "1" : "0"
        case .decimal(let d): return d
        case .double(let d): return String(d)
        case .text(let s): return (type.isUnicodeText ? "N'" : "'") + s.sqlEscaped + "'"
        case .date(let s), .time(let s), .uuid(let s): return "CAST('\(s)' AS \(type))"
        case .timestamp(let s): return "CAST('\(s.replacingOccurrences(of: " ", with: "T"))' AS \(type))"
        case .timestampOffset(let s):
            let iso = s.replacingOccurrences(of: " +", with: "+").replacingOccurrences(of: " ", with: "T")
            return "CAST('\(iso)' AS \(type))"
        case .bytes(let h): return "0x" + h.uppercased()
        }
    }

    public func beforeUpsert(_ seed: SeedTable) -> [String] {
        seed.identityColumns.isEmpty ? [] : ["SET IDENTITY_INSERT \(table(seed.name)) ON;"]
    }

    public func afterUpsert(_ seed: SeedTable) -> [String] {
        seed.identityColumns.isEmpty ? [] : ["SET IDENTITY_INSERT \(table(seed.name)) OFF;"]
    }

    public func upsert(_ seed: SeedTable, rows: [SeedRow]) -> String {
        let columns = seed.columnNames.map(quote)
        let updates = seed.updateColumns.map { quote($0.name) }
        var lines = ["MERGE INTO \(table(seed.name)) WITH (HOLDLOCK) AS t", "USING (VALUES"]
        lines += rows.enumerated().map { i, row in "    " + tuple(seed, row) + (i == rows.count - 1 ? "" : ",") }
        lines.append(") AS s (\(columns.joined(separator: ", ")))")
        lines.append("ON " + seed.keyColumns.map { "t.\(quote($0)) = s.\(quote($0))" }.joined(separator: " AND "))
        if !updates.isEmpty {
            lines.append("WHEN MATCHED AND EXISTS (SELECT \(updates.map { "s.\($0)" }.joined(separator: ", ")) EXCEPT SELECT \(updates.map { "t.\($0)" }.joined(separator: ", "))) THEN")
            lines.append("    UPDATE SET " + updates.map { "\($0) = s.\($0)" }.joined(separator: ", "))
        }
        lines.append("WHEN NOT MATCHED BY TARGET THEN")
        lines.append("    INSERT (\(columns.joined(separator: ", ")))")
        lines.append("    VALUES (\(columns.map { "s.\($0)" }.joined(separator: ", ")));")
        return lines.joined(separator: "\n")
    }

    public func setSessionContext(_ key: String, _ value: String?) -> String {
        "EXEC sys.sp_set_session_context @key = N'\(key.sqlEscaped)', @value = \(value.map { "N'\($0.sqlEscaped)'" } ?? "NULL");"
    }

    /// Batches separated by `GO` lines, as sqlcmd and SSMS run them.
    public func script(_ statements: [String]) -> String {
        statements.map { $0 + "\nGO\n" }.joined()
    }
}
