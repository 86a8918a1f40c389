import Testing
import OEEDSL
@testable import OEEDiff

/// Keys and foreign keys on a column whose type changes: rebuilt for SQL
/// Server (ALTER COLUMN refuses while they depend on it), kept for PostgreSQL.
@Suite struct DiffOptionsTests {
    static func model(_ keyType: SQLType) -> Database {
        Database("oee") {
            Schema("ref") {
                Table("machine", "A machine") {
                    Column("machine_id", keyType)
                    Column("code", .varchar(.n(20)))
                    PrimaryKey("pk_machine", "machine_id")
                    Index("ix_machine_code", on: "code")
                }
                Table("line", "A line") {
                    Column("line_id", .int)
                    Column("machine_id", keyType)
                    PrimaryKey("pk_line", "line_id")
                    ForeignKey("fk_line_machine", "machine_id", references: "ref.machine")
                }
            }
        }
    }

    static func kinds(_ plan: MigrationPlan) -> [String] { plan.changes.map(\.kind) }

    @Test func sqlServerRebuildsKeysOnAlteredColumns() throws {
        let plan = try Differ.plan(from: Self.model(.int), to: Self.model(.bigint), options: .for(dialect: "sqlserver"))
        #expect(plan.changes.contains { if case .dropPrimaryKey(_, let pk) = $0 { return pk.name == "pk_machine" } else { return false } })
        #expect(plan.changes.contains { if case .dropForeignKey(_, let fk) = $0 { return fk.name == "fk_line_machine" } else { return false } })
    }

    @Test func postgresKeepsKeysTheTypeChangeSurvives() throws {
        let plan = try Differ.plan(from: Self.model(.int), to: Self.model(.bigint), options: .for(dialect: "postgres"))
        #expect(plan.changes.allSatisfy { if case .alterColumn = $0 { return true } else { return false } }, "\(plan.changes.map(\.description))")
        #expect(plan.changes.count == 2)
    }

    @Test func defaultIsTheSafeOne() {
        #expect(DiffOptions().rebuildKeysOnColumnChange)
        #expect(DiffOptions.for(dialect: "unknown").rebuildKeysOnColumnChange)
    }
}
