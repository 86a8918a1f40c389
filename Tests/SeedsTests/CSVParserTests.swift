import Testing
import OEEModel
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
        #expect(throws: CSVError(line: 2, column: 3, field: 2, message: "the quote opened at character 3 is never closed (a '\"' is missing)")) {
            try CSVParser.parse("a,b\n1,\"open\n2,3\n")
        }
        #expect(throws: CSVError.self) { try CSVParser.parse("a\n\"x\"y\n") }
        #expect(throws: CSVError.self) { try CSVParser.parse("a\nx\"y\n") }
    }

    /// A quote left open swallows the lines after it until the next quote;
    /// the error points where it opened (line 3), not where the reader noticed (line 8).
    @Test func anUnclosedQuoteIsReportedWhereItOpened() throws {
        let text = "id,name,note\n1,a,x\n2,\"b,y\n3,c,z\n4,d,z\n5,e,z\n6,f,z\n7,\"g\",z\n"
        do {
            _ = try CSVParser.parse(text)
            Issue.record("expected an error")
        } catch let e as CSVError {
            #expect(e.line == 3 && e.column == 3 && e.field == 2, "\(e)")
            #expect(e.message.contains("the quote opened at character 3 is never closed"), "\(e.message)")
            #expect(e.message.contains("line 8"), "\(e.message)")
        }
        let file = SeedFile.parse(path: "ref.site.csv", table: QualifiedName("ref", "site"), text: text)
        guard case .failure(let d) = file else { Issue.record("expected a diagnostic"); return }
        #expect(d.location == "ref.site.csv:3:2")
    }

    @Test func strayQuoteErrorsCarryLineAndCharacter() throws {
        #expect(throws: CSVError(line: 2, column: 2, field: 1, message: "a '\"' inside an unquoted field; quote the whole field and write the quote as \"\"")) {
            try CSVParser.parse("a\nx\"y\n")
        }
        #expect(throws: CSVError(line: 2, column: 6, field: 2, message: "unexpected text after a closing quote; write a quote inside a quoted field as \"\"")) {
            try CSVParser.parse("a,b\r\n1,\"x\"y\n")
        }
    }
}
