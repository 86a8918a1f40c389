import Foundation
import Testing
import OEETestSupport
import ODBC
import OEEDSL
import OEEDiff
import OEESchema
import Migrations
import PostgreSQL
import Runner

/// `oeedb partitions maintain` on the real PostgreSQL with the canonical
/// migrations and policies, walking a simulated clock with --as-of while rows
/// arrive at the current time.
@Suite(.serialized) struct PartitionLifecycleTests {
    static let model = OEESchema.database
    static let seed = """
        INSERT INTO ref.enterprise (enterprise_id, code, name) VALUES (1, 'E', 'Enterprise');
        INSERT INTO ref.site (site_id, enterprise_id, code, name, tz_windows, tz_iana) VALUES (1, 1, 'S', 'Site', 'UTC', 'UTC');
        INSERT INTO ref.area (area_id, site_id, code, name) VALUES (1, 1, 'A', 'Area');
        INSERT INTO ref.line (line_id, site_id, area_id, code, name, work_center_type) VALUES (1, 1, 1, 'L', 'Line', 'PRODUCTION_LINE');
        INSERT INTO ref.machine (machine_id, site_id, line_id, code, name, machine_class) VALUES (1, 1, 1, 'M', 'Machine', 'FILLER');
        INSERT INTO ref.event_type (event_type, code, description) VALUES (1, 'HEARTBEAT', 'Heartbeat');
        INSERT INTO ref.state_code (state_code, name, is_running) VALUES (1, 'STOPPED', false);
        INSERT INTO ref.loss_bucket (loss_bucket_id, code, name, oee_factor, in_ppt, is_planned) VALUES (10, 'UNPLANNED', 'Unplanned stop', 'A', true, false);
        """

    /// A migrated database, its connection (row-level security lifted for the
    /// session, as a loader would) and a maintainer over the canonical model.
    func setUp() throws -> (ODBCConnection, PartitionMaintainer, Database) {
        let db = try #require(try TestDatabase.make())
        let runner = try db.runner(DriftTests.canonicalMigrations)
        _ = try runner.migrate()
        let conn = runner.connection
        try conn.execute("SELECT set_config('oeedb.is_global', '1', false);")
        for s in Self.seed.split(separator: "\n") { try conn.execute(String(s)) }
        let snapshot = try #require(try MigrationDirectory.load(DriftTests.canonicalMigrations).latest).snapshot()
        return (conn, PartitionMaintainer(runner: runner, dialect: PostgreSQLDialect(), model: Self.model), snapshot)
    }

    func insertEvent(_ conn: ODBCConnection, _ t: UTCInstant) throws {
        try conn.execute("INSERT INTO fact.event (machine_id, ts_utc, site_id, event_type) VALUES (1, '\(t.literalText)', 1, 1);")
    }

    func insertStop(_ conn: ODBCConnection, _ t: UTCInstant) throws {
        try conn.execute("INSERT INTO fact.downtime (machine_id, start_ts, site_id, state_code) VALUES (1, '\(t.literalText)', 1, 1);")
    }

    func count(_ conn: ODBCConnection, _ sql: String) throws -> Int {
        Int(try conn.scalar(sql) ?? "-1") ?? -1
    }

