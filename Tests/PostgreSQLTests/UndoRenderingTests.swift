import OEEDSL
import OEEDiff
import Testing
@testable import PostgreSQL

/// An undo script runs in one transaction with its history change, so its
/// plan is rendered without the online forms a forward migration gets.
@Suite struct UndoRenderingTests {
    @Test func undoingADroppedIndexRecreatesItInsideTheTransaction() throws {
        var withIndex = Fixture.database
        withIndex.schemas[0].tables[1].indexes.append(Index("ix_machine_code_undo", on: "code"))
        let dialect = PostgreSQLDialect()
        // Forward: V2 drops the index; undo recreates it on an existing table.
        let undo = try Differ.undoPlan(from: Fixture.database, to: withIndex)
        let text = dialect.scriptText(try dialect.render(undo))
        #expect(text.contains("CREATE INDEX"), "\(text)")
        #expect(!text.contains("CONCURRENTLY"), "\(text)")
        #expect(!text.contains("oeedb:step"), "\(text)")
        // The same change as a forward migration is built concurrently.
        let forward = try Differ.plan(from: Fixture.database, to: withIndex)
        #expect(dialect.scriptText(try dialect.render(forward)).contains("CONCURRENTLY"))
    }
}
