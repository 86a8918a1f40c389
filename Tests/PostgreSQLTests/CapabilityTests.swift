import OEEDSL
import OEEDiff
import Testing
@testable import PostgreSQL

/// The capability table (printed in the README) against what the renderer does.
@Suite struct CapabilityTests {
    /// A plan touching every model feature PostgreSQL omits: the fixture's
    /// baseline (clustered keys, DESC key column, compression, columnstore,
    /// partition function and scheme) plus an index on a filegroup, a
    /// description of a default constraint, and one of two policies on a
    /// table disabled.
    static var everyFeature: MigrationPlan {
        get throws {
            var db = Fixture.database
            db.schemas[0].tables[1].indexes.append(Index("ix_machine_code", on: "code").placed(onFilegroup: "fg_index"))
            db.schemas[2].securityPolicies.append(SecurityPolicy("audit_policy") {
                SecurityPredicate.block(.blockBeforeDelete, "sec.fn_site_filter", "site_id", on: "fact.cycle")
            })
            var plan = try Differ.baseline(db)
            plan.changes += [
                .setDescription(.constraint(Fixture.refSite, "df_site_is_active"), from: nil, to: "Active unless said otherwise"),
                .setSecurityPolicyState(QualifiedName("sec", "audit_policy"), enabled: false),
            ]
            return plan
        }
    }

    @Test func omissionsListedAreExactlyTheOnesRendered() throws {
        let plan = try Self.everyFeature
        let (script, notes) = try PostgreSQLDialect().renderDetailed(plan)
        let rendered = Set(notes.compactMap(\.kind))
        let listed = Set(PostgreSQLDialect.capabilities.filter { $0.treatment == .omitted }.compactMap(\.omission))
        #expect(rendered == listed)
        #expect(listed == Set(PostgreSQLDialect.Omission.allCases))
        // Each note is in the script text, with the reason from the table.
        let text = PostgreSQLDialect().scriptText(script)
        for note in notes where note.kind != nil {
            #expect(text.contains(note.line), "\(note.line)")
            #expect(note.line.hasPrefix("-- omitted: "))
        }
    }

    @Test func everyOmittedRowNamesItsKindAndOnlyThose() {
        for row in PostgreSQLDialect.capabilities {
            #expect((row.treatment == .omitted) == (row.omission != nil), "\(row.feature)")
        }
        let kinds = PostgreSQLDialect.capabilities.compactMap(\.omission)
        #expect(kinds.count == Set(kinds).count, "an omission kind is listed twice")
    }

    @Test func markdownTableHasARowPerCapability() {
        let lines = PostgreSQLDialect.capabilityTableMarkdown.split(separator: "\n")
        #expect(lines.count == PostgreSQLDialect.capabilities.count + 2)
        #expect(lines[0] == "| Feature | SQL Server | PostgreSQL |")
    }

    /// The statements the notes stand beside still run: no batch is comments only.
    @Test func noBatchIsOnlyComments() throws {
        let script = try PostgreSQLDialect().render(try Self.everyFeature)
        for batch in script.batches {
            let code = batch.sql.split(separator: "\n").filter { !$0.hasPrefix("--") }
            #expect(!code.isEmpty, "\(batch.comment ?? "")")
        }
    }
}
