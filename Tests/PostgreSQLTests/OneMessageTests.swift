import Testing
import OEEDiff
import PostgreSQL

/// Which migrations PostgreSQL sends as one message (`oneMessage`): those
/// whose every statement changes the catalog alone, so that running them
/// again to locate a failure costs no more than the catalog work. Anything
/// whose cost grows with the data, or that the rules do not know, goes
/// statement by statement.
@Suite struct OneMessageTests {
    let dialect = PostgreSQLDialect()

    func together(_ sql: String) -> Bool { dialect.oneMessage(dialect.splitBatches(sql)) != nil }

    @Test func aGeneratedCreateTableMigrationIsOneMessage() {
        let sql = """
            -- create table bench.t2
            CREATE TABLE "bench"."t2" (
                "id" integer NOT NULL,
                "v" varchar(100) NULL GENERATED ALWAYS AS ('x') STORED,
                CONSTRAINT "pk_t2" PRIMARY KEY ("id")
            ) PARTITION BY RANGE ("id");
            COMMENT ON TABLE "bench"."t2" IS E'Table\\n2 it''s';
            CREATE INDEX "ix_t2_v" ON "bench"."t2" ("v") WHERE "v" <> 'a';
            CREATE UNIQUE INDEX IF NOT EXISTS ix2 ON ONLY bench.T2 (id);
            ALTER TABLE bench.t2 ADD CONSTRAINT fk FOREIGN KEY (id) REFERENCES big.orders (id);
            ALTER TABLE big.orders ENABLE ROW LEVEL SECURITY;
            ALTER TABLE big.orders NO FORCE ROW LEVEL SECURITY;
            CREATE SCHEMA s; CREATE SEQUENCE s.q; CREATE TYPE s.e AS ENUM ('a');
            CREATE OR REPLACE FUNCTION s.f() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN 1; END; $$;
            CREATE POLICY p ON big.orders USING (true);
            GRANT SELECT ON big.orders TO public; REVOKE ALL ON big.orders FROM public;
            DROP TABLE big.old; CREATE VIEW v AS SELECT 1
            """
        let message = dialect.oneMessage(dialect.splitBatches(sql))
        #expect(message != nil)
        // Every statement ends in its own ';' (the last had none).
        #expect(message?.hasSuffix("CREATE VIEW v AS SELECT 1\n;") == true, "\(message ?? "")")
        #expect(dialect.splitBatches(message ?? "").map(\.sql) == dialect.splitBatches(sql).map(\.sql).map { $0.hasSuffix(";") ? $0 : $0 + "\n;" })
    }

    @Test func statementsWhoseCostGrowsWithTheDataAreSentOneByOne() {
        for sql in [
            "CREATE TABLE a (id int); INSERT INTO a VALUES (1);",
            "UPDATE big.orders SET x = 1;",
            "CREATE INDEX ix ON big.orders (x);",                       // an existing table
            "CREATE TABLE IF NOT EXISTS big.orders (id int); CREATE INDEX ix ON big.orders (id);",  // may exist, with rows
            "CREATE TABLE a AS SELECT * FROM big.orders;",
            "CREATE TABLE a PARTITION OF big.orders FOR VALUES FROM (1) TO (2);",  // scans a default partition
            "CREATE TABLE p (id int) PARTITION BY RANGE (id); ALTER TABLE p ATTACH PARTITION big.orders FOR VALUES FROM (1) TO (2);",
            "ALTER TABLE big.orders ADD COLUMN c int DEFAULT random();",
            "ALTER TABLE big.orders ENABLE ROW LEVEL SECURITY, ADD COLUMN c int;",
            "CREATE MATERIALIZED VIEW m AS SELECT * FROM big.orders;",
            "CREATE TABLE a (id int); SET search_path = x; CREATE INDEX ON a (id);",
            "DO $$ BEGIN PERFORM 1; END $$;",
            "VACUUM big.orders;",
            "BEGIN; CREATE TABLE a (id int); COMMIT;",
            "SELECT 1;",
            "CREATE TABLE \"A\" (id int); CREATE INDEX ix ON a (id);",  // "A" is not a
        ] {
            #expect(!together(sql), "\(sql)")
        }
    }

    @Test func namesCompareAsTheServerFoldsThem() {
        #expect(together("CREATE TABLE Bench.T1 (id int); CREATE INDEX ix ON \"bench\".\"t1\" (id);"))
        #expect(together("CREATE TABLE \"bench\".\"we\"\"ird\" (id int); ALTER TABLE bench.\"we\"\"ird\" ADD COLUMN x int;"))
        #expect(!together("CREATE TABLE t1 (id int); CREATE INDEX ix ON bench.t1 (id);"))  // unqualified is not bench's
    }

    @Test func commentsAndStringsDoNotHideWords() {
        #expect(!together("CREATE TABLE a /* AS */ (id int) AS SELECT 1;"))
        #expect(together("CREATE TABLE a (id int); -- AS SELECT\nCOMMENT ON TABLE a IS 'AS SELECT ; PARTITION OF';"))
        #expect(together("COMMENT ON TABLE a IS E'x\\\\'';"))  // E'' escape ends correctly; nothing follows
    }

}
