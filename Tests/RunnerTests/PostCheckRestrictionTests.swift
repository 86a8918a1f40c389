import Foundation
import Testing
import OEEDSL
@testable import Runner

/// The post-check brings only the touched tables of the model to comparable
/// form (issue 17 part 4): the restricted model keeps those tables, every
/// schema and the partition objects their comparable form reads.
@Suite struct PostCheckRestrictionTests {
    @Test func theRestrictedModelHoldsOnlyTheTouchedTablesAndThePartitionObjects() {
        var db = Database("plant") {
            Schema("ref", "Master data") {
                Table("a", "A") { Column("id", .int, "Key"); PrimaryKey("pk_a", "id") }
                Table("b", "B") { Column("id", .int, "Key"); PrimaryKey("pk_b", "id") }
            }
            Schema("fact", "Facts") {
                Table("c", "C") { Column("id", .int, "Key"); PrimaryKey("pk_c", "id") }
            }
        }
        db.partitionFunctions = [PartitionFunction(name: "pf", inputType: .date, range: .right, boundaries: .values([]))]
        let r = MigrationRunner.restricted(db, to: [QualifiedName("ref", "b"), QualifiedName("fact", "gone")])
        #expect(r.schemas.map(\.name) == ["ref", "fact"])
        #expect(r.schemas[0].tables.map(\.name) == ["b"] && r.schemas[1].tables.isEmpty)
        #expect(r.schemas[0].description == "Master data")
        #expect(r.partitionFunctions == db.partitionFunctions)
        #expect(r.table(QualifiedName("ref", "b")) == db.table(QualifiedName("ref", "b")))
    }
}

