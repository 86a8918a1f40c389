/// Lines of a migration file as byte ranges, each marked when it holds
/// `oeedb:` (the only lines past the header that can be directives), found in
/// one pass over the bytes: ``MigrationHeader/scan(_:file:)`` then builds text
/// only for the header and the marked lines.
enum LineScan {
    struct Span: Equatable {
        var start: Int
        var end: Int
        var mayHoldDirective: Bool
    }

    static func lines<C: RandomAccessCollection>(in bytes: C) -> [Span] where C.Element == UInt8, C.Index == Int {
        var spans: [Span] = []
        var start = bytes.startIndex
        var marked = false
        var i = bytes.startIndex
        let end = bytes.endIndex
        while i < end {
            let b = bytes[i]
            if b == 0x0A {
                spans.append(Span(start: start, end: i, mayHoldDirective: marked))
                start = i + 1
                marked = false
            } else if b == 0x3A /* : */ && !marked && i - start >= 5
                        && bytes[i - 5] == 0x6F && bytes[i - 4] == 0x65 && bytes[i - 3] == 0x65 && bytes[i - 2] == 0x64 && bytes[i - 1] == 0x62 {
                marked = true  // "oeedb:"
            }
            i += 1
        }
        spans.append(Span(start: start, end: end, mayHoldDirective: marked))
        return spans.map { Span(start: $0.start - bytes.startIndex, end: $0.end - bytes.startIndex, mayHoldDirective: $0.mayHoldDirective) }
    }
}
