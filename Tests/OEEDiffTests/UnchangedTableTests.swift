import Testing
import OEEDSL
@testable import OEEDiff

/// The differ skips the column-by-column diff of a table equal on both
/// sides only when equality is sure to mean "no change".
struct UnchangedTableTests {
    static let table = Table("cycle") {
        Column("id", .int).identity()
        Column("qty", .int).default("df_cycle_qty", 0)
        PrimaryKey("pk_cycle", "id")
        Index("ix_cycle_qty", on: "qty")
    }

    @Test func anEqualTableUnderItsOwnNameIsUnchanged() {
        let q = QualifiedName("fact", "cycle")
        #expect(DiffRun.isUnchanged(TablePair(old: q, new: q, before: Self.table, after: Self.table)))
    }

    @Test func aRenamedOrEditedTableIsNot() {
        let q = QualifiedName("fact", "cycle")
        #expect(!DiffRun.isUnchanged(TablePair(old: QualifiedName("fact", "cycle_old"), new: q, before: Self.table, after: Self.table)))
        var edited = Self.table
        edited.columns[1].isNullable.toggle()
        #expect(!DiffRun.isUnchanged(TablePair(old: q, new: q, before: Self.table, after: edited)))
    }

    /// Parts are matched by name: with a name twice the diff runs as before
    /// (and plans the second index, as it always did).
    @Test func aTableWithAPartNameTwiceIsDiffedInFull() throws {
        var twice = Self.table
        twice.indexes.append(twice.indexes[0])
        let q = QualifiedName("fact", "cycle")
        #expect(!DiffRun.isUnchanged(TablePair(old: q, new: q, before: twice, after: twice)))
        var db = Database(name: "x")
        var s = Schema(name: "fact")
        s.tables = [twice]
        db.schemas = [s]
        let (plan, _) = Differ.planCollectingProblems(from: db, to: db)
        #expect(plan.changes.contains { if case .createIndex(q, _) = $0 { return true }; return false })
    }

    @Test func equalModelsPlanNothing() {
        var db = Database(name: "x")
        var s = Schema(name: "fact")
        s.tables = [Self.table]
        db.schemas = [s]
        let (plan, problems) = Differ.planCollectingProblems(from: db, to: db)
        #expect(plan.changes.isEmpty && problems.isEmpty)
    }
}
