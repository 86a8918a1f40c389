import Testing
import OEEDSL

/// Rules one dialect imposes beyond the model's own: each finding names the
/// dialect that refuses the model, and only that dialect.
@Suite struct DialectValidationTests {
    func findings(_ db: Database, _ dialects: [DialectRules] = DialectRules.all) -> [String] {
        ModelValidator.validate(db, dialects: dialects).errors.map(\.description)
    }

    @Test func identifierOver63BytesIsAPostgreSQLError() {
        // 35 characters, 70 bytes: SQL Server keeps it, PostgreSQL cuts it at 63 bytes.
        let name = String(repeating: "é", count: 35)
        let db = Fixtures.editing("ref", "site") { $0.columns.append(Column(name, .int).nullable()) }
        #expect(findings(db) == ["postgres: ref.site: column name '\(name.prefix(24))…' is 70 bytes; PostgreSQL truncates at 63 bytes"])
        let diagnostic = ModelValidator.validate(db).errors.first
        #expect(diagnostic?.dialect == "postgres" && diagnostic?.rule == "name.too-long")
        #expect(findings(db, [.sqlServer]).isEmpty)
    }

    @Test func a63ByteNameFitsBothDialects() {
        let name = String(repeating: "a", count: 63)
        let db = Fixtures.editing("ref", "site") { $0.columns.append(Column(name, .int).nullable()) }
        #expect(findings(db).isEmpty)
    }

    @Test func oneIndexNameOnTwoTablesOfASchemaIsAPostgreSQLError() {
        let db = Fixtures.editing("ref", "machine") { $0.indexes.append(Index("ix_code", on: "name")) }
        let both = { (db: Database) in
            var db = db
            let s = db.schemas.firstIndex { $0.name == "ref" }!
            db.schemas[s].tables[0].indexes.append(Index("ix_code", on: "code"))
            return db
        }(db)
        #expect(findings(both) == [
            "postgres: ref.machine: index name ix_code is also the name of the index of ref.site; PostgreSQL scopes index names by schema (with tables, primary keys and unique constraints), SQL Server by table. Rename the index",
        ])
        #expect(findings(both, [.sqlServer]).isEmpty)
    }

    @Test func indexNamedLikeATableOfItsSchemaIsAPostgreSQLError() {
        let db = Fixtures.editing("ref", "site") { $0.indexes.append(Index("machine", on: "code")) }
        #expect(findings(db) == [
            "postgres: ref.site: index name machine is also the name of the table ref.machine; PostgreSQL scopes index names by schema (with tables, primary keys and unique constraints), SQL Server by table. Rename the index",
        ])
        let own = Fixtures.editing("ref", "site") { $0.indexes.append(Index("site", on: "code")) }
        #expect(findings(own).map { $0.hasPrefix("postgres: ref.site: index name site is also the name of the table ref.site;") } == [true])
    }

    @Test func indexNamedLikeAnotherTablesKeyConstraintIsAPostgreSQLError() {
        let pk = Fixtures.editing("ref", "site") { $0.indexes.append(Index("pk_machine", on: "code")) }
        #expect(findings(pk).map { $0.hasPrefix("postgres: ref.site: index name pk_machine is also the name of the primary key of ref.machine;") } == [true])
        let uq = Fixtures.editing("ref", "site") { $0.indexes.append(Index("uq_machine_machine_site", on: "code")) }
        #expect(findings(uq).map { $0.hasPrefix("postgres: ref.site: index name uq_machine_machine_site is also the name of the unique constraint of ref.machine;") } == [true])
    }

    @Test func sameIndexNameInAnotherSchemaIsFine() {
        let db = Fixtures.editing("ref", "site") { $0.indexes.append(Index("ix_cycle_open", on: "code")) }
        #expect(findings(db).isEmpty)
    }
}
