import OEEDSL
import OEEDiff
import Testing
@testable import SQLServer

/// Inline predicate functions and security policies.
@Suite struct SecuritySnapshotTests {
    @Test func createFunction() throws {
        try assertSQL([.createFunction(Fixture.secFilter, Fixture.siteFilter)], named: "create-function")
    }

    @Test func alterFunction() throws {
        var to = Fixture.siteFilter
        to.parameters.append(.init("line_id", .int))
        to.predicate = param("site_id").equals(Expression.sessionContext("site_id").cast(as: .smallint))
            && (param("line_id").isNull || param("line_id").in([1, 2]))
        to.isSchemaBound = false
        try assertSQL([.alterFunction(Fixture.secFilter, from: Fixture.siteFilter, to: to)], named: "alter-function")
    }

    @Test func dropFunction() throws {
        try assertSQL([.dropFunction(Fixture.secFilter, Fixture.siteFilter)], named: "drop-function")
    }

    @Test func createSecurityPolicy() throws {
        var off = Fixture.sitePolicy
        off.name = "site_policy_off"
        off.isEnabled = false
        off.isSchemaBound = false
        off.predicates = [.block(.blockBeforeDelete, "sec.fn_site_filter", "site_id", on: "fact.sample")]
        try assertSQL([
            .createSecurityPolicy(Fixture.secPolicy, Fixture.sitePolicy),
            .createSecurityPolicy(QualifiedName("sec", "site_policy_off"), off),
        ], named: "create-security-policy")
    }

    @Test func dropSecurityPolicy() throws {
        try assertSQL([.dropSecurityPolicy(Fixture.secPolicy, Fixture.sitePolicy)], named: "drop-security-policy")
    }

    @Test func addSecurityPredicates() throws {
        try assertSQL([
            .addSecurityPredicate(policy: Fixture.secPolicy, .filter("sec.fn_site_filter", "site_id", on: "fact.sample")),
            .addSecurityPredicate(policy: Fixture.secPolicy, .block(.blockBeforeUpdate, "sec.fn_site_filter", "site_id", on: "fact.cycle")),
        ], named: "add-security-predicate")
    }

    /// A filter predicate, and a block predicate that is the table's only one:
    /// no operation is needed to say which predicate goes.
    @Test func dropSecurityPredicates() throws {
        let policy = SecurityPolicy("site_policy") {
            SecurityPredicate.filter("sec.fn_site_filter", "site_id", on: "fact.cycle")
            SecurityPredicate.block(.blockAfterInsert, "sec.fn_site_filter", "site_id", on: "fact.cycle")
        }
        let from = Database("oee") { Schema("sec") { Fixture.siteFilter; policy } }
        try assertSQL([
            .dropSecurityPredicate(policy: Fixture.secPolicy, policy.predicates[0]),
            .dropSecurityPredicate(policy: Fixture.secPolicy, policy.predicates[1]),
        ], from: from, named: "drop-security-predicate")
    }

    /// Two block predicates on one table: the drop names its operation, which
    /// sqlfluff 4 rejects, so the gate waives it (`drop-block-predicate-operation`).
    @Test func dropOneOfSeveralBlockPredicates() throws {
        try assertSQL([
            .dropSecurityPredicate(policy: Fixture.secPolicy, Fixture.sitePolicy.predicates[2]),
        ], named: "drop-security-predicate-operation")
    }

    @Test func setSecurityPolicyState() throws {
        try assertSQL([
            .setSecurityPolicyState(Fixture.secPolicy, enabled: false),
            .setSecurityPolicyState(Fixture.secPolicy, enabled: true),
        ], named: "security-policy-state")
    }
}
