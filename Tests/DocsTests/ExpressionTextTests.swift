import Docs
import OEEDSL
import Testing

/// The dialect-neutral expression printer.
@Suite struct ExpressionTextTests {
    func text(_ e: Expression) -> String { ExpressionText.render(e) }

    @Test func comparisonsAndCalls() {
        #expect(text(col("end_ts") >= col("start_ts")) == "end_ts >= start_ts")
        #expect(text(.sysUTCDateTime) == "SYSUTCDATETIME()")
        #expect(text(Expression.fn("ISJSON", col("payload_json")) > 0) == "ISJSON(payload_json) > 0")
        #expect(text(Expression.sessionContext("site_id").cast(as: .smallint)) == "CAST(SESSION_CONTEXT('site_id') AS smallint)")
    }

    @Test func literals() {
        #expect(text("it's") == "'it''s'")
        #expect(text(.unicode("x")) == "'x'")
        #expect(text(true) == "TRUE")
        #expect(text(nil) == "NULL")
        #expect(text(.decimal("0.85")) == "0.85")
        #expect(text(param("site_id")) == "@site_id")
    }

    @Test func andInsideOrIsBracketed() {
        let e = col("a").isNull || (col("a") >= 1 && col("a") <= 6)
        #expect(text(e) == "a IS NULL OR (a >= 1 AND a <= 6)")
        #expect(text((col("a").isNull || col("b").isNull) && col("c").isNotNull) == "(a IS NULL OR b IS NULL) AND c IS NOT NULL")
    }

    @Test func arithmeticPrecedence() {
        #expect(text((col("a") + col("b")) * col("c")) == "(a + b) * c")
        #expect(text(col("a") - (col("b") - col("c"))) == "a - (b - c)")
        #expect(text(col("a") + col("b") * col("c")) == "a + b * c")
        #expect(text(col("t") - col("u") > 0) == "t - u > 0")
    }

    @Test func listsNotAndRaw() {
        #expect(text(col("f").in(["A", "P"])) == "f IN ('A', 'P')")
        #expect(text(col("f").notIn([1, 2])) == "f NOT IN (1, 2)")
        #expect(text(!(col("a").equals(1))) == "NOT (a = 1)")
        #expect(text(.sql(sqlserver: "GETDATE()", postgres: "now()")) == "⟨postgres: now() | sqlserver: GETDATE()⟩")
    }
}
