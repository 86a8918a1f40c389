import OEEDSL
import OEEDiff
import SnapshotTesting
import Testing
@testable import SQLServer

/// The catalog queries: snapshot-tested as T-SQL (checked by the T-SQL gate),
/// a fixed number of them whatever the database holds.
@Suite struct InspectQueryTests {
    static let expectedNames = [
        "schemas", "tables", "columns", "default_constraints", "key_constraints", "foreign_keys", "check_constraints",
        "indexes", "partition_functions", "partition_schemes", "functions", "function_parameters", "security_policies",
        "descriptions",
    ]

    let dialect = SQLServerDialect()

    /// Every query as one batch, preceded by a comment naming it.
    @Test func catalogQueries() {
        let text = dialect.catalogQueries(excluding: ["oeedb"])
            .map { "-- catalog query: \($0.name)\n\($0.sql)\nGO" }
            .joined(separator: "\n") + "\n"
        assertSnapshot(of: text, as: sqlLines, named: "catalog-queries")
    }

    @Test func fixedNumberOfQueries() {
        let manySchemas = (1...200).map { "tool_\($0)" }
        for excluded in [[], ["oeedb"], manySchemas] {
            let queries = dialect.catalogQueries(excluding: excluded)
            #expect(queries.count == 14)
            #expect(queries.map(\.name) == Self.expectedNames)
        }
    }

    /// The same 14 queries read a database of any size: the SQL names no object,
    /// and the mapping needs no other query.
    @Test func queriesDoNotDependOnTheModel() throws {
        let canonical = try CanonicalModel.load()
        let queries = dialect.catalogQueries(excluding: ["oeedb"])
        for query in queries {
            for (name, _) in canonical.allTables { #expect(!query.sql.contains("N'\(name.name)'"), "\(query.name) names \(name)") }
        }
        // A generated database ten times the canonical one's size: still 14 result sets.
        let big = Database("big") {
            Schema("s") {
                for i in 1...300 {
                    Table("t\(i)") {
                        Column("id", .int).identity()
                        Column("v", .int).default("df_t\(i)_v", 0)
                        PrimaryKey("pk_t\(i)", "id")
                        Check("ck_t\(i)_v", col("v") >= 0)
                    }
                }
            }
        }
        let rows = try SimulatedCatalog.rows(for: big)
        #expect(Set(rows.keys) == Set(queries.map(\.name)))
        let live = try dialect.model(from: rows, databaseName: "big")
        #expect(live.allTables.count == 300)
        #expect(try dialect.comparable(live) == (try dialect.comparable(big)))
    }

    /// System schemas and the excluded ones are left out by every query that reads schema-scoped objects.
    @Test func exclusions() {
        for query in dialect.catalogQueries(excluding: ["oeedb", "o'db"]) where !query.name.hasPrefix("partition_") {
            #expect(query.sql.contains("N'oeedb', N'o''db')"), "\(query.name)")
            #expect(query.sql.contains("NOT IN (N'sys', N'INFORMATION_SCHEMA', N'guest', N'db_owner'"), "\(query.name)")
        }
        let tables = dialect.catalogQueries(excluding: []).first { $0.name == "tables" }!.sql
        #expect(tables.contains("t.[is_ms_shipped] = 0"))
        #expect(tables.contains("N'microsoft_database_tools_support'"))
    }

    /// Each query's SELECT list is the column list the mapping reads.
    @Test func columnsComeFromTheSelectList() {
        for q in CatalogSQL.Query.allCases {
            let sql = CatalogSQL.sql(q, CatalogSQL.Filter(excluded: []))
            let firstSelect = sql.components(separatedBy: "\nFROM ")[0]
            let aliases = CatalogSQL.columns(q).map { "AS [\($0)]" }
            var position = firstSelect.startIndex
            for alias in aliases {
                guard let range = firstSelect.range(of: alias, range: position..<firstSelect.endIndex) else {
                    Issue.record("\(q.rawValue): \(alias) missing or out of order")
                    break
                }
                position = range.upperBound
            }
        }
    }
}
