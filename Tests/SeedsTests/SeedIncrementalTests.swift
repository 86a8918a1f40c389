import Foundation
import Testing
import OEETestSupport
import OEEModel
@testable import Seeds

/// A seed run sends only the rows that change, and reads only the sets it loads.
@Suite(.serialized) struct SeedIncrementalTests {
    @Test(.needsPostgres)
    func anUpToDateSeedSendsNoRowAndAnEditSendsOnlyItsRow() throws {
        let db = try #require(try SeedTestDatabase.make())
        let first = try db.loader()
        _ = try first.load(try SeedFixtures.prepared(), prune: false, dryRun: false)
        #expect(first.sentStatements.flatMap(\.rows).count == 73)
        let second = try db.loader()
        let plan = try second.load(try SeedFixtures.prepared(), prune: false, dryRun: false)
        #expect(plan.tables.map(\.unchanged).reduce(0, +) == 73)
        #expect(second.sentStatements.isEmpty)
        let dir = try SeedFixtures.copy()
        try SeedFixtures.edit(dir, "standard/ref.loss_bucket.csv", replacing: "4,SETUP,Setup and changeover,A,2,1,1", with: "4,SETUP,Setup / changeover,A,2,1,1")
        let third = try db.loader()
        let edited = try third.load(try SeedFixtures.prepared(in: dir), prune: false, dryRun: false)
        #expect(edited.table("ref.loss_bucket")?.updates.count == 1)
        #expect(third.sentStatements.map(\.rows.count) == [1])
        #expect(third.sentStatements.first?.expectedRows == 1)
        #expect(try db.connect().scalar("SELECT name FROM ref.loss_bucket WHERE loss_bucket_id = 4") == "Setup / changeover")
    }

    @Test func loadingOneSetDoesNotReadTheOthers() throws {
        let prepared = try SeedFixtures.prepared(["standard"])
        #expect(prepared.otherSetKeys.isEmpty)
        #expect(prepared.otherSets?.root == SeedFixtures.seeds.root)
    }

    @Test func otherSetsAreAskedOnlyForTablesWithExtraRows() throws {
        let prepared = try SeedFixtures.prepared(["standard"])
        var asked: [QualifiedName] = []
        var planner = SeedPlanner(model: Models.canonical)
        planner.otherSetLookup = { asked.append($0); return [SeedKey([.int(2)])] }
        let enterprise = try #require(prepared.tables.first { $0.name.name == "enterprise" })
        let columns = enterprise.table.columns.filter { $0.computed == nil }
        func row(_ id: Int, _ code: String) -> [SeedValue] {
            columns.map { c in c.name == "enterprise_id" ? .int(Int64(id)) : c.name == "code" ? .text(code) : c.name == "name" ? .text(code) : .null }
        }
        // Only the seed's own row in the database: nobody asks.
        let same = SeedDatabaseState(rows: [enterprise.name: ExistingRows(columns: columns, rows: [row(1, "DEFAULT")])])
        _ = planner.plan(prepared.tables, state: same)
        #expect(asked.isEmpty)
        // Rows 2 (owned by another set) and 3: only ref.enterprise is asked, and 3 alone is extra.
        let more = SeedDatabaseState(rows: [enterprise.name: ExistingRows(columns: columns, rows: [row(1, "DEFAULT"), row(2, "DEMO"), row(3, "X")])])
        let (plan, _) = planner.plan(prepared.tables, state: more)
        #expect(asked == [enterprise.name])
        #expect(plan.table("ref.enterprise")?.extras == [SeedKey([.int(3)])])
    }

    @Test func theOtherSetsKeysOfOneTableComeFromThatTablesFileOnly() throws {
        let keys = SeedFixtures.seeds.keysOwned(byOtherThan: ["standard"], table: QualifiedName("ref", "enterprise"), model: Models.canonical)
        #expect(keys == [SeedKey([.int(2)])])
        #expect(SeedFixtures.seeds.keysOwned(byOtherThan: ["standard", "demo"], table: QualifiedName("ref", "enterprise"), model: Models.canonical).isEmpty)
    }
}
