import Foundation
import OEEDSL
import OEEDiff
import Testing
@testable import SQLServer

/// MS_Description extended properties for every target kind.
@Suite struct DescriptionSnapshotTests {
    /// Consecutive descriptions of one table share a batch; add, update and drop
    /// use sp_add/sp_update/sp_dropextendedproperty.
    @Test func descriptions() throws {
        let q = Fixture.factCycle
        try assertSQL([
            .setDescription(.schema("fact"), from: nil, to: "Measurements"),
            .setDescription(.table(q), from: nil, to: "One machine cycle"),
            .setDescription(.column(q, "good_qty"), from: "Good parts", to: "Good parts, counted at the machine"),
            .setDescription(.index(q, "ix_cycle_open"), from: nil, to: "Open cycles per site"),
            .setDescription(.constraint(q, "ck_cycle_qty"), from: "Quantities", to: nil),
            .setDescription(.table(Fixture.refSite), from: nil, to: "A plant's site (it's the top level)"),
            .setDescription(.function(Fixture.secFilter), from: nil, to: "Rows of the session's site"),
            .setDescription(.partitionFunction("pf_day"), from: "Days", to: "Daily partitions"),
            .setDescription(.partitionScheme("ps_day"), from: "Days", to: nil),
        ], named: "descriptions")
    }

    /// A description holding line breaks is built in a variable, its breaks
    /// as NCHAR(n), alone in its batch: no line of the script reads GO but the
    /// separators, whatever the text holds. One-line descriptions keep the
    /// one-line form (V0001 unchanged); hostile names are bracketed with `]]`.
    @Test func lineBreaksAndHostileNames() throws {
        let q = Fixture.factCycle
        let hostile = QualifiedName("h'x\"y]z", "t [a];b.c ä🏭")
        let evil = "it's\" [a] b;c.d ä 🏭"
        let table = Table(hostile.name) {
            Column("id", .int)
            Column(evil, .int).nullable()
            Column("q\"uote", .varchar(20)).nullable()
            Column("a]b", .varchar(20)).default("df_ab", "a]b 'quoted' \"dq\"")
            PrimaryKey("pk 'h\"]", "id")
            Check("ck it's", col(evil).in([1, 2]) || col(evil).isNull)
            Check("ck [list]", col("a]b").in(["a]b", "it's", "q\"u", "GO"]))
        }
        let changes: [SchemaChange] = [
            .createSchema(hostile.schema),
            .createTable(hostile, table),
            .createIndex(hostile, Index("ix \"q\"", on: "a]b").including("q\"uote").filtered(col("q\"uote").isNotNull)),
            .setDescription(.table(q), from: nil, to: "'); DROP TABLE x;--\n$$ dollar $$\nGO\nnext line"),
            .setDescription(.column(q, "good_qty"), from: nil, to: "one line, it's fine"),
            .setDescription(.column(q, "scrap_qty"), from: "old", to: "CRLF\r\ngo 2\r\n\r\nGO -- a comment"),
            .setDescription(.column(hostile, "it's\" [a] b;c.d ä 🏭"), from: nil, to: "N'q\"u' [a]]b]"),
            .setDescription(.index(hostile, "ix \"q\""), from: nil, to: "\nGO\n"),
        ]
        try assertSQL(changes, named: "line-breaks")
        let text = try script(changes, from: Fixture.database, to: Fixture.database)
        let separators = text.split(separator: "\n").filter { $0.trimmingCharacters(in: .whitespaces).uppercased().hasPrefix("GO") }
        #expect(separators.allSatisfy { $0 == "GO" }, "\(separators)")
        #expect(!text.contains("\r"))
    }

    @Test func lineBreaksAreNCHARBetweenLiterals() {
        #expect(DescriptionRenderer.expression("a\r\nGO") == "N'a' + NCHAR(13) + NCHAR(10) + N'GO'")
        #expect(DescriptionRenderer.expression("\nit's\n") == "NCHAR(10) + N'it''s' + NCHAR(10)")
        #expect(DescriptionRenderer.expression("x\u{2028}y") == "N'x' + NCHAR(8232) + N'y'")
        #expect(DescriptionRenderer.expression("") == "N''")
    }
}
