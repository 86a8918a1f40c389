import OEEDSL
import OEEDiff
import Testing
@testable import SQLServer

/// A whole first deployment of the fixture database, in dependency order, as
/// one migration file: the realistic shape the gate must accept end to end.
@Suite struct DeploymentSnapshotTests {
    static var initialChanges: [SchemaChange] {
        let db = Fixture.database
        var changes: [SchemaChange] = []
        changes += db.partitionFunctions.map(SchemaChange.createPartitionFunction)
        changes += db.partitionSchemes.map(SchemaChange.createPartitionScheme)
        changes += db.schemas.map { SchemaChange.createSchema($0.name) }
        for (q, t) in db.allTables { changes.append(.createTable(q, t)) }
        for (q, t) in db.allTables { changes += t.foreignKeys.map { .addForeignKey(q, $0) } }
        for (q, t) in db.allTables { changes += t.indexes.map { .createIndex(q, $0) } }
        for s in db.schemas {
            changes += s.functions.map { .createFunction(QualifiedName(s.name, $0.name), $0) }
            changes += s.securityPolicies.map { .createSecurityPolicy(QualifiedName(s.name, $0.name), $0) }
        }
        for s in db.schemas {
            if let d = s.description { changes.append(.setDescription(.schema(s.name), from: nil, to: d)) }
            for t in s.tables {
                let q = QualifiedName(s.name, t.name)
                if let d = t.description { changes.append(.setDescription(.table(q), from: nil, to: d)) }
                for c in t.columns { if let d = c.description { changes.append(.setDescription(.column(q, c.name), from: nil, to: d)) } }
            }
            for f in s.functions {
                if let d = f.description { changes.append(.setDescription(.function(QualifiedName(s.name, f.name)), from: nil, to: d)) }
            }
        }
        for f in db.partitionFunctions { if let d = f.description { changes.append(.setDescription(.partitionFunction(f.name), from: nil, to: d)) } }
        for p in db.partitionSchemes { if let d = p.description { changes.append(.setDescription(.partitionScheme(p.name), from: nil, to: d)) } }
        return changes
    }

    @Test func initialDeployment() throws {
        try assertSQL(Self.initialChanges, from: Fixture.empty, to: Fixture.database, named: "initial-deployment")
    }

    /// The same plan always renders the same text.
    @Test func deterministic() throws {
        let a = try script(Self.initialChanges, from: Fixture.empty)
        let b = try script(Self.initialChanges, from: Fixture.empty)
        #expect(a == b)
    }
}
