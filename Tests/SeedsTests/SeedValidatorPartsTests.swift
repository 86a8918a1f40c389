import Testing
import OEEModel
@testable import Seeds

/// A big file is validated in parts on several threads; rows and errors must
/// come out as from one pass, in record order.
struct SeedValidatorPartsTests {
    @Test func aBigFileKeepsEveryRowAndErrorInOrder() throws {
        var lines = ["id,ti,vc"]
        for i in 0..<20_000 {
            switch i {
            case 3: lines.append("\(i),300,v")
            case 9_000: lines.append("\(i),x,v")
            case 19_999: lines.append("\(i),1")
            default: lines.append("\(i),\(i % 200),v\(i)")
            }
        }
        let file = SeedFixtures.parse("t.all_types.csv", lines.joined(separator: "\n") + "\n")
        let outcome = SeedValidator(model: SeedReadBackTests.model).validate([file])
        #expect(outcome.diagnostics.map(\.line) == [5, 9_002, 20_001])
        #expect(outcome.diagnostics.map(\.column) == ["ti", "ti", nil])
        let rows = try #require(outcome.tables.first).rows
        #expect(rows.count == 19_997)
        #expect(rows.map(\.line) == (0..<20_000).filter { ![3, 9_000, 19_999].contains($0) }.map { $0 + 2 })
        #expect(rows[10_000].values[0] == .int(10_002))
    }
}
