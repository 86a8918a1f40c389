import ODBC
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
        var lines = insertHead(seed, columns)
        lines.append("VALUES")
        lines += rows.enumerated().map { i, row in "    " + tuple(seed, row) + (i == rows.count - 1 ? "" : ",") }
        lines += conflictClause(seed)
        return lines.joined(separator: "\n")
    }

    /// `INSERT INTO t AS t (cols)`, with `OVERRIDING SYSTEM VALUE` for identity columns.
    func insertHead(_ seed: SeedTable, _ columns: [String]) -> [String] {
        var lines = ["INSERT INTO \(table(seed.name)) AS t (\(columns.joined(separator: ", ")))"]
        if !seed.identityColumns.isEmpty { lines.append("OVERRIDING SYSTEM VALUE") }
        return lines
    }

    /// The upsert's conflict clause: update only rows whose values differ.
    func conflictClause(_ seed: SeedTable) -> [String] {
        let updates = seed.updateColumns.map { quote($0.name) }
        let key = seed.keyColumns.map(quote).joined(separator: ", ")
        guard !updates.isEmpty else { return ["ON CONFLICT (\(key)) DO NOTHING;"] }
        return ["ON CONFLICT (\(key)) DO UPDATE SET"]
            + updates.enumerated().map { i, c in "    \(c) = EXCLUDED.\(c)" + (i == updates.count - 1 ? "" : ",") }
            + ["WHERE (\(updates.map { "t.\($0)" }.joined(separator: ", "))) IS DISTINCT FROM (\(updates.map { "EXCLUDED.\($0)" }.joined(separator: ", ")));"]
    }

    /// The rows as one JSON array parameter, typed by the table itself:
    /// `INSERT … SELECT cols FROM json_populate_recordset(NULL::table, convert_from(?, 'UTF8')::json)`
    /// with the same `ON CONFLICT` clause as ``upsert(_:rows:)``. Each value
    /// goes through its column type's input function with the column's
    /// modifiers — what a quoted literal assigned to the column does — so
    /// the rows stored are the same. Measured against array-bound parameters
    /// (psqlODBC runs each parameter set as its own execution: 0.63–0.77 s for
    /// 50,000 rows) and `unnest` of array parameters (0.16–0.28 s, but it
    /// needs every column's PostgreSQL type spelled out, which this target
    /// does not know): 0.20–0.32 s, against 0.63–0.90 s for literal VALUES.
    public func bulkUpsert(_ seed: SeedTable, rows: [SeedRow]) -> (sql: String, parameters: [ODBCValue])? {
        ((bulkInsertHead(seed) + conflictClause(seed)).joined(separator: "\n"), [.bytes(jsonRowBytes(seed, rows))])
    }

    /// ``bulkUpsert(_:rows:)`` without the conflict clause, for rows the plan
    /// inserts: 50,000 rows cost the server 13 % less (measured with
    /// bench-seed.sh's data: 340 against 390 ms of backend CPU).
    public func bulkInsert(_ seed: SeedTable, rows: [SeedRow]) -> (sql: String, parameters: [ODBCValue])? {
        (bulkInsertHead(seed).joined(separator: "\n") + ";", [.bytes(jsonRowBytes(seed, rows))])
    }

    /// The rows go as one bytea parameter holding the JSON's UTF-8 bytes
    /// (`convert_from` checks them): no UTF-16 round trip through the driver,
    /// which bound as text cost the client more than building the JSON.
    func bulkInsertHead(_ seed: SeedTable) -> [String] {
        let columns = seed.columnNames.map(quote)
        return insertHead(seed, columns)
            + ["SELECT \(columns.map { "r.\($0)" }.joined(separator: ", ")) FROM json_populate_recordset(NULL::\(table(seed.name)), convert_from(?, 'UTF8')::json) AS r"]
    }

    public var bulkRowsPerStatement: Int { 5_000 }

    /// `SELECT json_agg(ARRAY[c1::text, …])::text FROM (… ORDER BY pk)`: every
    /// value as its type's text output (what the driver returns for it, read
    /// back by the same parser), NULL as JSON null; SQL NULL for no rows.
    /// psqlODBC converts each fetched cell on its own (50,000 rows of 8
    /// columns cost the client more than everything else in a no-op run);
    /// one text value is one conversion.
    public func selectRowsJSON(_ name: QualifiedName, _ table: Table) -> String? {
        let columns = table.columns.filter { $0.computed == nil }.map { quote($0.name) + "::text" }
        let order = (table.primaryKey?.columns.map { quote($0.column) } ?? []).joined(separator: ", ")
        guard !columns.isEmpty else { return nil }
        // Ordered in a subquery (the key's index), not inside the aggregate (a
        // sort): 52 against 62 ms of server time for 50,000 rows. The planner
        // does not rely on the order; it only makes matching rows cheaper.
        return "SELECT json_agg(ARRAY[\(columns.joined(separator: ", "))])::text FROM (SELECT * FROM \(self.table(name))"
            + (order.isEmpty ? "" : " ORDER BY \(order)") + ") AS t;"
    }

    /// `[{"col": "text", …}, …]`: every value as the text of its literal
    /// (a JSON string; JSON null for NULL), keys the column names.
    func jsonRows(_ seed: SeedTable, _ rows: [SeedRow]) -> String {
        String(decoding: jsonRowBytes(seed, rows), as: UTF8.self)
    }

    /// ``jsonRows(_:_:)`` as UTF-8 bytes, written straight into one buffer
    /// (building a `String` piece by piece cost twice as much).
    func jsonRowBytes(_ seed: SeedTable, _ rows: [SeedRow]) -> [UInt8] {
        let keys = seed.columnNames.enumerated().map { i, name in Array(((i == 0 ? "{" : ",") + JSONText.string(name) + ":").utf8) }
        var out: [UInt8] = [UInt8(ascii: "[")]
        out.reserveCapacity(2 + rows.count * (keys.reduce(2) { $0 + $1.count } + seed.columns.count * 14))
        for (i, row) in rows.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            for (c, value) in row.values.enumerated() where c < keys.count {
                out += keys[c]
                switch value {
                case .null: out += [0x6E, 0x75, 0x6C, 0x6C]
                case .int(let v): JSONText.appendDigits(v, to: &out)
                case .bool(let b): out += b ? [0x74, 0x72, 0x75, 0x65] : [0x66, 0x61, 0x6C, 0x73, 0x65]
                case .decimal(let d): JSONText.append(d, to: &out)
                case .double(let d): JSONText.append(String(d), to: &out)
                case .text(let s), .date(let s), .time(let s), .timestamp(let s), .uuid(let s): JSONText.append(s, to: &out)
                case .timestampOffset(let s): JSONText.append(s.replacingOccurrences(of: " +", with: "+"), to: &out)
                case .bytes(let h): JSONText.append("\\x" + h, to: &out)
                }
            }
            out.append(UInt8(ascii: "}"))
        }
        out.append(UInt8(ascii: "]"))
        return out
    }

    public func setSessionContext(_ key: String, _ value: String?) -> String {
        "SELECT set_config('oeedb.\(key.sqlEscaped)', '\((value ?? "").sqlEscaped)', true);"
    }

    /// Statements separated by blank lines; each ends with `;`.
    public func script(_ statements: [String]) -> String {
        statements.joined(separator: "\n\n") + (statements.isEmpty ? "" : "\n")
    }
}
