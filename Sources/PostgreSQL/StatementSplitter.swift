import OEEDiff

/// Splits a PostgreSQL script into statements on top-level `;`, never inside
/// '…' strings, "…" identifiers, $tag$…$tag$ bodies, -- line comments or
/// (nested) /* … */ comments. Comment-only pieces are dropped.
///
/// Hand-written (no SQL parser package resolves here, and the runner needs
/// only statement boundaries): it works on the UTF-8 bytes, where every
/// character that matters is ASCII and no byte of a multi-byte character is;
/// whitespace is the server lexer's (space, tab, CR, LF, FF, VT). Over
/// `[Character]` it was 7 % of applying 100 small migrations.
enum StatementSplitter {
    static func split(_ text: String) -> [ScriptBatch] {
        var text = text
        return text.withUTF8 { split(bytes: $0) }
    }

    private static func isSpace(_ b: UInt8) -> Bool {
        b == 0x20 || (b >= 0x09 && b <= 0x0D)
    }

    /// Letters (any non-ASCII byte counts: PostgreSQL identifiers may hold
    /// them), digits and `_`: the characters of a dollar-quote tag.
    private static func isTagByte(_ b: UInt8) -> Bool {
        b >= 0x80 || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x5F
    }

    private static func split(bytes: UnsafeBufferPointer<UInt8>) -> [ScriptBatch] {
        let count = bytes.count
        var result: [ScriptBatch] = []
        var start = 0
        var line = 1
        var startLine = 1
        var hasCode = false
        var i = 0
        func flush(upTo end: Int) {
            if hasCode {
                var e = end
                while e > start, isSpace(bytes[e - 1]) { e -= 1 }
                let sql = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<e]), as: UTF8.self)
                if sql != ";" { result.append(ScriptBatch(sql: sql, line: startLine)) }
            }
            hasCode = false
            start = end
        }
        while i < count {
            let c = bytes[i]
            let n: UInt8 = i + 1 < count ? bytes[i + 1] : 0
            if c == 0x0A { line += 1; i += 1; continue }
            if c == 0x2D && n == 0x2D {  // --
                while i < count && bytes[i] != 0x0A { i += 1 }
                continue
            }
            if c == 0x2F && n == 0x2A {  // /*
                var depth = 1
                i += 2
                while i < count && depth > 0 {
                    let b = bytes[i]
                    if b == 0x0A { line += 1 }
                    if b == 0x2A && i + 1 < count && bytes[i + 1] == 0x2F { depth -= 1; i += 2; continue }
                    if b == 0x2F && i + 1 < count && bytes[i + 1] == 0x2A { depth += 1; i += 2; continue }
                    i += 1
                }
                continue
            }
            if isSpace(c) { i += 1; continue }
            if !hasCode {
                hasCode = true
                startLine = line
                // Statements start at their first code character, not at the comments before it.
                start = i
            }
            switch c {
            case 0x27, 0x22:  // ' and "
                i += 1
                while i < count {
                    if bytes[i] == 0x0A { line += 1 }
                    if bytes[i] == c {
                        if i + 1 < count && bytes[i + 1] == c { i += 2; continue }
                        break
                    }
                    i += 1
                }
                i += 1
            case 0x24:  // $tag$ … $tag$ (tag may be empty); a lone $1 parameter is not a quote.
                var j = i + 1
                while j < count && isTagByte(bytes[j]) { j += 1 }
                let digitFirst = j > i + 1 && bytes[i + 1] >= 0x30 && bytes[i + 1] <= 0x39
                if j < count && bytes[j] == 0x24 && !digitFirst {
                    let tagLength = j - i + 1
                    var k = j + 1
                    while k < count {
                        if bytes[k] == 0x0A { line += 1 }
                        if bytes[k] == 0x24 && k + tagLength <= count && (0..<tagLength).allSatisfy({ bytes[k + $0] == bytes[i + $0] }) {
                            k += tagLength
                            break
                        }
                        k += 1
                    }
                    i = k
                } else {
                    i += 1
                }
            case 0x3B:  // ;
                i += 1
                flush(upTo: i)
            default:
                i += 1
            }
        }
        flush(upTo: count)
        return result
    }
}
