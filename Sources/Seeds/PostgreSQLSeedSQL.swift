import OEEModel

/// PostgreSQL: `INSERT … ON CONFLICT (pk) DO UPDATE … WHERE (…) IS DISTINCT
/// FROM (…)`, with `OVERRIDING SYSTEM VALUE` for seeded identity columns and
/// the identity sequence moved past the highest key afterwards.
public struct PostgreSQLSeedSQL: SeedSQL {
    public init() {}

    public var id: String { "postgres" }

    public func quote(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    public func literal(_ value: SeedValue, _ type: SQLType) -> String {
        switch value {
        case .null: return "NULL"
        case .int(let v): return String(v)
        case .bool(let b): return b ? "TRUE" : "FALSE"
        case .decimal(let d): return d
        case .double(let d): return String(d)
        case .text(let s), .date(let s), .time(let s), .timestamp(let s), .uuid(let s): return "'" + s.sqlEscaped + "'"
        case .timestampOffset(let s): return "'" + s.replacingOccurrences(of: " +", with: "+") + "'"
        case .bytes(let h): return "'\\x\(h)'"
        }
    }

    public func beforeUpsert(_ seed: SeedTable) -> [String] { [] }

    public func afterUpsert(_ seed: SeedTable) -> [String] {
        seed.identityColumns.map { c in
            let seedValue = c.identity?.seed ?? 1
            return "SELECT setval(pg_get_serial_sequence('\(table(seed.name).sqlEscaped)', '\(c.name.sqlEscaped)'), "
                + "GREATEST(COALESCE(MAX(\(quote(c.name))), 0) + 1, \(seedValue)), false) FROM \(table(seed.name));"
        }
    }

    public func upsert(_ seed: SeedTable, rows: [SeedRow]) -> String {
        let columns = seed.columnNames.map(quote)
        let updates = seed.updateColumns.map { quote($0.name) }
        var lines = ["INSERT INTO \(table(seed.name)) AS t (\(columns.joined(separator: ", ")))"]
        if !seed.identityColumns.isEmpty { lines.append("OVERRIDING SYSTEM VALUE") }
        lines.append("VALUES")
        lines += rows.enumerated().map { i, row in "    " + tuple(seed, row) + (i == rows.count - 1 ? "" : ",") }
        let key = seed.keyColumns.map(quote).joined(separator: ", ")
        if updates.isEmpty {
            lines.append("ON CONFLICT (\(key)) DO NOTHING;")
        } else {
            lines.append("ON CONFLICT (\(key)) DO UPDATE SET")
            lines += updates.enumerated().map { i, c in "    \(c) = EXCLUDED.\(c)" + (i == updates.count - 1 ? "" : ",") }
            lines.append("WHERE (\(updates.map { "t.\($0)" }.joined(separator: ", "))) IS DISTINCT FROM (\(updates.map { "EXCLUDED.\($0)" }.joined(separator: ", ")));")
        }
        return lines.joined(separator: "\n")
    }

    public func setSessionContext(_ key: String, _ value: String?) -> String {
        "SELECT set_config('oeedb.\(key.sqlEscaped)', '\((value ?? "").sqlEscaped)', true);"
    }

    /// Statements separated by blank lines; each ends with `;`.
    public func script(_ statements: [String]) -> String {
        statements.joined(separator: "\n\n") + (statements.isEmpty ? "" : "\n")
    }
}
