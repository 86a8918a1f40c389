import ODBC
import OEEModel

/// Reads the database's rows and applies a seed plan over ODBC: the only
/// part of seeding that talks to a database. A load runs in one transaction:
/// the state is read, the plan made and checked, the statements run, and
/// every statement must touch exactly the rows the plan expects; any
/// failure rolls everything back.
public final class SeedLoader {
    public let connection: ODBCConnection
    public let sql: any SeedSQL
    public let model: Database
    /// Session values set for the load and cleared after it: the maintenance
    /// session the model's security policies declare (the canonical site
    /// policy: `is_global` = 1), so row-level security neither hides
    /// site-scoped rows from the comparison nor blocks their inserts. A model
    /// without one sets nothing: the loader knows no schema.
    public var sessionContext: [String: String]
    /// The statements the last ``load(_:prune:dryRun:)`` sent to write rows:
    /// only rows the plan inserts, updates or deletes (an up-to-date seed sends none).
    public private(set) var sentStatements: [SeedStatement] = []

    public init(connection: ODBCConnection, sql: any SeedSQL, model: Database) {
        self.connection = connection
        self.sql = sql
        self.model = model
        self.sessionContext = Dictionary(model.maintenanceSession.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    /// The current rows of the seeded tables and the keys of unseeded parents.
    public func readState(_ tables: [SeedTable]) throws -> SeedDatabaseState {
        var state = SeedDatabaseState()
        for t in tables { state.rows[t.name] = try readRows(t.name, t.table) }
        state.parentKeys = try readParentKeys(tables)
        return state
    }

    /// Every non-computed column of every row of one table.
    func readRows(_ name: QualifiedName, _ table: Table) throws -> ExistingRows {
        let columns = table.columns.filter { $0.computed == nil }
        let types = columns.map(\.type)
        let rows: [[String?]]
        if let json = sql.selectRowsJSON(name, table), let parsed = JSONRows.parse(try connection.scalar(json), columns: columns.count) {
            rows = parsed
        } else {
            rows = try connection.query(sql.selectRows(name, table)).rows
        }
        return ExistingRows(columns: columns, rows: rows.map { row in
            var values: [SeedValue] = []
            values.reserveCapacity(types.count)
            for (text, type) in zip(row, types) { values.append(SeedLoader.value(text, type)) }
            return values
        })
    }

    /// The distinct referenced values of parent tables the seed does not load.
    func readParentKeys(_ tables: [SeedTable]) throws -> [ParentReference: Set<SeedKey>] {
        var keys: [ParentReference: Set<SeedKey>] = [:]
        for ref in SeedPlanner.parentReferences(tables) {
            guard let parent = model.table(ref.table) else { continue }
            let types = ref.columns.map { parent.column(named: $0)?.type ?? .int }
            let result = try connection.query(sql.selectDistinct(ref))
            keys[ref] = Set(result.rows.map { row in SeedKey(zip(row, types).map { SeedLoader.value($0, $1) }) })
        }
        return keys
    }

    /// A value as the driver returned it, in canonical form (raw text if it does not parse).
    static func value(_ text: String?, _ type: SQLType) -> SeedValue {
        guard let text else { return .null }
        switch SeedValueParser.parse(text, as: type, fromDatabase: true) {
        case .success(let v): return v
        case .failure: return .text(text)
        }
    }

    /// Plans against the current rows and, unless `dryRun`, applies the plan,
    /// all in one transaction (a dry run rolls it back). Throws
    /// ``SeedValidationError`` with every problem — in the files and against
    /// the database (missing parents, unique collisions) — before anything
    /// is written.
    public func load(_ seed: PreparedSeed, prune: Bool, dryRun: Bool) throws -> SeedPlan {
        try load(reading: seed.tables.map(\.name), prepared: { seed }, prune: prune, dryRun: dryRun)
    }

    /// ``load(_:prune:dryRun:)`` for a seed still being prepared (see
    /// ``Background``): the rows of `tables` (the tables the seed files name)
    /// are read while `prepared` works, then it is waited for. A table the
    /// prepared seed loads but `tables` lacks is read then; one it does not
    /// load was read for nothing. `onPlanned` sees the plan before anything
    /// is written (the report can be written meanwhile).
    public func load(reading tables: [QualifiedName], prepared: () throws -> PreparedSeed, prune: Bool, dryRun: Bool,
                     onPlanned: (SeedPlan) -> Void = { _ in }) throws -> SeedPlan {
        let keys = sessionContext.keys.sorted()
        try connection.setAutocommit(false)
        defer { try? connection.setAutocommit(true) }
        func clearSession() {
            for key in keys { _ = try? connection.execute(sql.setSessionContext(key, nil)) }
        }
        do {
            for key in keys { try connection.execute(sql.setSessionContext(key, sessionContext[key])) }
            var rows: [QualifiedName: ExistingRows] = [:]
            do {
                for name in tables where rows[name] == nil {
                    if let table = model.table(name), table.primaryKey != nil { rows[name] = try readRows(name, table) }
                }
            } catch {
                // A table the seed may not load after all (its file may be invalid)
                // must not fail the load: start over, reading only what it loads.
                rows = [:]
                try connection.rollback()
                for key in keys { try connection.execute(sql.setSessionContext(key, sessionContext[key])) }
            }
            let seed = try prepared()
            for t in seed.tables where rows[t.name] == nil { rows[t.name] = try readRows(t.name, t.table) }
            var state = SeedDatabaseState()
            for t in seed.tables { state.rows[t.name] = rows[t.name] }
            state.parentKeys = try readParentKeys(seed.tables)
            let plan = try self.plan(seed, state: state, prune: prune)
            onPlanned(plan)
            sentStatements = []
            if !dryRun {
                // Compared in the client: unchanged rows are not sent at all.
                let steps = sql.loadSteps(plan, allRows: false, bulk: true)
                func start(_ i: Int) -> Background<SeedStatement>? {
                    guard i < steps.count else { return nil }
                    let step = steps[i]
                    return Background { step.resolved() }
                }
                // The next statement's rows are turned into JSON while the database runs this one.
                var next = start(0)
                for i in steps.indices {
                    let statement = try next!.value()
                    next = start(i + 1)
                    sentStatements.append(statement)
                    let result: ODBCResult
                    do {
                        result = try connection.execute(statement.sql, statement.parameters)
                    } catch let e as ODBCError {
                        throw SeedLoader.refused(e, statement, plan: plan)
                    }
                    if let expected = statement.expectedRows, let count = result.rowCounts.last, count >= 0, count != expected {
                        throw SeedLoadError(message: "\(statement.table): the plan expected \(expected) row(s) to change, the database changed \(count); did another session change the table? Nothing was written")
                    }
                }
            }
            clearSession()
            if dryRun { try connection.rollback() } else { try connection.commit() }
            return plan
        } catch {
            try? connection.rollback()
            clearSession()
            throw error
        }
    }

    func plan(_ seed: PreparedSeed, state: SeedDatabaseState, prune: Bool) throws -> SeedPlan {
        let (plan, diagnostics) = seed.plan(state: state, model: model, prune: prune)
        if !diagnostics.isEmpty { throw SeedValidationError(diagnostics) }
        return plan
    }
}

extension SeedLoader {
    /// A statement's failure in seed terms: a constraint violation names the
    /// table, the constraint and the seed rows; anything else keeps the
    /// driver's error and says whether the schema looks unmigrated.
    static func refused(_ error: ODBCError, _ statement: SeedStatement, plan: SeedPlan) -> any Error {
        let refusal = DatabaseRefusal(error)
        guard case .constraint(let name) = refusal else { return error }
        let seed = plan.tables.first { $0.name == statement.table }?.seed
        let rows = statement.rows.isEmpty ? "" : " written from \(DatabaseRefusal.rowsText(statement.rows, seed: seed, message: error.description))"
        let constraint = name.map { "constraint \($0)" } ?? "a constraint"
        return SeedLoadError(message: "\(statement.table): \(constraint) refused the rows\(rows) [\(error.sqlState)]: the table exists, so this is not a missing migration; fix those rows, or the database rows they collide with. Nothing was written (rolled back).\n  \(error.description)",
                             refusal: refusal)
    }
}

/// A load the database refused or that did not go as planned; rolled back.
public struct SeedLoadError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var refusal: DatabaseRefusal?

    public init(message: String, refusal: DatabaseRefusal? = nil) {
        self.message = message
        self.refusal = refusal
    }

    public var description: String { message }
}
