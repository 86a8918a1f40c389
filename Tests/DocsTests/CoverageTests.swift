import Docs
import OEEDSL
import Testing

/// Tables and columns without a description are counted and listed everywhere.
@Suite struct CoverageTests {
    @Test func completeFixture() {
        let c = DocCoverage(Fixture.database)
        #expect(c.isComplete)
        #expect(c.summary == "100 % (5/5 tables, 22/22 columns described)")
    }

    @Test func missingAndBlankDescriptionsAreListed() {
        let c = DocCoverage(Fixture.undescribed)
        #expect(!c.isComplete)
        #expect(c.undescribedTables == ["ref.site"])
        #expect(c.undescribedColumns == ["ref.site.code", "fact.sample.value"])
        // (4 + 20) of (5 + 22) = 88.88… %, rounded down.
        #expect(c.percentText == "88.8 %")
        #expect(c.summary == "88.8 % (4/5 tables, 20/22 columns described)")
    }

    @Test func neverRoundsUpToAHundred() {
        var db = Fixture.database
        for _ in 0..<40 { db.schemas[1].tables[0].columns.append(Column("x\(db.schemas[1].tables[0].columns.count)", .int, "filler")) }
        db.schemas[1].tables[0].columns.append(Column("undescribed", .int))
        for _ in 0..<2000 { db.schemas[1].tables[1].columns.append(Column("y\(db.schemas[1].tables[1].columns.count)", .int, "filler")) }
        #expect(DocCoverage(db).percentText == "99.9 %")
    }

    @Test func dictionariesListWhatLacksADescription() throws {
        let files = DocsRenderer(Fixture.undescribed).textFiles()
        let md = try #require(files.first { $0.path == "dictionary.md" }).contents
        let html = try #require(files.first { $0.path == "dictionary.html" }).contents
        let readme = try #require(files.first { $0.path == "README.md" }).contents
        for text in [md, readme] {
            #expect(text.contains("Tables without a description:\n\n- `ref.site`"))
            #expect(text.contains("Columns without a description:\n\n- `ref.site.code`\n- `fact.sample.value`"))
        }
        #expect(md.contains("*(no description)*"))
        #expect(html.contains("<li><code>fact.sample.value</code></li>"))
        #expect(html.contains("<b>88.8 %</b><span>described</span>"))
    }
}
