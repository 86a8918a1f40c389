import Foundation
import Testing
import OEEModel

@Suite struct ModelSnapshotTests {
    @Test func roundTripsEqual() throws {
        let db = Fixtures.valid
        let data = try ModelSnapshot.encode(db)
        #expect(try ModelSnapshot.decode(data) == db)
    }

    @Test func encodingIsByteIdenticalAndSorted() throws {
        let a = try ModelSnapshot.encode(Fixtures.valid)
        let b = try ModelSnapshot.encode(Fixtures.valid)
        #expect(a == b)
        let text = String(decoding: a, as: UTF8.self)
        #expect(text.hasPrefix("{\n  \"database\" : {"))
        #expect(text.hasSuffix("\"format\" : \"oeedb.model/1\"\n}\n"))
        #expect(text.contains("\"type\" : \"datetime2(3)\""))
        #expect(text.contains("\"referencedTable\" : \"ref.site\""))
    }

    @Test func rejectsOtherFormats() throws {
        var text = String(decoding: try ModelSnapshot.encode(Fixtures.valid), as: UTF8.self)
        text = text.replacingOccurrences(of: "oeedb.model/1", with: "oeedb.model/9")
        #expect(throws: SnapshotError.unsupportedFormat("oeedb.model/9")) { try ModelSnapshot.decode(Data(text.utf8)) }
    }

    @Test func explainsWhereADocumentIsBroken() throws {
        var text = String(decoding: try ModelSnapshot.encode(Fixtures.valid), as: UTF8.self)
        text = text.replacingOccurrences(of: "\"smallint\"", with: "\"smallint2\"")
        do {
            _ = try ModelSnapshot.decode(Data(text.utf8))
            Issue.record("expected an error")
        } catch let error as SnapshotError {
            #expect("\(error)".contains("unknown SQL type 'smallint2'"))
            #expect("\(error)".contains("database.schemas[0].tables[0].columns[0].type"))
        }
    }
}
