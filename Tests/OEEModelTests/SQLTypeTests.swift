import Testing
import OEEModel

@Suite struct SQLTypeTests {
    static let all: [SQLType] = [
        .tinyint, .smallint, .int, .bigint, .bit, .decimal(precision: 12, scale: 4), .float, .float(mantissa: 24), .real,
        .date, .time(precision: 0), .datetime2(precision: 3), .datetimeoffset(precision: 7),
        .char(.n(1)), .varchar(.n(32)), .varchar(.max), .nchar(.n(2)), .nvarchar(.n(128)), .nvarchar(.max),
        .varbinary(.n(16)), .varbinary(.max), .uniqueidentifier, .sysname,
    ]

    @Test(arguments: all)
    func spellingRoundTrips(_ type: SQLType) {
        #expect(SQLType(parsing: type.description) == type)
    }

    @Test func parsingIsLenientAboutCaseAndSpaces() {
        #expect(SQLType(parsing: "DECIMAL( 5 , 2 )") == .decimal(precision: 5, scale: 2))
        #expect(SQLType(parsing: "NVarChar(MAX)") == .nvarchar(.max))
        #expect(SQLType(parsing: "numeric(9)") == .decimal(precision: 9, scale: 0))
        #expect(SQLType(parsing: "datetime2") == .datetime2(precision: 7))
    }

    @Test(arguments: ["", "text", "int(4)", "decimal(a,2)", "varchar(", "varchar(10", "nvarchar(1,2)", "decimal(,)"])
    func rejectsUnknownSpellings(_ text: String) {
        #expect(SQLType(parsing: text) == nil)
    }

    @Test func familiesAndLengths() {
        #expect(SQLType.sysname.isUnicodeText)
        #expect(SQLType.sysname.length == .n(128))
        #expect(SQLType.varchar(.n(3)).isUnicodeText == false)
        #expect(SQLType.datetime2(precision: 3).family == .timestamp)
        #expect(SQLType.int.length == nil)
    }
}

@Suite struct CivilDateTests {
    @Test func dayNumberRoundTrips() {
        for n in stride(from: -800_000, through: 800_000, by: 997) {
            #expect(CivilDate(dayNumber: n).dayNumber == n)
        }
        #expect(CivilDate(iso: "1970-01-01")!.dayNumber == 0)
        #expect(CivilDate(iso: "2000-03-01")!.dayNumber == 11_017)
    }

    @Test func monthArithmeticClampsToMonthEnd() {
        #expect(CivilDate(iso: "2026-01-31")!.addingMonths(1).iso == "2026-02-28")
        #expect(CivilDate(iso: "2028-01-31")!.addingMonths(1).iso == "2028-02-29")
        #expect(CivilDate(iso: "2026-11-01")!.addingMonths(14).iso == "2028-01-01")
        #expect(CivilDate(iso: "2026-12-31")!.addingDays(1).iso == "2027-01-01")
    }

    @Test func rejectsInvalidDates() {
        for text in ["2026-02-29", "2026-13-01", "2026-1-01", "26-01-01", "2026-01-01T00:00", "abcd-ef-gh"] {
            #expect(CivilDate(iso: text) == nil, "\(text)")
        }
        #expect(CivilDate(iso: "2024-02-29") != nil)
    }
}

@Suite struct PartitionWindowTests {
    @Test func dailyWindowExpandsToDatetimeLiterals() {
        let pf = PartitionFunction(name: "pf_day", inputType: .datetime2(precision: 3), boundaries: .window(start: "2026-12-30", unit: .day, count: 4))
        #expect(pf.boundaryValues == ["2026-12-30", "2026-12-31", "2027-01-01", "2027-01-02"].map { .string($0 + "T00:00:00", unicode: false) })
        #expect(pf.partitionCount == 5)
    }

    @Test func monthlyWindowOnDateType() {
        let pf = PartitionFunction(name: "pf", inputType: .date, boundaries: .window(start: "2026-11-01", unit: .month, count: 3))
        #expect(pf.boundaryValues == [.string("2026-11-01", unicode: false), .string("2026-12-01", unicode: false), .string("2027-01-01", unicode: false)])
    }
}

@Suite struct ExpressionTests {
    @Test func referencedColumnsInOrderWithoutDuplicates() {
        let e: Expression = .and([.binary(lhs: .column("b"), op: .greater, rhs: .column("a")), .isNull(.column("b"), negated: false)])
        #expect(e.referencedColumns == ["b", "a"])
    }

    @Test func filterPredicateRules() {
        #expect(Expression.isNull(.column("x"), negated: true).filterPredicateViolation == nil)
        #expect(Expression.binary(lhs: .literal(.int(3)), op: .less, rhs: .column("x")).filterPredicateViolation == nil)
        #expect(Expression.not(.isNull(.column("x"), negated: false)).filterPredicateViolation == "uses NOT (only AND is allowed)")
        #expect(Expression.binary(lhs: .column("x"), op: .add, rhs: .literal(.int(1))).filterPredicateViolation == "uses arithmetic '+'")
        #expect(Expression.inList(.column("x"), values: [.column("y")], negated: false).filterPredicateViolation == "IN list holds a non-constant")
    }
}
