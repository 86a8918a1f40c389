import Foundation
import Testing
@testable import Seeds

/// `seed --json` writes the report by hand; it must be byte for byte what
/// JSONEncoder.stable (sorted keys, pretty printed, slashes unescaped) wrote.
struct SeedReportJSONTests {
    static func encoder() -> JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return e
    }

    static let hostile = "q\"b\\s/n\nr\rt\tc\u{1}\u{1f}\u{7f}\u{8}\u{c} é🚀\u{2028}"

    static func report() -> SeedReport {
        var r = SeedReport(database: "postgres://oeedb@127.0.0.1:5432/oee", dialect: "postgres", sets: ["standard", "demo/x"], dryRun: false, prune: true)
        r.ok = true
        r.errors = [SeedDiagnostic(file: "seeds/a.csv", line: 3, column: "code", message: Self.hostile),
                    SeedDiagnostic(file: "seeds/b.csv", line: 1, column: nil, message: "no column")]
        r.failure = "refused: " + Self.hostile
        typealias Row = SeedReport.RowReport
        r.tables = [
            SeedReport.TableReport(table: "ref.a", files: ["seeds/standard/ref.a.csv"], rows: 4, inserted: 1, updated: 1, unchanged: 1, extra: 2, deleted: 2, changes: [
                Row(action: "insert", key: ["b_id": "1", "B": "2", "a10": "3", "a9": nil, "a_b": "x", "Ä": Self.hostile], columns: nil, source: "seeds/standard/ref.a.csv:2"),
                Row(action: "update", key: ["b_id": "2", "B": "2", "a10": "3", "a9": "4", "a_b": "x", "Ä": ""],
                    columns: [SeedReport.ColumnReport(column: "name", old: nil, new: Self.hostile), SeedReport.ColumnReport(column: "x", old: "1", new: nil)],
                    source: "seeds/standard/ref.a.csv:3"),
                Row(action: "delete", key: ["b_id": "9", "B": "2", "a10": "3", "a9": "4", "a_b": "x", "Ä": "y"], columns: [], source: nil),
                Row(action: "delete", key: ["id": "10"], columns: nil, source: nil),
            ]),
            SeedReport.TableReport(table: "ref.empty", files: [], rows: 0, inserted: 0, updated: 0, unchanged: 0, extra: 0, deleted: 0, changes: []),
        ]
        return r
    }

    @Test func theHandWrittenJSONIsWhatJSONEncoderWrites() throws {
        let report = Self.report()
        let expected = try Self.encoder().encode(report)
        #expect(String(decoding: report.jsonBytes(), as: UTF8.self) == String(decoding: expected, as: UTF8.self))
        #expect(report.jsonBytes() == Array(expected))
    }

    @Test func aBareReportToo() throws {
        let report = SeedReport(database: nil, dialect: nil, sets: [], dryRun: true, prune: false)
        #expect(report.jsonBytes() == Array(try Self.encoder().encode(report)))
    }
}
