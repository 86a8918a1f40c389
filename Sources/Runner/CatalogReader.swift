import Foundation
import ODBC
import OEEDiff
import OEEModel

/// Reads a live database into the model with the dialect's fixed set of
/// catalog queries — a constant number of round trips whatever the size. The
/// one reader of the catalog: drift reads the whole database, the migration
/// post-check only the tables a migration touched (``verify(tables:expected:)``).
public final class CatalogReader {
    public let connection: ODBCConnection
    public let dialect: any InspectorDialect
    /// Catalog queries sent so far (the drift test counts them).
    public private(set) var queryCount = 0
    /// Round trips those queries took (fewer when the dialect batches them).
    public private(set) var roundTrips = 0
    /// The prepared restricted read of this session: for which excluded
    /// schemas, and whether its statements exist on the server yet.
    var prepared: (excluding: [String], read: PreparedCatalogRead, isPrepared: Bool)?
    /// Bumped for every new set of prepared statement names.
    var generation = 0

    public init(connection: ODBCConnection, dialect: any InspectorDialect) {
        self.connection = connection
        self.dialect = dialect
    }

    /// The live model, leaving out `excluding` schemas (the tool's own).
    public func read(databaseName: String, excluding: [String] = ["oeedb"], tables: [QualifiedName]? = nil) throws -> Database {
        try dialect.model(from: rows(excluding: excluding, tables: tables), databaseName: databaseName)
    }

    /// The rows of every catalog query, keyed by query name: in one round
    /// trip when the dialect allows it (``InspectorDialect/readsCatalogInOneBatch``),
    /// else one per query.
    func rows(excluding: [String], tables: [QualifiedName]?) throws -> CatalogRows {
        if let tables, !tables.isEmpty, let prepared = preparedRead(excluding: excluding) {
            return try rows(prepared, tables: tables)
        }
        let queries = dialect.catalogQueries(excluding: excluding, tables: tables)
        var rows: CatalogRows = [:]
        if dialect.readsCatalogInOneBatch && queries.count > 1 {
            queryCount += queries.count
            roundTrips += 1
            let names = queries.map(\.name).joined(separator: ", ")
            let result: ODBCResult
            do {
                result = try connection.execute(queries.map(\.sql).joined(separator: "\n"))
            } catch let e as ODBCError {
                throw RunnerError("reading the catalog (\(names)) failed: \(e.records.map(\.message).joined(separator: "; "))", sqlState: e.sqlState)
            }
            guard result.resultSets.count == queries.count else {
                throw RunnerError("reading the catalog (\(names)) returned \(result.resultSets.count) result sets for \(queries.count) queries")
            }
            for (query, set) in zip(queries, result.resultSets) { rows[query.name] = set.rows }
            return rows
        }
        for query in queries {
            queryCount += 1
            roundTrips += 1
            do {
                rows[query.name] = try connection.query(query.sql).rows
            } catch let e as ODBCError {
                throw RunnerError("reading the catalog (\(query.name)) failed: \(e.records.map(\.message).joined(separator: "; "))", sqlState: e.sqlState)
            }
        }
        return rows
    }
}

extension CatalogReader {
    /// The dialect's prepared restricted read for `excluding`, or nil.
    func preparedRead(excluding: [String]) -> PreparedCatalogRead? {
        if let prepared, prepared.excluding == excluding { return prepared.read }
        generation += 1
        guard let read = dialect.preparedCatalogRead(excluding: excluding, prefix: "oeedb_catalog_\(generation)_") else { return nil }
        prepared = (excluding, read, false)
        return read
    }

    /// The restricted read by the prepared statements, prepared in the same
    /// round trip the first time on this session.
    func rows(_ read: PreparedCatalogRead, tables: [QualifiedName]) throws -> CatalogRows {
        let isPrepared = prepared?.isPrepared ?? false
        queryCount += read.names.count
        roundTrips += 1
        let result: ODBCResult
        do {
            result = try connection.execute((isPrepared ? "" : read.prepare + "\n") + read.execute(tables))
        } catch let e as ODBCError {
            // Whether they were prepared before the failure is unknown: use new names next time.
            prepared = nil
            let hint = e.sqlState == "26000" ? " (a statement of this migration deallocated oeedb's prepared catalog statements: DISCARD ALL or DEALLOCATE; run the migration with --no-post-check, then 'oeedb drift')" : ""
            throw RunnerError("reading the catalog (\(read.names.joined(separator: ", "))) failed: \(e.records.map(\.message).joined(separator: "; "))\(hint)", sqlState: e.sqlState)
        }
        prepared?.isPrepared = true
        guard result.resultSets.count == read.names.count else {
            throw RunnerError("reading the catalog (\(read.names.joined(separator: ", "))) returned \(result.resultSets.count) result sets for \(read.names.count) queries")
        }
        var rows: CatalogRows = [:]
        for (name, set) in zip(read.names, result.resultSets) { rows[name] = set.rows }
        return rows
    }

    /// Forget the prepared statements (a migration may have deallocated
    /// them): the next restricted read prepares new ones under new names.
    public func forgetPreparedStatements() {
        prepared = nil
    }
}

