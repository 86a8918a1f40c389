import Foundation
import Testing
import OEETestSupport
import ODBC
import OEEModel
@testable import Seeds

/// A seed the database refuses says why: the "is the schema migrated?" hint
/// only when a table or column is missing; a constraint violation names the
/// table, the constraint and the seed file's rows instead.
@Suite struct DatabaseRefusalTests {
    func error(_ state: String, _ native: Int, _ message: String) -> ODBCError {
        ODBCError(context: "execute", records: [.init(sqlState: state, nativeCode: native, message: message)])
    }

    @Test func missingTablesAndColumnsAskWhetherTheSchemaIsMigrated() {
        for e in [error("42P01", 1, "ERROR: relation \"ref.loss_bucket\" does not exist"), error("42703", 7, "ERROR: column \"x\" does not exist"),
                  error("42S02", 208, "Invalid object name 'ref.loss_bucket'."), error("42000", 207, "Invalid column name 'x'."),
                  error("3F000", 1, "ERROR: schema \"ref\" does not exist")] {
            #expect(DatabaseRefusal(e) == .missingObject, "\(e)")
            #expect(DatabaseRefusal(e).hint == "is the schema migrated ('oeedb migrate')?")
        }
    }

    @Test func constraintViolationsNameTheConstraintAndGiveNoMigrationHint() {
        let pg = error("23505", 7, "ERROR: duplicate key value violates unique constraint \"uq_loss_bucket_code\";\nError while executing the query")
        #expect(DatabaseRefusal(pg) == .constraint("uq_loss_bucket_code"))
        #expect(DatabaseRefusal(pg).hint == nil)
        let mssql = error("23000", 2627, "[FreeTDS][SQL Server]Violation of UNIQUE KEY constraint 'uq_loss_bucket_code'. Cannot insert duplicate key in object 'ref.loss_bucket'.")
        #expect(DatabaseRefusal(mssql) == .constraint("uq_loss_bucket_code"))
        let fk = error("23000", 547, "The INSERT statement conflicted with the FOREIGN KEY constraint \"fk_x\". The conflict occurred in database \"oee\".")
        #expect(DatabaseRefusal(fk) == .constraint("fk_x"))
        #expect(DatabaseRefusal(error("08S01", 0, "connection lost")) == .other)
        #expect(DatabaseRefusal(error("08S01", 0, "connection lost")).hint == nil)
    }

    @Test func theRowPostgreSQLNamesIsFoundAmongTheStatementsRows() throws {
        let seed = try #require(try SeedFixtures.prepared().tables.first { $0.name.name == "loss_bucket" })
        let message = "ERROR: duplicate key value violates unique constraint \"uq_loss_bucket_code\"\nDETAIL: Key (code)=(SETUP) already exists."
        let rows = DatabaseRefusal.rowsText(seed.rows, seed: seed, message: message)
        let setup = try #require(seed.rows.first { $0.values[seed.index(of: "code")!] == .text("SETUP") })
        #expect(rows == "\(setup.file):\(setup.line)")
        #expect(DatabaseRefusal.rowsText(seed.rows, seed: seed, message: "no detail").hasSuffix("ref.loss_bucket.csv lines 2–11"))
    }
}

/// The same on the real PostgreSQL.
@Suite(.serialized) struct SeedRefusalLiveTests {
    @Test(.needsPostgres)
    func aConstraintTheSeedBreaksIsNamedWithTheSeedFileNotAsAMissingMigration() throws {
        let db = try #require(try SeedTestDatabase.make())
        // The schema is migrated; an out-of-band rule refuses one standard row.
        try db.connect().execute("ALTER TABLE ref.loss_bucket ADD CONSTRAINT ck_no_setup CHECK (code <> 'SETUP')")
        do {
            try db.seed()
            Issue.record("expected the database to refuse the seed")
        } catch let e as SeedLoadError {
            #expect(e.refusal == .constraint("ck_no_setup"), "\(e)")
            #expect(e.message.hasPrefix("ref.loss_bucket: constraint ck_no_setup refused the rows written from "), "\(e.message)")
            #expect(e.message.contains("ref.loss_bucket.csv lines 2–11"), "\(e.message)")
            #expect(e.refusal?.hint == nil)
            #expect(!e.message.contains("migrated ("), "\(e.message)")
        }
        #expect(try db.count("ref.loss_bucket") == 0)
    }

    @Test(.needsPostgres)
    func aMissingTableIsTheOneFailureThatAsksAboutMigrations() throws {
        let db = try #require(try SeedTestDatabase.make(model: Database(name: "empty")))
        do {
            try db.seed()
            Issue.record("expected the seed to fail on a database without tables")
        } catch let e as ODBCError {
            #expect(DatabaseRefusal(e) == .missingObject, "\(e)")
            #expect(DatabaseRefusal(e).hint != nil)
        }
    }
}
