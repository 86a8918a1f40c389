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
}
