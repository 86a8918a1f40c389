import ODBC
import OEEModel

/// One engine's SQL for reading, upserting and deleting seed rows. Values
/// are rendered as literals so the same seed always yields the same text.
public protocol SeedSQL: Sendable {
    /// `sqlserver` or `postgres`.
    var id: String { get }
    func quote(_ identifier: String) -> String
    func literal(_ value: SeedValue, _ type: SQLType) -> String
    /// Statements run before a table's upserts (SET IDENTITY_INSERT … ON).
    func beforeUpsert(_ seed: SeedTable) -> [String]
    /// One statement that inserts missing rows and updates differing ones,
    /// keyed on the primary key; rows equal to the database are left alone.
    func upsert(_ seed: SeedTable, rows: [SeedRow]) -> String
    /// Statements run after a table's upserts (identity upkeep).
    func afterUpsert(_ seed: SeedTable) -> [String]
    /// Sets (or with nil clears) a session value that row-level-security
    /// predicates read: `SESSION_CONTEXT(N'key')` on SQL Server, the setting
    /// `oeedb.key` (transaction-local) on PostgreSQL.
    func setSessionContext(_ key: String, _ value: String?) -> String
    /// Ends a script: batch separators and all.
    func script(_ statements: [String]) -> String
    /// The same upsert as ``upsert(_:rows:)`` with the rows as bound
    /// parameters (the engine's bulk path), for loads over a connection;
    /// nil where the engine has none (scripts always use ``upsert(_:rows:)``).
    func bulkUpsert(_ seed: SeedTable, rows: [SeedRow]) -> (sql: String, parameters: [ODBCValue])?
    /// Like ``bulkUpsert(_:rows:)`` for rows the plan inserts: a plain INSERT,
    /// which fails on a key that exists; nil where the engine has none.
    func bulkInsert(_ seed: SeedTable, rows: [SeedRow]) -> (sql: String, parameters: [ODBCValue])?
    /// Rows per bulk statement.
    var bulkRowsPerStatement: Int { get }
    /// One query that returns all of a table's current rows (the columns of
    /// ``selectRows(_:_:)``, in its order) as a single JSON text read by
    /// ``JSONRows``: one value to fetch instead of one per cell. Nil where
    /// the engine has none; the loader then reads ``selectRows(_:_:)``.
    func selectRowsJSON(_ name: QualifiedName, _ table: Table) -> String?
}

extension SeedSQL {
    public func bulkUpsert(_ seed: SeedTable, rows: [SeedRow]) -> (sql: String, parameters: [ODBCValue])? { nil }
    public func bulkInsert(_ seed: SeedTable, rows: [SeedRow]) -> (sql: String, parameters: [ODBCValue])? { nil }
    public var bulkRowsPerStatement: Int { 500 }
    public func selectRowsJSON(_ name: QualifiedName, _ table: Table) -> String? { nil }
}

extension SeedSQL {
    public func table(_ name: QualifiedName) -> String {
        quote(name.schema) + "." + quote(name.name)
    }

    /// Every non-computed column of `table`, ordered by its primary key.
    public func selectRows(_ name: QualifiedName, _ table: Table) -> String {
        let columns = table.columns.filter { $0.computed == nil }.map { quote($0.name) }.joined(separator: ", ")
        let order = (table.primaryKey?.columns.map { quote($0.column) } ?? []).joined(separator: ", ")
        return "SELECT \(columns) FROM \(self.table(name))" + (order.isEmpty ? "" : " ORDER BY \(order)") + ";"
    }

    /// The distinct values of a parent table's referenced columns.
    public func selectDistinct(_ ref: ParentReference) -> String {
        let columns = ref.columns.map(quote).joined(separator: ", ")
        return "SELECT DISTINCT \(columns) FROM \(table(ref.table));"
    }

    /// Deletes rows by primary key.
    public func delete(_ seed: SeedTable, keys: [SeedKey]) -> [String] {
        let columns = seed.keyColumns
        let types = columns.map { c in seed.table.column(named: c)?.type ?? .int }
        return chunks(keys).map { chunk in
            let condition: String
            if columns.count == 1 {
                condition = quote(columns[0]) + " IN (" + chunk.map { literal($0.values[0], types[0]) }.joined(separator: ", ") + ")"
            } else {
                condition = chunk.map { key in
                    "(" + zip(columns, zip(key.values, types)).map { "\(quote($0)) = \(literal($1.0, $1.1))" }.joined(separator: " AND ") + ")"
                }.joined(separator: "\n    OR ")
            }
            return "DELETE FROM \(table(seed.name))\nWHERE \(condition);"
        }
    }

    /// The whole load of a plan as one script: when pruning, deletes first
    /// (children first, freeing their keys and unique values), then upserts
    /// (parents first). With `allRows`, every seed row is sent (the script
    /// for an empty database); otherwise only rows that change.
    public func loadScript(_ plan: SeedPlan, allRows: Bool = true) -> String {
        script(loadStatements(plan, allRows: allRows).map(\.sql))
    }

    /// With `bulk`, upserts use the engine's bulk path where it has one
    /// (``bulkUpsert(_:rows:)``): same rows, same checks, parameters instead of literals.
    public func loadStatements(_ plan: SeedPlan, allRows: Bool = true, bulk: Bool = false) -> [SeedStatement] {
        loadSteps(plan, allRows: allRows, bulk: bulk).map { $0.resolved() }
    }

