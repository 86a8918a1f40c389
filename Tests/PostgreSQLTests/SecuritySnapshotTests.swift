import OEEDSL
import OEEDiff
import Testing
@testable import PostgreSQL

/// Predicate functions and row-level security.
@Suite struct SecuritySnapshotTests {
    @Test func createFunction() throws {
        try assertSQL(Cases.createFunction)
    }

    /// Same parameters: CREATE OR REPLACE; changed parameters: DROP + CREATE.
    @Test func alterFunction() throws {
        try assertSQL(Cases.alterFunction)
    }

    @Test func dropFunction() throws {
        try assertSQL(Cases.dropFunction)
    }

    /// ENABLE + FORCE, then a permissive filter and restrictive blocks.
    @Test func createSecurityPolicy() throws {
        try assertSQL(Cases.createSecurityPolicy)
    }

    /// Block predicates without a filter need the allow-all policy; every kind.
    @Test func blockOnlyPolicy() throws {
        try assertSQL(Cases.blockOnlyPolicy)
    }

    @Test func dropSecurityPolicy() throws {
        try assertSQL(Cases.dropSecurityPolicy)
    }

    /// Dropping the filter leaves blocks (allow-all appears); dropping the
    /// rest removes RLS; adding back re-enables it.
    @Test func addAndDropPredicates() throws {
        try assertSQL(Cases.addAndDropPredicates)
    }

    @Test func setSecurityPolicyState() throws {
        try assertSQL(Cases.setSecurityPolicyState)
    }

    /// A disabled policy's policies exist but RLS stays off until enabled.
    @Test func createDisabledPolicy() throws {
        try assertSQL(Cases.createDisabledPolicy)
    }

    /// A predicate column of another type than the parameter is cast.
    @Test func predicateColumnOfOtherTypeIsCast() throws {
        let t = Table("line") {
            Column("line_id", .int)
            Column("site_id", .int)
        }
        let db = Database("oee") {
            Schema("ref") { t }
            Schema("sec") { Fixture.siteFilter }
        }
        let sql = try batchSQL([.addSecurityPredicate(policy: Fixture.secPolicy, .filter("sec.fn_site_filter", "site_id", on: "ref.line"))], from: db, to: db)
        #expect(sql.joined().contains(#"USING ("sec"."fn_site_filter"(CAST("site_id" AS smallint)))"#))
    }

    @Test func functionReadingColumnThrows() {
        let fn = InlineFunction("fn_bad", parameters: [.init("site_id", .smallint)], where: col("site_id").equals(1))
        let e = renderError([.createFunction(QualifiedName("sec", "fn_bad"), fn)])
        #expect(e?.message.contains("reads column 'site_id'") == true)
    }

    @Test func predicateWithoutArgumentsThrows() {
        let pred = SecurityPredicate(kind: .filter, function: Fixture.secFilter, arguments: [], table: Fixture.refMachine)
        #expect(renderError([.addSecurityPredicate(policy: Fixture.secPolicy, pred)])?.message.contains("passes no columns") == true)
    }

    @Test func repeatedPredicateKindThrows() {
        let p = Fixture.sitePolicy.predicates[0]
        #expect(renderError([.addSecurityPredicate(policy: Fixture.secPolicy, p)])?.message.contains("twice") == true)
    }
}
