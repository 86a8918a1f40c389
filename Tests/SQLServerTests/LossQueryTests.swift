import OEEDiff
import SnapshotTesting
import Testing
@testable import SQLServer

/// The loss queries `oeedb import` runs (issue 16): snapshot-tested as
/// T-SQL (the T-SQL gate checks the snapshot), the same names as the
/// PostgreSQL dialect's, each row `(schema_name, object_name, detail)`.
@Suite struct LossQueryTests {
    @Test func lossQueries() {
        let text = SQLServerDialect().lossQueries(excluding: ["oeedb"])
            .map { "-- loss query: \($0.name)\n\($0.sql)\nGO" }
            .joined(separator: "\n") + "\n"
        assertSnapshot(of: text, as: sqlLines, named: "loss-queries")
    }

    @Test func theKindsAreTheOnesTheReportNames() {
        #expect(SQLServerDialect().lossQueries(excluding: []).map(\.name) == ["views", "routines", "triggers", "sequences", "grants", "options", "other_objects"])
        // Excluded schemas are left out of every query that reads schema-scoped objects.
        for q in SQLServerDialect().lossQueries(excluding: ["tool_x"]) {
            #expect(q.sql.contains("N'tool_x'"), "\(q.name)")
        }
    }
}
