import OEEDiff

/// Splits a PostgreSQL script into statements on top-level `;`, never inside
/// '…' strings, "…" identifiers, $tag$…$tag$ bodies, -- line comments or
/// (nested) /* … */ comments. Comment-only pieces are dropped.
enum StatementSplitter {
    static func split(_ text: String) -> [ScriptBatch] {
        let chars = Array(text)
        var result: [ScriptBatch] = []
        var start = 0
        var line = 1
        var startLine = 1
        var hasCode = false
        var i = 0
        func flush(upTo end: Int) {
            if hasCode {
                let sql = String(chars[start..<end]).trimmingCharacters(in: .whitespacesAndNewlines)
                if sql != ";" { result.append(ScriptBatch(sql: sql, line: startLine)) }
            }
            hasCode = false
            start = end
        }
        func markCode() {
            if !hasCode {
                hasCode = true
                startLine = line
                // Statements start at their first code character, not at the comments before it.
                start = i
            }
        }
        while i < chars.count {
            let c = chars[i]
            let n: Character? = i + 1 < chars.count ? chars[i + 1] : nil
            if c == "\n" { line += 1; i += 1; continue }
            if c == "-" && n == "-" {
                while i < chars.count && chars[i] != "\n" { i += 1 }
                continue
            }
            if c == "/" && n == "*" {
                var depth = 1
                i += 2
                while i < chars.count && depth > 0 {
                    if chars[i] == "\n" { line += 1 }
                    if chars[i] == "*" && i + 1 < chars.count && chars[i + 1] == "/" { depth -= 1; i += 2; continue }
                    if chars[i] == "/" && i + 1 < chars.count && chars[i + 1] == "*" { depth += 1; i += 2; continue }
                    i += 1
                }
                continue
            }
            if c.isWhitespace { i += 1; continue }
            markCode()
            switch c {
            case "'", "\"":
                i += 1
                while i < chars.count {
                    if chars[i] == "\n" { line += 1 }
                    if chars[i] == c {
                        if i + 1 < chars.count && chars[i + 1] == c { i += 2; continue }
                        break
                    }
                    i += 1
                }
                i += 1
            case "$":
                // $tag$ … $tag$ (tag may be empty); a lone $1 parameter is not a quote.
                var j = i + 1
                while j < chars.count && (chars[j].isLetter || chars[j].isNumber || chars[j] == "_") { j += 1 }
                if j < chars.count && chars[j] == "$" && !(j > i + 1 && chars[i + 1].isNumber) {
                    let tag = Array(chars[i...j])
                    var k = j + 1
                    while k < chars.count {
                        if chars[k] == "\n" { line += 1 }
                        if chars[k] == "$" && k + tag.count <= chars.count && Array(chars[k..<k + tag.count]) == tag { k += tag.count; break }
                        k += 1
                    }
                    i = k
                } else {
                    i += 1
                }
            case ";":
                i += 1
                flush(upTo: i)
            default:
                i += 1
            }
        }
        flush(upTo: chars.count)
        return result
    }
}
