import Testing
@testable import ODBC

/// UTF-16 from drivers is transcoded by hand (the generic decoder was far too
/// slow for long values); the strings must be the standard library's.
struct WideTextTests {
    @Test func decodesLikeTheStandardLibraryIncludingBrokenSurrogates() {
        let samples: [[UInt16]] = [
            [], Array("plain ASCII, 123".utf16), Array("é ü ß € 漢字 🚀🇩🇪".utf16),
            [0xD83D], [0xDE80], [0x41, 0xD83D, 0x42], [0xDE80, 0xD83D], [0xD83D, 0xD83D, 0xDE80], [0x7F, 0x80, 0x7FF, 0x800, 0xFFFF],
        ]
        for units in samples {
            let expected = String(decoding: units, as: UTF16.self)
            #expect(units.withUnsafeBufferPointer { WideText.string($0) } == expected, "\(units)")
            #expect(Array(units.withUnsafeBufferPointer { WideText.string($0) }.utf8) == Array(expected.utf8))
        }
    }
}
