import Testing
import OEEModel
@testable import Seeds

@Suite struct SeedValueParserTests {
    func ok(_ text: String, _ type: SQLType) -> SeedValue? {
        if case .success(let v) = SeedValueParser.parse(text, as: type) { return v }
        return nil
    }

    func error(_ text: String, _ type: SQLType) -> String? {
        if case .failure(let e) = SeedValueParser.parse(text, as: type) { return e.message }
        return nil
    }

    @Test func integersByTypeRange() {
        #expect(ok("255", .tinyint) == .int(255))
        #expect(error("256", .tinyint) == "256 is out of range for tinyint (0..255)")
        #expect(error("-1", .tinyint) != nil)
        #expect(ok("-32768", .smallint) == .int(-32768))
        #expect(error("32768", .smallint) != nil)
        #expect(ok("2147483647", .int) == .int(2_147_483_647))
        #expect(error("2147483648", .int) != nil)
        #expect(error("99999999999999999999", .bigint) != nil)
        #expect(error("1.0", .int) == "'1.0' is not an integer (int)")
        #expect(error("x", .smallint) == "'x' is not an integer (smallint)")
        #expect(ok(" 7 ", .int) == .int(7))
    }

    @Test func decimalsByPrecisionAndScale() {
        #expect(ok("0.85", .decimal(precision: 5, scale: 4)) == .decimal("0.8500"))
        #expect(ok(".85", .decimal(precision: 5, scale: 4)) == .decimal("0.8500"))
        #expect(ok("12.340000", .decimal(precision: 12, scale: 4)) == .decimal("12.3400"))
        #expect(ok("-0.0", .decimal(precision: 5, scale: 2)) == .decimal("0.00"))
        #expect(ok("00042", .decimal(precision: 5, scale: 0)) == .decimal("42"))
        #expect(error("1.23456", .decimal(precision: 12, scale: 4)) == "1.23456 has 5 decimal places; decimal(12,4) keeps 4")
        #expect(error("12.5", .decimal(precision: 5, scale: 4)) == "12.5 is out of range for decimal(5,4) (at most 1 digits before the point)")
        #expect(error("1e3", .decimal(precision: 12, scale: 4)) != nil)
        #expect(error(".", .decimal(precision: 12, scale: 4)) != nil)
    }

    @Test func bitsDatesTimesAndTimestamps() {
        #expect(ok("1", .bit) == .bool(true))
        #expect(ok("FALSE", .bit) == .bool(false))
        #expect(error("yes", .bit) == "'yes' is not a bit; write 0, 1, true or false")
        #expect(error("t", .bit) != nil)
        #expect(SeedValueParser.parse("t", as: .bit, fromDatabase: true) == .success(.bool(true)))
        #expect(ok("2024-02-29", .date) == .date("2024-02-29"))
        #expect(error("2023-02-29", .date) != nil)
        #expect(error("29.02.2024", .date) != nil)
        #expect(ok("06:00", .time(precision: 0)) == .time("06:00:00"))
        #expect(ok("06:00:00.5", .time(precision: 3)) == .time("06:00:00.500"))
        #expect(error("06:00:00.5", .time(precision: 0)) != nil)
        #expect(error("24:00", .time(precision: 0)) != nil)
        #expect(ok("2024-01-01T00:00:00Z", .datetime2(precision: 0)) == .timestamp("2024-01-01 00:00:00"))
        #expect(ok("2024-01-01 06:30", .datetime2(precision: 3)) == .timestamp("2024-01-01 06:30:00.000"))
        #expect(ok("2024-01-01 00:00:00.0000000", .datetime2(precision: 0)) == .timestamp("2024-01-01 00:00:00"))
        #expect(error("2024-01-01", .datetime2(precision: 0)) != nil)
        #expect(ok("2024-01-01T01:30:00+02:00", .datetimeoffset(precision: 0)) == .timestampOffset("2023-12-31 23:30:00 +00:00"))
    }

    @Test func stringLengthsAndCodePages() {
        #expect(ok("ABC", .varchar(.n(3))) == .text("ABC"))
        #expect(error("ABCD", .varchar(.n(3))) == "is 4 characters long; varchar(3) holds 3")
        #expect(ok("Größe", .nvarchar(.n(5))) == .text("Größe"))
        #expect(error("Größe", .varchar(.n(32)))?.hasPrefix("non-ASCII text") == true)
        #expect(ok("A  ", .char(.n(1))) == .text("A"))
        #expect(ok(" keep spaces ", .nvarchar(.max)) == .text(" keep spaces "))
        #expect(ok("{0E984725-C51C-4BF4-9960-E1C80E27ABA0}", .uniqueidentifier) == .uuid("0e984725-c51c-4bf4-9960-e1c80e27aba0"))
        #expect(ok("0xCAFE", .varbinary(.n(2))) == .bytes("cafe"))
        #expect(error("0xCAFE00", .varbinary(.n(2))) != nil)
    }
}
