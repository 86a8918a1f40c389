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

    /// A live table lists indexes and constraints by name, a model in
    /// declaration order: the order is no change.
    @Test func theOrderOfIndexesAndConstraintsIsNoChange() {
        var reordered = Self.table
        reordered.indexes.append(Index("ix_cycle_id", on: "id"))
        var other = reordered
        other.indexes.reverse()
        let q = QualifiedName("fact", "cycle")
        #expect(DiffRun.isUnchanged(TablePair(old: q, new: q, before: reordered, after: other)))
        other.indexes[0].isUnique.toggle()
        #expect(!DiffRun.isUnchanged(TablePair(old: q, new: q, before: reordered, after: other)))
    }

    /// With a rename in the diff, an equal table is still diffed in full: its
    /// foreign key to the renamed table is rebuilt, as it always was.
    @Test func aRenameInTheDiffKeepsTheFullDiff() {
        let parent = Table("parent") { Column("id", .int); PrimaryKey("pk_parent", "id") }
        let child = Table("child") {
            Column("id", .int)
            Column("parent_id", .int)
            PrimaryKey("pk_child", "id")
            ForeignKey("fk_child_parent", "parent_id", references: "fact.parent", "id")
        }
        var renamed = parent
        renamed.name = "mother"
        renamed.renamedFrom = "parent"
        var old = Database(name: "x"), new = Database(name: "x")
        var s = Schema(name: "fact")
        s.tables = [parent, child]
        old.schemas = [s]
        s.tables = [renamed, child]
        new.schemas = [s]
        let (plan, _) = Differ.planCollectingProblems(from: old, to: new)
        #expect(plan.changes.contains { if case .dropForeignKey(QualifiedName("fact", "child"), _) = $0 { return true }; return false }, "\(plan.changes)")
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