/// Catalog rows read ahead of a comparison, with the schemas they leave out.
public struct PrefetchedCatalog {
    public var excluding: [String]
    public var rows: Result<CatalogRows, any Error>
    /// The catalog queries that read them.
    public var queries: Int
}

extension CatalogReader {
    /// Reads the whole catalog (leaving out `excluding`) on another thread
    /// while `body` runs on this one, then returns both: the server answers
    /// the catalog queries while the caller decodes the model to compare
    /// with. `body` must not use this reader's connection.
    public func prefetch<T>(excluding: [String] = ["oeedb"], while body: () throws -> T) rethrows -> (T, PrefetchedCatalog) {
        let box = PrefetchBox()
        let before = queryCount
        let done = DispatchSemaphore(value: 0)
        let reader = UncheckedReader(self)
        Thread.detachNewThread {
            box.rows = Result { try reader.value.rows(excluding: excluding, tables: nil) }
            done.signal()
        }
        let value: T
        do { value = try body() } catch { done.wait(); throw error }
        done.wait()
        return (value, PrefetchedCatalog(excluding: excluding, rows: box.rows, queries: queryCount - before))
    }
}

/// Where the prefetch thread leaves its rows (read after it signals).
private final class PrefetchBox: @unchecked Sendable {
    var rows: Result<CatalogRows, any Error> = .failure(RunnerError("the catalog was not read"))
}

/// The reader handed to the prefetch thread; the caller waits for that
/// thread before it touches the reader again, so the two never share it.
private struct UncheckedReader: @unchecked Sendable {
    let value: CatalogReader
    init(_ value: CatalogReader) { self.value = value }
}

/// Drift between a live database and an expected model.
public struct DriftResult: Sendable {
    public var items: [DriftItem]
    public var plan: MigrationPlan
    /// The catalog queries of the read that was compared.
    public var queryCount: Int
}

extension CatalogReader {
    /// Compares the live database with `expected`, both reduced to the
    /// dialect's comparable form. A difference whose path matches an `ignore`
    /// glob is dropped from the items and from the repair plan alike. Rolling
    /// partition windows and index bounds follow `policies` (the current
    /// model) when `expected` is an older snapshot without them.
    ///
    /// `prefetched` is catalog rows already read (``prefetch(excluding:)``,
    /// while the caller decoded `expected`); they are used when they were read
    /// with the schemas this comparison leaves out, else the catalog is read again.
    public func drift(expected: Database, ignore: [String] = [], policies: Database? = nil, prefetched: PrefetchedCatalog? = nil) throws -> DriftResult {
        let withPolicies = RollingPolicyDrift.withPolicies(expected, from: policies)
        let excluding = ["oeedb"] + RollingPolicyDrift.archiveSchemas(withPolicies)
        let raw: Database
        let queries: Int
        if let prefetched, prefetched.excluding == excluding {
            raw = try dialect.model(from: prefetched.rows.get(), databaseName: expected.name)
            queries = prefetched.queries
        } else {
            let before = queryCount
            raw = try read(databaseName: expected.name, excluding: excluding)
            queries = queryCount - before
        }
        let live = try dialect.comparable(raw)
        let want = try dialect.comparable(RollingPolicyDrift.adopt(live: raw, expected: withPolicies))
        let (items, plan) = DriftDetector.compare(live: live, expected: want) { path in
            ignore.contains { Glob.matches($0, path) }
        }
        return DriftResult(items: items, plan: plan, queryCount: queries)
    }
}

extension CatalogReader {
    /// The differences between the live `tables` and those tables in
    /// `expected`, read with the same queries as drift restricted to them
    /// (a constant number of queries, whatever the history or model size).
    /// A table in `tables` that `expected` lacks must be gone. Functions,
    /// security policies and partition boundaries are not compared here.
    public func verify(tables: [QualifiedName], expected: Database) throws -> [DriftItem] {
        guard !tables.isEmpty else { return [] }
        let live = try dialect.comparable(read(databaseName: expected.name, tables: tables))
        let want = try dialect.comparable(expected)
        let (items, _) = DriftDetector.compare(live: Self.only(tables, of: live), expected: Self.only(tables, of: want))
        return items
    }

    /// `db` with only `tables`, without schema-level objects.
    static func only(_ tables: [QualifiedName], of db: Database) -> Database {
        let wanted = Set(tables)
        var result = Database(name: db.name)
        for schema in db.schemas {
            var s = Schema(name: schema.name)
            s.tables = schema.tables.filter { wanted.contains(QualifiedName(schema.name, $0.name)) }
            if !s.tables.isEmpty { result.schemas.append(s) }
        }
        return result
    }
}

/// `*` (any run of characters) and `?` (one character) matching on object paths.
public enum Glob {
    public static func matches(_ pattern: String, _ text: String) -> Bool {
        let p = Array(pattern), t = Array(text)
        var pi = 0, ti = 0, star = -1, mark = 0
        while ti < t.count {
            if pi < p.count && (p[pi] == "?" || p[pi] == t[ti]) { pi += 1; ti += 1 }
            else if pi < p.count && p[pi] == "*" { star = pi; mark = ti; pi += 1 }
            else if star >= 0 { pi = star + 1; mark += 1; ti = mark }
            else { return false }
        }
        while pi < p.count && p[pi] == "*" { pi += 1 }
        return pi == p.count
    }
}
