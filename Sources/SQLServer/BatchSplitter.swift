import OEEDiff

/// Splits T-SQL text into batches on `GO` lines, as sqlcmd does — but never
/// inside a string, a quoted identifier or a (nested) block comment, and
/// never on `c.LOGO` or `GO` inside a comment. `GO n` repeats the batch.
enum BatchSplitter {
    static func split(_ text: String) -> [ScriptBatch] {
        var batches: [ScriptBatch] = []
        var current: [Substring] = []
        var startLine = 1
        var state = LexState()
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            if state.isNeutral, let count = separatorCount(line) {
                append(&batches, current, startLine, count)
                current = []
                startLine = index + 2
                continue
            }
            current.append(line)
            state.scan(line)
        }
        append(&batches, current, startLine, 1)
        return batches
    }

    private static func append(_ batches: inout [ScriptBatch], _ lines: [Substring], _ start: Int, _ count: Int) {
        // Skip leading blank lines so the reported line is the batch's first text.
        var first = 0
        while first < lines.count && lines[first].allSatisfy(\.isWhitespace) { first += 1 }
        let body = lines[first...].joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !body.isEmpty, count > 0 else { return }
        batches.append(ScriptBatch(sql: body, line: start + first, repeatCount: count))
    }

    /// The repeat count if `line` is a `GO [n]` separator.
    static func separatorCount(_ line: Substring) -> Int? {
        guard TSQL.isBatchSeparator(line) else { return nil }
        let digits = line.drop { $0 == " " || $0 == "\t" }.dropFirst(2).drop { $0 == " " || $0 == "\t" }.prefix { $0.isASCII && $0.isNumber }
        return digits.isEmpty ? 1 : Int(digits)
    }

    /// Whether the scanner is inside a string, quoted identifier or block comment.
    struct LexState {
        var inString = false
        var inBracket = false
        var inQuoted = false
        var commentDepth = 0

        var isNeutral: Bool { !inString && !inBracket && !inQuoted && commentDepth == 0 }

        mutating func scan(_ line: Substring) {
            var i = line.startIndex
            while i < line.endIndex {
                let c = line[i]
                let next = line.index(after: i)
                let n: Character? = next < line.endIndex ? line[next] : nil
                if commentDepth > 0 {
                    if c == "*" && n == "/" { commentDepth -= 1; i = line.index(after: next); continue }
                    if c == "/" && n == "*" { commentDepth += 1; i = line.index(after: next); continue }
                } else if inString {
                    if c == "'" { if n == "'" { i = line.index(after: next); continue }; inString = false }
                } else if inBracket {
                    if c == "]" { if n == "]" { i = line.index(after: next); continue }; inBracket = false }
                } else if inQuoted {
                    if c == "\"" { if n == "\"" { i = line.index(after: next); continue }; inQuoted = false }
                } else {
                    switch c {
                    case "-" where n == "-": return  // line comment: rest of line ignored
                    case "/" where n == "*": commentDepth = 1; i = line.index(after: next); continue
                    case "'": inString = true
                    case "[": inBracket = true
                    case "\"": inQuoted = true
                    default: break
                    }
                }
                i = next
            }
        }
    }
}
