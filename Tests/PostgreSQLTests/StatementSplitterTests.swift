import Testing
import OEEDiff
import PostgreSQL

/// The PostgreSQL script splitter (through the dialect's `splitBatches`):
/// statements end at a top-level `;` only, never inside strings, quoted
/// identifiers, dollar-quoted bodies or comments, and each keeps the line it
/// starts on.
@Suite struct StatementSplitterTests {
    let dialect = PostgreSQLDialect()

    func split(_ text: String) -> [String] { dialect.splitBatches(text).map(\.sql) }
    func lines(_ text: String) -> [Int] { dialect.splitBatches(text).map(\.line) }

    @Test func splitsOnTopLevelSemicolonsOnly() {
        #expect(split("SELECT 1; SELECT 2;") == ["SELECT 1;", "SELECT 2;"])
        #expect(split("SELECT 'a;b', \"c;d\" FROM t;") == ["SELECT 'a;b', \"c;d\" FROM t;"])
        #expect(split("SELECT 'it''s; here';SELECT \"x\"\"y;\";") == ["SELECT 'it''s; here';", "SELECT \"x\"\"y;\";"])
    }

    @Test func dollarQuotedBodiesAreOneStatement() {
        let fn = "CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $body$ BEGIN RETURN 1; END; $body$;"
        #expect(split(fn + "\nSELECT 2;") == [fn, "SELECT 2;"])
        let empty = "DO $$ BEGIN PERFORM 1; END $$;"
        #expect(split(empty) == [empty])
        // A tag inside a differently tagged body does not end it.
        let nested = "DO $a$ SELECT $b$;$b$; $a$;"
        #expect(split(nested) == [nested])
        // $1 is a parameter, not the start of a quote.
        #expect(split("PREPARE p AS SELECT $1; SELECT 3;") == ["PREPARE p AS SELECT $1;", "SELECT 3;"])
    }

    @Test func commentsNeitherEndNorStartStatements() {
        let text = """
            -- leading comment; with a semicolon
            /* block ; /* nested ; */ still comment ; */
            SELECT 1; -- trailing ; comment
            -- only a comment;
            /* only a block; */
            SELECT 'x' -- in-statement comment ;
              AS y;
            """
        #expect(split(text) == ["SELECT 1;", "SELECT 'x' -- in-statement comment ;\n  AS y;"])
        #expect(lines(text) == [3, 6])
        #expect(split("-- nothing but a comment\n/* and a block */\n").isEmpty)
    }

    @Test func linesCountNewlinesInsideStringsAndBodies() {
        let text = "SELECT 'a\nb';\n\nDO $$\nBEGIN\nEND $$;\nSELECT \"q\nr\";\n  /* c\n */ SELECT 4;"
        #expect(lines(text) == [1, 4, 7, 10])
    }

    /// A file saved with Windows line ends: over `[Character]`, "\r\n" was one
    /// character, never "\n", so a `--` comment ran to the end of the file and
    /// swallowed every statement after it.
    @Test func windowsLineEndsEndLineComments() {
        let text = "-- header\r\nSELECT 1;\r\n-- note\r\nSELECT 2;\r\n"
        #expect(split(text) == ["SELECT 1;", "SELECT 2;"])
        #expect(lines(text) == [2, 4])
    }

    @Test func aLastStatementWithoutSemicolonAndLoneSemicolonsAndText() {
        #expect(split("SELECT 1;\n  SELECT 2  \n") == ["SELECT 1;", "SELECT 2"])
        #expect(split(";;SELECT 1;;") == ["SELECT 1;"])
        #expect(split("COMMENT ON TABLE t IS 'Ausschuss – Ölwechsel 🏭;';\r\nSELECT 'ü';") == ["COMMENT ON TABLE t IS 'Ausschuss – Ölwechsel 🏭;';", "SELECT 'ü';"])
        // An unclosed string runs to the end (the server reports it).
        #expect(split("SELECT 'open; SELECT 2;") == ["SELECT 'open; SELECT 2;"])
    }

    /// The splitter and the statement reader share one lexer (ScriptLexer).
    /// Before, the splitter knew no `E'…'` escapes, so a `\'` in one ended
    /// the string early and a `;` after it split the statement; and it took
    /// the `$` inside a word for the start of a dollar quote.
    @Test func escapeStringsAndDollarsInsideWords() {
        #expect(split("COMMENT ON TABLE t IS E'it\\'s; fine';\nSELECT 2;") == ["COMMENT ON TABLE t IS E'it\\'s; fine';", "SELECT 2;"])
        #expect(split("SELECT e'\\\\'; SELECT 3;") == ["SELECT e'\\\\';", "SELECT 3;"])
        #expect(split("SELECT 1 AS a$t$; SELECT 2 AS b$t$;") == ["SELECT 1 AS a$t$;", "SELECT 2 AS b$t$;"])
        #expect(split("SELECT 1 AS a$t; SELECT $t$ ; $t$;") == ["SELECT 1 AS a$t;", "SELECT $t$ ; $t$;"])
    }
}
