import OEEDSL
import OEEDiff
import Testing
@testable import SQLServer

/// ALTER TABLE … ADD / DROP CONSTRAINT for every constraint kind.
@Suite struct ConstraintSnapshotTests {
    @Test func defaults() throws {
        let d = DefaultConstraint(name: "df_site_is_active", expression: false)
        try assertSQL([
            .dropDefault(Fixture.refSite, column: "is_active", DefaultConstraint(name: "df_site_is_active", expression: true)),
            .addDefault(Fixture.refSite, column: "is_active", d),
            .addDefault(Fixture.refSite, column: "notes", DefaultConstraint(name: "df_site_notes", expression: nil)),
        ], named: "defaults")
    }

    /// On a partitioned, compressed table the clustered key names the scheme and compression.
    @Test func primaryKeys() throws {
        let pk = Fixture.cycle.primaryKey!
        try assertSQL([
            .dropPrimaryKey(Fixture.factCycle, pk),
            .addPrimaryKey(Fixture.factCycle, pk),
            .addPrimaryKey(Fixture.refSite, PrimaryKey("pk_site", "site_id", clustered: false)),
        ], named: "primary-keys")
    }

    @Test func uniques() throws {
        try assertSQL([
            .dropUnique(Fixture.refSite, Fixture.site.uniqueConstraints[0]),
            .addUnique(Fixture.refSite, Unique("uq_site_code", "code", .desc("name"))),
            .addUnique(Fixture.factCycle, Unique("uq_cycle_id", "cycle_id", "start_ts")),
        ], named: "uniques")
    }

    @Test func checks() throws {
        try assertSQL([
            .dropCheck(Fixture.factCycle, Fixture.cycle.checks[0]),
            .addCheck(Fixture.factCycle, Check("ck_cycle_status", col("status").in(["open", "paused", "closed"]) && !col("status").equals("void"))),
            .addCheck(Fixture.factCycle, Check("ck_cycle_raw", .sql(sqlserver: "LEN([status]) > 0", postgres: "length(status) > 0"))),
            .addCheck(Fixture.refMachine, Check("ck_machine_ideal", (col("ideal_cycle_s") * 2 - 1) / 3 > .decimal("0.5"))),
        ], named: "checks")
    }

    /// NO ACTION is left out; CASCADE / SET NULL / SET DEFAULT are written.
    @Test func foreignKeys() throws {
        try assertSQL([
            .addForeignKey(Fixture.refMachine, Fixture.machine.foreignKeys[0]),
            .addForeignKey(Fixture.factCycle, Fixture.cycle.foreignKeys[0]),
            .addForeignKey(Fixture.factCycle, ForeignKey("fk_cycle_site_machine", ["site_id", "machine_id"], references: "ref.machine",
                                                          onDelete: .setNull, onUpdate: .setDefault)),
            .dropForeignKey(Fixture.factCycle, Fixture.cycle.foreignKeys[0]),
        ], named: "foreign-keys")
    }
}
