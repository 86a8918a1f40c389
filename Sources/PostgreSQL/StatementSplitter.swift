import OEEDiff

/// Splits a PostgreSQL script into statements on top-level `;`, never inside
/// strings, quoted identifiers, dollar-quoted bodies or comments (the
/// lexemes of ``ScriptLexer``). Each statement starts at its first code
/// character, not at the comments before it, and keeps the line it starts
/// on; comment-only pieces are dropped.
enum StatementSplitter {
    static func split(_ text: String) -> [ScriptBatch] {
        var text = text
        return text.withUTF8 { split(bytes: $0) }
    }

    private static func split(bytes: UnsafeBufferPointer<UInt8>) -> [ScriptBatch] {
        var result: [ScriptBatch] = []
        var start: Int?
        var startLine = 1
        func flush(upTo end: Int) {
            guard let from = start else { return }
            var e = end
            while e > from, ScriptLexer.isSpace(bytes[e - 1]) { e -= 1 }
            let sql = String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<e]), as: UTF8.self)
            if sql != ";" { result.append(ScriptBatch(sql: sql, line: startLine)) }
            start = nil
        }
        ScriptLexer.scan(bytes) { lexeme in
            switch lexeme.kind {
            case .space, .comment:
                return
            default:
                if start == nil {
                    start = lexeme.range.lowerBound
                    startLine = lexeme.line
                }
                if lexeme.kind == .symbol && bytes[lexeme.range.lowerBound] == 0x3B { flush(upTo: lexeme.range.upperBound) }
            }
        }
        flush(upTo: bytes.count)
        return result
    }
}