    /// ``loadStatements(_:allRows:bulk:)`` with each bulk statement's SQL and
    /// parameters (the rows' JSON) still to be worked out, so that the loader
    /// works out the next one while the database runs the current one.
    func loadSteps(_ plan: SeedPlan, allRows: Bool, bulk: Bool) -> [SeedLoadStep] {
        var statements: [SeedLoadStep] = []
        for t in plan.tables.reversed() where !t.deletes.isEmpty {
            for (sql, chunk) in zip(delete(t.seed, keys: t.deletes), chunks(t.deletes)) {
                statements.append(SeedLoadStep(SeedStatement(sql: sql, table: t.name, expectedRows: chunk.count)))
            }
        }
        for t in plan.tables {
            // Every plan row is a seed row, once: when all or none change, no set is needed.
            let changes = t.inserts.count + t.updates.count
            if !allRows && changes == 0 { continue }
            let everyRowChanges = changes == t.seed.rows.count
            // Rows are told apart by where they are written (file and line), which is cheaper than by key.
            let changing = everyRowChanges ? [] : Set(t.inserts.map(\.place) + t.updates.map(\.row.place))
            let rows = allRows || everyRowChanges ? t.seed.rows : t.seed.rows.filter { changing.contains($0.place) }
            guard !rows.isEmpty else { continue }
            statements += beforeUpsert(t.seed).map { SeedLoadStep(SeedStatement(sql: $0, table: t.name, expectedRows: nil)) }
            let useBulk = bulk && bulkUpsert(t.seed, rows: []) != nil
            // Sending only changing rows over the bulk path, rows the plan inserts go
            // in plain INSERTs where the engine has them (no conflict handling to
            // pay for; a key another session inserted meanwhile is refused, not
            // overwritten), in runs that keep the seed's order.
            var runs: [(inserts: Bool, rows: [SeedRow])] = []
            if useBulk && !allRows && bulkInsert(t.seed, rows: []) != nil {
                if t.updates.isEmpty {
                    runs = [(true, rows)]
                } else {
                    let inserted = Set(t.inserts.map(\.place))
                    for row in rows {
                        let isInsert = inserted.contains(row.place)
                        if runs.last?.inserts == isInsert { runs[runs.count - 1].rows.append(row) } else { runs.append((isInsert, [row])) }
                    }
                }
            } else {
                runs = [(false, rows)]
            }
            for run in runs {
                for chunk in chunks(run.rows, size: useBulk ? bulkRowsPerStatement : 500) {
                    let expected = allRows && !everyRowChanges ? chunk.filter { changing.contains($0.place) }.count : chunk.count
                    if useBulk {
                        let seed = t.seed, inserts = run.inserts
                        statements.append(SeedLoadStep(SeedStatement(sql: "", table: t.name, expectedRows: expected, rows: chunk)) {
                            (inserts ? self.bulkInsert(seed, rows: chunk) : nil) ?? self.bulkUpsert(seed, rows: chunk) ?? (self.upsert(seed, rows: chunk), [])
                        })
                    } else {
                        statements.append(SeedLoadStep(SeedStatement(sql: upsert(t.seed, rows: chunk), table: t.name, expectedRows: expected, rows: chunk)))
                    }
                }
            }
            statements += afterUpsert(t.seed).map { SeedLoadStep(SeedStatement(sql: $0, table: t.name, expectedRows: nil)) }
        }
        return statements
    }

    /// Rows per statement: keeps statements well below engine limits.
    func chunks<T>(_ items: [T], size: Int = 500) -> [[T]] {
        stride(from: 0, to: items.count, by: size).map { Array(items[$0..<min($0 + size, items.count)]) }
    }

    /// `(v1, v2, …)` for one row in the seed's column order.
    func tuple(_ seed: SeedTable, _ row: SeedRow) -> String {
        "(" + zip(row.values, seed.columns).map { literal($0, $1.type) }.joined(separator: ", ") + ")"
    }
}

/// One statement of a load, its bulk SQL and parameters possibly still to
/// be worked out (``SeedSQL/loadSteps(_:allRows:bulk:)``).
struct SeedLoadStep: Sendable {
    var statement: SeedStatement
    var bulk: (@Sendable () -> (sql: String, parameters: [ODBCValue]))?

    init(_ statement: SeedStatement, bulk: (@Sendable () -> (sql: String, parameters: [ODBCValue]))? = nil) {
        self.statement = statement
        self.bulk = bulk
    }

    func resolved() -> SeedStatement {
        guard let bulk else { return statement }
        var s = statement
        (s.sql, s.parameters) = bulk()
        return s
    }
}

/// One statement of a load and how many rows it must touch (nil: no check).
public struct SeedStatement: Hashable, Sendable {
    public var sql: String
    public var table: QualifiedName
    public var expectedRows: Int?
    /// The seed rows the statement writes (none for deletes and set-up statements).
    public var rows: [SeedRow] = []
    /// Bound parameters (the bulk path's rows); none for literal SQL.
    public var parameters: [ODBCValue] = []
}

extension String {
    /// `O'Brien` → `O''Brien`.
    var sqlEscaped: String { utf8.contains(39) ? replacingOccurrences(of: "'", with: "''") : self }
}
