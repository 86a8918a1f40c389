import Testing
import OEEDSL
import OEEDiff

/// The undo plan is the reverse diff: renames are turned round, and each
/// change that destroys data gets a data-loss check.
@Suite struct UndoPlannerTests {
    static func v1() -> Database {
        Database("plant") {
            Schema("ref") {
                Table("site") {
                    Column("site_id", .smallint)
                    Column("code", .varchar(16))
                    PrimaryKey("pk_site", "site_id")
                    Index("ix_site_code", on: "site_id")
                }
            }
        }
    }

    static func v2() -> Database {
        var db = v1()
        db.schemas[0].tables[0].columns[1] = Column("site_code", .varchar(32)).renamed(from: "code")
        db.schemas[0].tables[0].indexes[0] = Index("ix_site_main", on: "site_id").renamed(from: "ix_site_code")
        db.schemas[0].tables[0].columns.append(Column("note", .nvarchar(50)).nullable())
        db.schemas[0].tables.append(Table("line") { Column("line_id", .int); PrimaryKey("pk_line", "line_id") })
        return db
    }

    @Test func undoingARenameRenamesBack() throws {
        let plan = try Differ.undoPlan(from: Self.v2(), to: Self.v1())
        let text = plan.changes.map(\.description)
        #expect(text.contains("rename column ref.site.site_code to code"))
        #expect(!text.contains { $0.hasPrefix("drop column ref.site.site_code") })
        #expect(text.contains("rename index ix_site_main on ref.site to ix_site_code"), "\(text)")
        // Without the turned-round hints the plain reverse diff drops and re-adds.
        let plain = try Differ.plan(from: Self.v2(), to: Self.v1()).changes.map(\.description)
        #expect(plain.contains { $0.hasPrefix("drop column ref.site.site_code") })
    }

    @Test func undoChecksEveryDataLoss() throws {
        let plan = try Differ.undoPlan(from: Self.v2(), to: Self.v1())
        #expect(plan.dataLossChecks.map(\.name) == ["no_rows_ref_line", "no_data_ref_site_note", "values_fit_ref_site_code"])
    }

    @Test func aForwardPlanThatOnlyAddsLosesNothing() throws {
        #expect(try Differ.plan(from: Self.v1(), to: Self.v2()).dataLossChecks.isEmpty)
    }
}
