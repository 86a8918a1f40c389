import Testing
import OEEDSL
@testable import OEEDiff

/// The pure planner of `oeedb partitions maintain`, over a live state given
/// as data and exact counts from a dictionary.
@Suite struct PartitionPlannerTests {
    static func model(_ expiry: PartitionExpiry = .truncate) -> Database {
        Database("oee") {
            PartitionFunction("pf_day", .datetime2(3), .right, .days(from: "2026-10-01", count: 92))
                .rolling(.day, ahead: 7, retain: 90, expire: expiry)
            PartitionScheme("ps_day", function: "pf_day")
            Schema("fact") {
                Table("event", "Events") {
                    Column("machine_id", .int, "Machine")
                    Column("ts_utc", .datetime2(3), "Time")
                    PrimaryKey("pk_event", "machine_id", "ts_utc")
                    Index("ix_event_hot", on: "machine_id", "ts_utc")
                        .filtered(col("ts_utc") >= "2026-11-01T00:00:00")
                        .rolling(keepHours: 72)
                }
                .partitioned(by: "ps_day", on: "ts_utc")
            }
        }
    }

    static let event = PartitionedTable(name: QualifiedName("fact", "event"), column: "ts_utc")

    /// The live partitions for daily boundaries `first` … `first + count − 1` (catalog text as PostgreSQL prints it).
    static func live(from first: String, count: Int, rows: [String: Int64] = [:]) -> LivePartitionState {
        let start = CivilDate(iso: first)!
        let bounds = (0..<count).map { start.addingDays($0).iso }
        var parts: [PartitionRange] = []
        for i in 0...count {
            let lower = i == 0 ? nil : bounds[i - 1]
            parts.append(PartitionRange(number: i + 1, lower: lower, upper: i < count ? bounds[i] : nil, rows: rows[lower ?? "MIN"] ?? 0))
        }
        return LivePartitionState(partitions: [event.name: parts], indexLowerBounds: ["fact.event.ix_event_hot": "2026-11-01 00:00:00"])
    }

    /// Exact counts by range lower bound (`MIN` for the first); ranges are
    /// summed over every dictionary key inside them.
    static func planner(at iso: String, rows: [String: Int64] = [:], allow: Bool = false, expiry: PartitionExpiry = .truncate) -> PartitionPlanner {
        PartitionPlanner(model: model(expiry), asOf: UTCInstant(iso: iso)!, allowDataMovement: allow) { _, lower, upper in
            rows.filter { key, _ in
                let k = key == "MIN" ? "0000" : key
                return (lower.map { k >= String($0.prefix(10)) } ?? true) && (upper.map { k < String($0.prefix(10)) } ?? true)
            }.values.reduce(0, +)
        }
    }

    func plan(_ p: PartitionPlanner, _ live: LivePartitionState) throws -> FunctionPlan {
        try p.plan(Self.model().partitionFunctions[0], tables: [Self.event], live: live)
    }

    @Test func splitsAheadToTheCurrentDayPlusAheadPlusOneOfSlack() throws {
        let plan = try plan(Self.planner(at: "2026-12-25T10:00:00Z"), Self.live(from: "2026-10-01", count: 92))
        #expect(plan.coverageAhead == 5)
        #expect(plan.belowPolicy)
        #expect(plan.steps.map(\.summary).allSatisfy { $0.hasPrefix("split pf_day") })
        #expect(plan.steps.compactMap { if case .split(_, let b, _, _, false) = $0 { return b } else { return nil } } == ["2027-01-01", "2027-01-02", "2027-01-03"])
        #expect(plan.coverageAfter == 8)
        #expect(plan.refusals.isEmpty)
    }

    @Test func nothingToDoAtPolicy() throws {
        let plan = try plan(Self.planner(at: "2026-12-01T00:00:00Z"), Self.live(from: "2026-10-01", count: 92))
        #expect(plan.steps.isEmpty)
        #expect(!plan.belowPolicy)
    }

    /// Rows in the end range: no split, and the refusal names the range, the rows and the fix.
    @Test func refusesToSplitAnEndRangeHoldingRows() throws {
        let rows: [String: Int64] = ["2026-12-31": 0, "2027-01-04": 12]
        let plan = try plan(Self.planner(at: "2026-12-25T10:00:00Z", rows: rows), Self.live(from: "2026-10-01", count: 92))
        #expect(plan.steps.isEmpty)
        let refusal = try #require(plan.refusals.first)
        #expect(refusal.contains("fact.event") && refusal.contains("[2026-12-31, MAX)") && refusal.contains("12 row(s)") && refusal.contains("--allow-data-movement"))
        let allowed = try self.plan(Self.planner(at: "2026-12-25T10:00:00Z", rows: rows, allow: true), Self.live(from: "2026-10-01", count: 92))
        #expect(allowed.steps.count == 3 && allowed.refusals.isEmpty)
        #expect(allowed.steps.allSatisfy { if case .split(_, _, _, _, true) = $0 { return true } else { return false } })
    }

