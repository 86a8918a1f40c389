import Testing
@testable import Seeds

@Suite struct CSVParserTests {
    @Test func quotedFieldsEscapesAndEmbeddedNewlines() throws {
        let records = try CSVParser.parse("a,b,c\r\n1,\"x, \"\"y\"\"\",\"two\nlines\"\n2,,\"\"\n")
        #expect(records.count == 3)
        #expect(records[1].fields.map(\.text) == ["1", "x, \"y\"", "two\nlines"])
        #expect(records[1].line == 2)
        #expect(records[2].line == 4)
        #expect(records[2].fields[1] == CSVField("", quoted: false))
        #expect(records[2].fields[2] == CSVField("", quoted: true))
    }

    @Test func byteOrderMarkBlankLinesAndMissingFinalNewline() throws {
        let records = try CSVParser.parse("\u{FEFF}id,name\n\n1,a\n2,b")
        #expect(records.map(\.line) == [1, 3, 4])
        #expect(records[0].fields.map(\.text) == ["id", "name"])
        #expect(records[2].fields.map(\.text) == ["2", "b"])
    }

    @Test func unterminatedQuoteAndStrayQuotesAreErrorsWithLines() {
        #expect(throws: CSVError(line: 2, message: "quoted field is never closed (a '\"' is missing)")) {
            try CSVParser.parse("a,b\n1,\"open\n2,3\n")
        }
        #expect(throws: CSVError.self) { try CSVParser.parse("a\n\"x\"y\n") }
        #expect(throws: CSVError.self) { try CSVParser.parse("a\nx\"y\n") }
    }
}
