import Foundation
import OEEDSL
import OEEDiff
import SnapshotTesting
import Testing
@testable import SQLServer

/// Index builds on existing tables: one script for every edition, the online
/// path chosen at run time, each build its own no-transaction step. The
/// dynamic statements inside `EXEC (N'…')` are also snapshotted unquoted, so
/// the T-SQL gate parses them too.
@Suite struct OnlineIndexSnapshotTests {
    static let newIndex = Index("ix_cycle_site_start", on: "site_id", "start_ts").including("good_qty")

    @Test func createIndexOnExistingTableIsGuardedByEdition() throws {
        try assertSQL([.createIndex(Fixture.factCycle, Self.newIndex)], named: "online-create-index")
    }

    @Test func recreateIndexOnExistingTableRebuildsOnline() throws {
        let from = Fixture.cycle.indexes[0]
        let to = Index("ix_cycle_open", on: "site_id", "machine_id", .desc("start_ts"))
            .including("good_qty", "status").filtered(col("end_ts").isNull).compressed(.row)
        try assertSQL([.recreateIndex(Fixture.factCycle, from: from, to: to)], named: "online-recreate-index")
    }

    /// The statements the guard runs through EXEC, unquoted, one batch each.
    @Test func dynamicStatementsParseOnTheirOwn() throws {
        let sql = try batchSQL([.createIndex(Fixture.factCycle, Self.newIndex)])
        let inner = Self.execStrings(sql[0])
        #expect(inner.count == 2)
        #expect(inner[0].contains("WITH (ONLINE = ON, RESUMABLE = ON, MAX_DURATION = 240 MINUTES)"))
        #expect(inner[1].contains("WITH (ONLINE = ON)"))
        assertSnapshot(of: inner.joined(separator: "\nGO\n") + "\nGO\n", as: sqlLines, named: "online-create-index-dynamic")
    }

    /// Guard shape: edition 3/5/8 online, resumable on 2019+ or Azure; a
    /// paused build resumes; an existing index is not built again; the step
    /// directive precedes the batch and the next change starts a transaction.
    @Test func guardAndSteps() throws {
        let text = try script([
            .createIndex(Fixture.factCycle, Self.newIndex),
            .addColumn(Fixture.factCycle, Column("note", .nvarchar(.n(40))).nullable()),
        ])
        #expect(text.contains("IF CAST(SERVERPROPERTY('EngineEdition') AS int) IN (3, 5, 8)"))
        #expect(text.contains("IF CAST(SERVERPROPERTY('EngineEdition') AS int) IN (5, 8) OR CAST(SERVERPROPERTY('ProductMajorVersion') AS int) >= 15"))
        #expect(text.contains("ALTER INDEX [ix_cycle_site_start] ON [fact].[cycle] RESUME;"))
        #expect(text.contains("ELSE IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE [object_id] = OBJECT_ID(N'[fact].[cycle]') AND [name] = N'ix_cycle_site_start')"))
        #expect(text.contains("GO\n-- oeedb:step no-transaction\n-- create index ix_cycle_site_start"))
        #expect(text.contains("GO\n-- oeedb:step transaction\n-- add column fact.cycle.note"))
    }

    /// A table created in the same migration is empty: plain CREATE INDEX, no step.
    @Test func indexOnNewTableStaysOffline() throws {
        let text = try script([.createTable(Fixture.refMachine, Fixture.machine), .createIndex(Fixture.refMachine, Fixture.machine.indexes[0])])
        #expect(!text.contains("ONLINE"))
        #expect(!text.contains("oeedb:step"))
    }

    /// `EXEC (N'…')` bodies with doubled quotes undone.
    static func execStrings(_ sql: String) -> [String] {
        var result: [String] = []
        var rest = Substring(sql)
        while let start = rest.range(of: "EXEC (N'") {
            var i = start.upperBound
            var text = ""
            while i < rest.endIndex {
                let c = rest[i]
                let next = rest.index(after: i)
                if c == "'" {
                    if next < rest.endIndex && rest[next] == "'" { text.append("'"); i = rest.index(after: next); continue }
                    break
                }
                text.append(c)
                i = next
            }
            result.append(text)
            rest = rest[i...]
        }
        return result
    }
}