    /// Partitions wholly before today − 90 days are truncated (empty ones skipped), then merged bottom-up.
    @Test func expiresAndMergesOldPartitions() throws {
        let rows: [String: Int64] = ["2026-10-01": 5, "2026-10-03": 7, "2026-10-04": 1]
        // today 2027-01-01 → cutoff 2026-10-03: [MIN,10-01) [10-01,10-02) [10-02,10-03) expire; [10-03,…) stays.
        let plan = try plan(Self.planner(at: "2027-01-01T06:00:00Z", rows: rows), Self.live(from: "2026-10-01", count: 92))
        let expire = plan.steps.compactMap { if case .expire(_, _, let p, _) = $0 { return p } else { return nil } }
        #expect(expire == [[PartitionRange(number: 2, lower: "2026-10-01", upper: "2026-10-02", rows: 5)]])
        let merges = plan.steps.compactMap { if case .merge(_, let b, let u, _) = $0 { return "\(b)→\(u ?? "MAX")" } else { return nil } }
        #expect(merges == ["2026-10-01→2026-10-02", "2026-10-02→2026-10-03"])
        // Order: ahead first, then expiry, then merges.
        let actions = plan.steps.map(\.action)
        #expect(actions.firstIndex(of: "truncate")! > actions.lastIndex(of: "split")!)
        #expect(actions.firstIndex(of: "merge")! > actions.firstIndex(of: "truncate")!)
    }

    /// After missed runs, boundaries that would expire at once are not created (pg_partman #649).
    @Test func catchUpSkipsBoundariesThatWouldExpireAtOnce() throws {
        let plan = try plan(Self.planner(at: "2027-06-01T00:00:00Z"), Self.live(from: "2026-10-01", count: 10))
        let splits = plan.steps.compactMap { if case .split(_, let b, _, _, _) = $0 { return b } else { return nil } }
        #expect(splits.first == "2027-03-03")  // the cutoff: 2027-06-01 − 90 days
        #expect(splits.last == "2027-06-10")
        let merges = plan.steps.filter { $0.action == "merge" }
        #expect(merges.count == 10)  // the 10 old boundaries; 2027-03-03 becomes the first
    }

    @Test func keepNeverExpires() throws {
        let rows: [String: Int64] = ["2026-10-01": 5]
        let p = Self.planner(at: "2027-06-01T00:00:00Z", rows: rows, expiry: .keep)
        let plan = try p.plan(Self.model(.keep).partitionFunctions[0], tables: [Self.event], live: Self.live(from: "2026-10-01", count: 92))
        #expect(!plan.steps.contains { $0.action == "truncate" || $0.action == "merge" })
    }

    /// Switch expiry: one step per non-empty partition, into the archive schema.
    @Test func switchExpiryIsOneStepPerPartition() throws {
        let rows: [String: Int64] = ["MIN": 2, "2026-10-02": 3]
        let p = Self.planner(at: "2027-01-01T06:00:00Z", rows: rows, expiry: .switch(to: "archive"))
        let plan = try p.plan(Self.model(.switch(to: "archive")).partitionFunctions[0], tables: [Self.event], live: Self.live(from: "2026-10-01", count: 92))
        let expire = plan.steps.filter { $0.action == "switch" }
        #expect(expire.count == 2)
        #expect(expire.first?.summary.contains("into archive") == true)
    }

    @Test func aBoundaryOffTheGridIsRefused() throws {
        var live = Self.live(from: "2026-10-01", count: 92)
        live.partitions[Self.event.name]![5].lower = "2026-10-05 12:00:00"
        let plan = try plan(Self.planner(at: "2026-12-25T00:00:00Z"), live)
        #expect(plan.steps.isEmpty)
        #expect(plan.refusals.first?.contains("2026-10-05 12:00:00") == true)
        #expect(plan.refusals.first?.contains("oeedb drift --against model --sql") == true)
    }

