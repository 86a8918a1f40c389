import Testing
import OEEModel
@testable import Seeds

/// The planner matches seed row i with database row i first (both usually in
/// key order) and looks up only the rest by key: any order of the database's
/// rows must give the same plan.
struct SeedPlannerOrderTests {
    func plan(_ existing: [[SeedValue]]) throws -> TablePlan {
        let dir = try SeedFixtures.folder(["t.all_types.csv": SeedReadBackTests.csv])
        let prepared = try PreparedSeed.load(dir, sets: ["standard"], model: SeedReadBackTests.model)
        let state = SeedDatabaseState(rows: [QualifiedName("t", "all_types"): ExistingRows(columns: SeedReadBackTests.table.columns, rows: existing)])
        return try #require(prepared.plan(state: state, model: SeedReadBackTests.model, prune: false).plan.tables.first)
    }

    func row(_ id: Int64, vc: String?) -> [SeedValue] {
        var r = [SeedValue](repeating: .null, count: SeedReadBackTests.table.columns.count)
        r[0] = .int(id)
        r[14] = vc.map(SeedValue.text) ?? .null
        return r
    }

    @Test func theDatabaseRowsOrderDoesNotChangeThePlan() throws {
        // Seed rows 1, 2, 3; the database holds 2 (as seeded: all NULL), 3 (changed) and 9 (extra).
        let rows = [row(2, vc: nil), row(3, vc: "old"), row(9, vc: "x")]
        for existing in [rows, rows.reversed(), [rows[2], rows[0], rows[1]], [rows[0], rows[2], rows[1]]] {
            let t = try plan(existing)
            #expect(t.inserts.map(\.line) == [2], "\(existing.map { $0[0] })")
            #expect(t.updates.map(\.row.line) == [5])
            #expect(t.updates.first?.changes.first { $0.column == "vc" }?.old == .text("old"))
            #expect(t.unchanged == 1)
            #expect(t.extras == [SeedKey([.int(9)])])
        }
    }

    @Test func aDatabaseRowAtTheSamePlaceWithAnotherKeyIsNotTakenForIt() throws {
        // Database row 0 is key 7, not the seed's first row (key 1).
        let t = try plan([row(7, vc: nil), row(2, vc: nil), row(3, vc: nil)])
        #expect(t.inserts.map(\.line) == [2])
        #expect(t.extras == [SeedKey([.int(7)])])
        #expect(t.unchanged == 1)
        #expect(t.updates.map(\.row.line) == [5])
    }
}
