import Testing
import OEEDiff
import PostgreSQL

/// psqlODBC takes a `?` in code for a parameter marker (measured: the jsonb
/// `?` and the geometric `?-` fail with 07002; in strings, quoted
/// identifiers, dollar bodies and comments it is left alone). The dialect
/// names such a statement, at the line of the `?`, before anything runs.
@Suite struct ParameterMarkerTests {
    let dialect = PostgreSQLDialect()

    func problems(_ sql: String) -> [Int] { dialect.unsendable(sql).map(\.line) }

    @Test func aQuestionMarkOperatorIsNamedAtItsLine() throws {
        #expect(problems("CREATE TABLE public.j (d jsonb);\nCREATE INDEX ix ON public.j (d)\n    WHERE d ? 'k';\n") == [3])
        #expect(problems("SELECT 1;\nSELECT d ?| ARRAY['a'] FROM j;\nSELECT point '(1,1)' ?- point '(2,1)';\n") == [2, 3])
        let message = try #require(dialect.unsendable("SELECT d ?& ARRAY['a'] FROM j;").first?.message)
        #expect(message.contains("parameter marker") && message.contains("DO $$") && message.contains("jsonb_exists_all"))
    }

    @Test func aQuestionMarkPsqlODBCLeavesAloneIsNotNamed() {
        #expect(problems("""
            SELECT 'a?', E'b\\'?', "?column?" FROM t; -- why?
            /* really? */ SELECT 1;
            CREATE FUNCTION f(d jsonb) RETURNS boolean LANGUAGE sql AS $$ SELECT d ? 'k' $$;
            DO $x$ BEGIN CREATE INDEX ix ON j (d) WHERE d ? 'k'; END $x$;
            """).isEmpty)
    }
}