    /// The hot index bound: the start of the day holding now − 72 h; unchanged bounds plan nothing.
    @Test func rollsTheHotIndexOncePerDay() {
        let p = Self.planner(at: "2026-12-01T10:00:00Z")
        let (steps, refusals) = p.indexSteps(live: Self.live(from: "2026-10-01", count: 92))
        #expect(refusals.isEmpty)
        #expect(steps == [.rollIndex(table: QualifiedName("fact", "event"), index: "ix_event_hot", from: "2026-11-01T00:00:00", to: "2026-11-28T00:00:00")])
        var live = Self.live(from: "2026-10-01", count: 92)
        live.indexLowerBounds["fact.event.ix_event_hot"] = "2026-11-28T00:00:00.000"
        #expect(Self.planner(at: "2026-12-01T23:59:59Z").indexSteps(live: live).steps.isEmpty)
    }
}

/// `generate` and `drift` leave what the policies own alone and report what breaks them.
@Suite struct RollingPolicyDriftTests {
    static let model = PartitionPlannerTests.model()

    @Test func generateDoesNotMigrateAMovedRollingWindowOrIndexBound() throws {
        var moved = Self.model
        moved.partitionFunctions[0].boundaries = .days(from: "2026-12-01", count: 40)
        moved.schemas[0].tables[0].indexes[0].filter = col("ts_utc") >= "2026-12-20T00:00:00"
        #expect(try Differ.plan(from: Self.model, to: moved).isEmpty)
        // Without the policy the same edits are migrated.
        var staticOld = Self.model, staticNew = moved
        staticOld.partitionFunctions[0].rolling = nil
        staticNew.partitionFunctions[0].rolling = nil
        staticOld.schemas[0].tables[0].indexes[0].rolling = nil
        staticNew.schemas[0].tables[0].indexes[0].rolling = nil
        let plan = try Differ.plan(from: staticOld, to: staticNew)
        #expect(plan.changes.contains { if case .splitRange = $0 { return true } else { return false } })
        #expect(plan.changes.contains { if case .recreateIndex = $0 { return true } else { return false } })
    }

    static func live(_ boundaries: [String], bound: String) -> Database {
        var live = model
        live.partitionFunctions[0].rolling = nil
        live.partitionFunctions[0].boundaries = .values(boundaries.map { .string($0, unicode: false) })
        live.schemas[0].tables[0].indexes[0].rolling = nil
        live.schemas[0].tables[0].indexes[0].filter = .raw(["sqlserver": "([ts_utc]>='\(bound)')"])
        return live
    }

    @Test func boundariesMovedAlongThePolicyAreNotDrift() {
        let live = Self.live(["2026-12-01T00:00:00", "2026-12-02T00:00:00", "2026-12-03T00:00:00"], bound: "2026-11-28T00:00:00.000")
        // An older snapshot without the policies gets them from the current model.
        var snapshot = Self.model
        snapshot.partitionFunctions[0].rolling = nil
        snapshot.schemas[0].tables[0].indexes[0].rolling = nil
        let want = RollingPolicyDrift.adopt(live: live, expected: RollingPolicyDrift.withPolicies(snapshot, from: Self.model))
        #expect(want.partitionFunctions[0].boundaryValues == live.partitionFunctions[0].boundaryValues)
        #expect(want.schemas[0].tables[0].indexes[0].filter == (col("ts_utc") >= "2026-11-28T00:00:00"))
    }

    @Test func aBoundaryOffTheGridOrAHoleIsDrift() {
        let live = Self.live(["2026-12-01T00:00:00", "2026-12-01T12:00:00", "2026-12-03T00:00:00"], bound: "2026-11-28T00:00:00")
        let want = RollingPolicyDrift.adopt(live: live, expected: Self.model)
        var comparableLive = live
        comparableLive.schemas[0].tables[0].indexes[0].filter = want.schemas[0].tables[0].indexes[0].filter
        let (items, _) = DriftDetector.compare(live: comparableLive, expected: want)
        #expect(items.contains { $0.kind == "extra partition boundary" && $0.actual?.contains("2026-12-01T12:00:00") == true }, "\(items)")
        #expect(items.contains { $0.kind == "missing partition boundary" && $0.expected?.contains("2026-12-02T00:00:00") == true }, "\(items)")
    }

    @Test func archiveSchemasAreLeftOutOfTheCatalogRead() {
        let m = PartitionPlannerTests.model(.switch(to: "archive"))
        #expect(RollingPolicyDrift.archiveSchemas(m) == ["archive"])
        #expect(RollingPolicyDrift.archiveSchemas(Self.model).isEmpty)
    }
}