    /// One step of the walk: maintain at `now`, then check every promise.
    func step(_ conn: ODBCConnection, _ m: PartitionMaintainer, _ snapshot: Database, now: UTCInstant,
              events: [UTCInstant], stops: [UTCInstant], full: Bool) throws {
        let report = try m.maintain(asOf: now)
        #expect(report.refusals.isEmpty, "\(now): \(report.refusals)")
        for f in report.functions { #expect(f.coverageAfter >= f.requiredAhead, "\(now): \(f.function) covers \(f.coverageAfter)") }
        let day = try #require(Self.model.partitionFunction(named: "pf_day")?.rolling)
        let month = try #require(Self.model.partitionFunction(named: "pf_month")?.rolling)
        let dayCutoff = UTCInstant(date: try #require(day.cutoff(at: now.date)))
        let monthCutoff = UTCInstant(date: try #require(month.cutoff(at: now.date)))
        // Rows older than retention are gone (events) or archived (stops); every other row is still there.
        #expect(try count(conn, "SELECT count(*) FROM fact.event") == events.filter { $0 >= dayCutoff }.count, "\(now)")
        #expect(try count(conn, "SELECT count(*) FROM fact.downtime") == stops.filter { $0 >= monthCutoff }.count, "\(now)")
        let archived = try conn.query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'archive' AND table_name LIKE 'downtime%'").rows.compactMap { $0[0] ?? nil }
        let inArchive = try archived.map { try count(conn, "SELECT count(*) FROM archive.\"\($0)\"") }.reduce(0, +)
        #expect(inArchive == stops.filter { $0 < monthCutoff }.count, "\(now)")
        guard full else { return }
        // Status: coverage never below policy, nothing left to do, no row in a catch-all partition.
        let status = try m.status(asOf: now)
        #expect(status.steps.isEmpty, "\(now): a second run would do \(status.steps.map(\.summary))")
        for f in status.functions {
            #expect(!f.belowPolicy, "\(now): \(f.function) covers \(f.coverageAhead), policy \(f.requiredAhead)")
            for t in f.tables {
                #expect(t.partitions.first?.lower == nil && t.partitions.last?.upper == nil)
                let column = try #require(Self.model.table(t.table)?.partitioning?.partitionColumn)
                let first = try #require(f.firstBoundary), last = try #require(f.lastBoundary)
                #expect(try count(conn, "SELECT count(*) FROM \(t.table) WHERE \(column) < '\(first)' OR \(column) >= '\(last)'") == 0, "\(now): \(t.table) has rows in a catch-all partition")
            }
        }
        let reader = CatalogReader(connection: conn, dialect: PostgreSQLDialect())
        let drift = try reader.drift(expected: snapshot, policies: Self.model)
        #expect(drift.items.isEmpty, "\(now): \(drift.items)")
    }

    /// Daily for 100 days (pf_day), then monthly for 14 months (pf_month), rows
    /// arriving at the current time plus a few older ones that expire on the way.
    /// Every step checks the row counts and the coverage; every 7th day and every
    /// month also the status (nothing left to do, coverage, catch-alls empty) and drift.
    @Test(.needsPostgres, .timeLimit(.minutes(2)))
    func walkingTheClockKeepsEveryWindowAtItsPolicy() throws {
        let (conn, m, snapshot) = try setUp()
        var events = [UTCInstant(iso: "2026-10-15T08:00:00Z")!, UTCInstant(iso: "2026-11-20T08:00:00Z")!]
        var stops = [UTCInstant(iso: "2025-06-10T08:00:00Z")!, UTCInstant(iso: "2026-01-10T08:00:00Z")!, UTCInstant(iso: "2026-11-30T08:00:00Z")!]
        for t in events { try insertEvent(conn, t) }
        for t in stops { try insertStop(conn, t) }
        var now = UTCInstant(iso: "2026-12-01T06:00:00Z")!
        for day in 0..<100 {
            try step(conn, m, snapshot, now: now, events: events, stops: stops, full: day % 7 == 0 || day == 99)
            for t in [now, now.adding(seconds: 6 * 3600)] {
                try insertEvent(conn, t)
                events.append(t)
            }
            try insertStop(conn, now)
            stops.append(now)
            now = now.adding(seconds: 86_400)
        }
        var date = m.model.partitionFunction(named: "pf_month")!.rolling!.floor(now.date).addingMonths(1)
        for _ in 0..<14 {
            now = UTCInstant(date: date, secondsOfDay: 6 * 3600)
            try step(conn, m, snapshot, now: now, events: events, stops: stops, full: true)
            try insertEvent(conn, now)
            events.append(now)
            try insertStop(conn, now)
            stops.append(now)
            date = date.addingMonths(1)
        }
        // Old rows did expire on the way: two early events truncated, two early stops archived.
        #expect(events.filter { $0 < now }.count > (try count(conn, "SELECT count(*) FROM fact.event")))
        let log = try count(conn, "SELECT count(*) FROM oeedb.partition_maintenance WHERE action = 'switch' AND succeeded")
        #expect(log >= 2)
        #expect(try count(conn, "SELECT count(*) FROM oeedb.partition_maintenance WHERE action = 'run'") == 114 + 0)
    }

    /// A row in the end range is never moved: the split is refused, naming the
    /// range and its rows; --allow-data-movement moves it and keeps it.
    @Test(.needsPostgres)
    func aRowInTheEndRangeIsRefusedUntilDataMovementIsAllowed() throws {
        let (conn, m, snapshot) = try setUp()
        try insertEvent(conn, UTCInstant(iso: "2027-01-05T00:00:00Z")!)
        let now = UTCInstant(iso: "2026-12-28T06:00:00Z")!
        let refused = try m.maintain(asOf: now)
        let message = try #require(refused.refusals.first { $0.contains("fact.event") })
        #expect(message.contains("[2026-12-31, MAX)") && message.contains("1 row(s)") && message.contains("--allow-data-movement"))
        #expect(!refused.steps.contains { $0.function == "pf_day" && $0.action == "split" })
        let moved = try m.maintain(asOf: now, allowDataMovement: true)
        #expect(moved.refusals.isEmpty)
        #expect(try count(conn, "SELECT count(*) FROM fact.event_p20270105") == 1)
        #expect(try m.maintain(asOf: now).steps.isEmpty)
        #expect(try CatalogReader(connection: conn, dialect: PostgreSQLDialect()).drift(expected: snapshot, policies: Self.model).items.isEmpty)
    }
}
