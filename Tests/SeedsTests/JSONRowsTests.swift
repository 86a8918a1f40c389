import Testing
@testable import Seeds

/// The reader of PostgreSQL's `json_agg` text of a table's rows.
struct JSONRowsTests {
    @Test func readsStringsNullsAndEveryEscape() throws {
        let text = #"[["1", null, "a\"b\\c\/d\b\f\n\r\t", "\u00e9\u0001", "\ud83d\ude80 é🚀"], "#
            + "\n " + #"["2",null,"","x","y"]]"#
        let rows = try #require(JSONRows.parse(text, columns: 5))
        #expect(rows == [["1", nil, "a\"b\\c/d\u{8}\u{c}\n\r\t", "é\u{1}", "🚀 é🚀"], ["2", nil, "", "x", "y"]])
    }

    @Test func sqlNullAndAnEmptyArrayAreNoRows() {
        #expect(JSONRows.parse(nil, columns: 3) == [])
        #expect(JSONRows.parse("[]", columns: 3) == [])
        #expect(JSONRows.parse(" [ ] ", columns: 3) == [])
    }

    /// Anything but the expected shape is refused (the loader then reads row by row).
    @Test func refusesOtherShapes() {
        for bad in [#"[["1"]"#, #"[["1","2"]]"#, #"[[1]]"#, #"{"a":1}"#, #"[["1"]] x"#, #"[["1\x"]]"#,
                    #"[["\ud83d"]]"#, #"[["unterminated]]"#, #"[["1"],]"#, "", #"[[nul]]"#] {
            #expect(JSONRows.parse(bad, columns: 1) == nil, "\(bad)")
        }
        #expect(JSONRows.parse(#"[["1"]]"#, columns: 1) == [["1"]])
    }
}
