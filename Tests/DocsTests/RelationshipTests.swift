import Docs
import OEEDSL
import Testing

/// Cardinality of foreign keys as ER relationships.
@Suite struct RelationshipTests {
    let facts = ModelFacts(Fixture.database)

    func relationship(_ fk: String) throws -> Relationship {
        try #require(facts.relationships.first { $0.foreignKey.name == fk })
    }

    @Test func notNullForeignKeyIsManyToExactlyOne() throws {
        let r = try relationship("fk_machine_site")
        #expect(r.cardinality == "many to exactly one")
        #expect(r.multiplicity == "* → 1")
        #expect(!r.isIdentifying)
    }

    @Test func nullableForeignKeyIsManyToZeroOrOne() throws {
        let r = try relationship("fk_machine_feeds")
        #expect(r.cardinality == "many to zero-or-one")
        #expect(r.isSelfReference)
    }

    @Test func foreignKeyOnThePrimaryKeyIsOneToOne() throws {
        let r = try relationship("fk_machine_note_machine")
        #expect(r.cardinality == "one to exactly one")
        #expect(r.isOneToOne && r.isIdentifying)
    }

    @Test func compositeForeignKeyReachingOutsideThePrimaryKeyIsNotIdentifying() throws {
        // fact.cycle (machine_id, site_id): site_id is not in the PK, so not identifying.
        let cycle = try relationship("fk_cycle_machine")
        #expect(cycle.cardinality == "many to exactly one")
        #expect(!cycle.isIdentifying)
    }

    @Test func referencedByListsIncomingKeys() {
        let incoming = facts.referencedBy(QualifiedName("ref", "machine")).map(\.foreignKey.name)
        #expect(incoming == ["fk_machine_feeds", "fk_machine_note_machine", "fk_cycle_machine", "fk_sample_machine"])
    }

    @Test func rowSecurityGroupsPredicateKinds() throws {
        let rls = facts.rowSecurity(QualifiedName("fact", "cycle"))
        #expect(rls.count == 1)
        let r = try #require(rls.first)
        #expect(r.kindText == "filter, block after insert")
        #expect(r.call == "sec.fn_site_filter(site_id)")
        #expect(r.signature == "sec.fn_site_filter(@site_id smallint)")
        #expect(r.predicateText == "@site_id = CAST(SESSION_CONTEXT('site_id') AS smallint)")
        #expect(facts.tablesWithoutRowSecurity.map(\.description) == ["ref.site", "ref.machine", "ref.machine_note"])
    }

    @Test func partitionWindow() throws {
        let p = try #require(facts.partitioning(Fixture.database.table(QualifiedName("fact", "cycle"))!))
        let w = try #require(p.window)
        #expect(w.range == "RANGE RIGHT on datetime2(3)")
        #expect(w.firstBoundary == "2026-01-01T00:00:00")
        #expect(w.lastBoundary == "2026-03-01T00:00:00")
        #expect(w.partitionCount == 4)
        #expect(w.retention == "3 months")
    }
}
