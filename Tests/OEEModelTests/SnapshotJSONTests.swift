import Foundation
import Testing
@testable import OEEModel

/// The fast snapshot reader declines (so the Foundation path words the
/// error) whatever is not plain JSON, and reads strings exactly as JSON means them.
@Suite struct SnapshotJSONTests {
    func readString(_ text: String) throws -> String {
        let data = Data(text.utf8)
        return try data.withUnsafeBytes { raw in
            var parser = FastJSON.Parser(bytes: raw.bindMemory(to: UInt8.self))
            let s = try parser.string()
            guard parser.at == parser.bytes.count else { throw FastJSONDeclined() }
            return s
        }
    }

    @Test(arguments: [
        #"{"format":"oeedb.model/1","database":{"name":"a","schemas":[],"partitionFunctions":[],"partitionSchemes":[],"extra":1}}"#,  // unknown key
        #"{"format":"oeedb.model/1","database":{"name":"a","schemas":[],"partitionFunctions":[],"partitionSchemes":[]},"format":"oeedb.model/1"}"#,  // duplicate
        #"{"format":"oeedb.model/1","database":{"name":"a","schemas":[],"partitionFunctions":[],"partitionSchemes":[],}}"#,  // trailing comma
        #"{"format":"oeedb.model/1","database":{"name":"\ud800","schemas":[],"partitionFunctions":[],"partitionSchemes":[]}}"#,  // lone surrogate
        #"{"format":"oeedb.model/1","database":{"name":"a","schemas":tru,"partitionFunctions":[],"partitionSchemes":[]}}"#,
        #"{"format":"oeedb.model/1","database":{"name":"a","schemas":[],"partitionFunctions":[],"partitionSchemes":[]}} x"#,
        "{\"format\":\"oeedb.model/1\",\"database\":{\"name\":\"a\u{01}\",\"schemas\":[],\"partitionFunctions\":[],\"partitionSchemes\":[]}}",  // control character
        "[1,]", "{\"a\":01}", "",
    ])
    func declinesWhatIsNotPlain(_ text: String) throws {
        let data = Data(text.utf8)
        #expect(throws: FastJSONDeclined.self) { try data.withUnsafeBytes { try ModelReader.read($0) { try $0.snapshot() } } }
    }

    @Test func unescapesStringsLikeJSON() throws {
        #expect(try readString(#""a\"b\\c\/d\n\u00e9\ud83d\ude00""#) == "a\"b\\c/d\né😀")
        #expect(try readString(#""\b\f\r\t""#) == "\u{08}\u{0C}\r\t")
        #expect(try readString("\"Überblick – 😀\"") == "Überblick – 😀")
        #expect(try readString(#""plain""#) == "plain")
    }

    @Test(arguments: [#""\ud800""#, #""\ud800\u0041""#, #""\x""#, #""\u12g4""#, "\"a\u{01}\"", #""open"#])
    func declinesStringsThatAreNotJSON(_ text: String) {
        #expect(throws: FastJSONDeclined.self) { try readString(text) }
    }

    @Test func anUnknownKeyStillGetsTheFoundationPathsMessage() {
        let text = #"{"format":"oeedb.model/1","database":{"name":"a","schemas":[],"partitionFunctions":[],"partitionSchemes":[],"descripton":"x"}}"#
        #expect(throws: SnapshotError.self) { try ModelSnapshot.decode(Data(text.utf8)) }
        do { _ = try ModelSnapshot.decode(Data(text.utf8)) } catch {
            #expect("\(error)".contains("unknown key 'descripton' (did you mean 'description'?) at database.descripton"), "\(error)")
        }
    }
}
