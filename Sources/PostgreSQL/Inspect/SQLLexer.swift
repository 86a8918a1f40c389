/// The tokens of a PostgreSQL scalar expression, as `pg_get_expr`,
/// `pg_get_constraintdef` and this dialect's renderer write them.
///
/// Hand-written rather than a generated or linked lexer: the package links no
/// SQL grammar (libpg_query would be a C dependency for one job), and the
/// expression subset the catalog deparses is small and fixed. What it does not
/// know (`$1` parameters, dollar quoting, `E'…'` escapes other than `''`) makes
/// the parser fail, and a failed parse is reported as "cannot compare" — never
/// as equal. Rules follow the PostgreSQL manual, "Lexical Structure":
/// unquoted identifiers fold to lower case, `""` inside a quoted identifier and
/// `''` inside a string stand for one quote, an operator is a run of
/// `+ - * / < > = ~ ! @ # % ^ & | \` ?`.
struct SQLLexer {
    enum Token: Hashable {
        /// An unquoted word, folded to lower case (keywords too).
        case word(String)
        /// A double-quoted identifier, as stored (quotes removed, `""` undone).
        case quoted(String)
        case string(String)
        /// Digits as written (`12`, `0.85`, `1e3`).
        case number(String)
        /// An operator run (`=`, `<>`, `||`, `~~`, `::` is separate).
        case op(String)
        case punct(Character)   // ( ) [ ] , . and ::  (as ":")
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static let operatorCharacters: Set<Character> = ["+", "-", "*", "/", "<", ">", "=", "~", "!", "@", "#", "%", "^", "&", "|", "`", "?"]

    static func tokens(_ text: String) throws -> [Token] {
        let c = Array(text)
        var out: [Token] = []
        var i = 0
        while i < c.count {
            let ch = c[i]
            if ch.isWhitespace { i += 1; continue }
            if ch == "-" && i + 1 < c.count && c[i + 1] == "-" { throw Failure(description: "holds a comment") }
            if ch == "/" && i + 1 < c.count && c[i + 1] == "*" { throw Failure(description: "holds a comment") }
            if ch == "'" || ((ch == "E" || ch == "e") && i + 1 < c.count && c[i + 1] == "'") {
                if ch != "'" {
                    // E'…' with a backslash escape is not read: refuse rather than guess.
                    i += 1
                }
                var j = i + 1
                var value = ""
                while true {
                    guard j < c.count else { throw Failure(description: "has an unterminated string") }
                    if c[j] == "'" {
                        if j + 1 < c.count && c[j + 1] == "'" { value.append("'"); j += 2; continue }
                        break
                    }
                    if ch != "'" && c[j] == "\\" { throw Failure(description: "uses an E'' escape") }
                    value.append(c[j]); j += 1
                }
                out.append(.string(value))
                i = j + 1
                continue
            }
            if ch == "\"" {
                var j = i + 1
                var value = ""
                while true {
                    guard j < c.count else { throw Failure(description: "has an unterminated quoted identifier") }
                    if c[j] == "\"" {
                        if j + 1 < c.count && c[j + 1] == "\"" { value.append("\""); j += 2; continue }
                        break
                    }
                    value.append(c[j]); j += 1
                }
                out.append(.quoted(value))
                i = j + 1
                continue
            }
            if ch.isNumber && ch.isASCII || (ch == "." && i + 1 < c.count && c[i + 1].isASCII && c[i + 1].isNumber) {
                var j = i
                while j < c.count && (c[j].isASCII && c[j].isNumber || c[j] == ".") { j += 1 }
                if j < c.count && (c[j] == "e" || c[j] == "E") {
                    var k = j + 1
                    if k < c.count && (c[k] == "+" || c[k] == "-") { k += 1 }
                    if k < c.count && c[k].isASCII && c[k].isNumber {
                        j = k
                        while j < c.count && c[j].isASCII && c[j].isNumber { j += 1 }
                    }
                }
                out.append(.number(String(c[i..<j])))
                i = j
                continue
            }
            if ch.isLetter || ch == "_" {
                var j = i
                while j < c.count && (c[j].isLetter || c[j].isNumber || c[j] == "_" || c[j] == "$") { j += 1 }
                out.append(.word(String(c[i..<j]).lowercased()))
                i = j
                continue
            }
            if ch == ":" && i + 1 < c.count && c[i + 1] == ":" { out.append(.punct(":")); i += 2; continue }
            if "()[],.".contains(ch) { out.append(.punct(ch)); i += 1; continue }
            if operatorCharacters.contains(ch) {
                var j = i
                while j < c.count && operatorCharacters.contains(c[j]) {
                    // `--` or `/*` inside an operator run starts a comment.
                    if j > i && (c[j] == "-" && c[j - 1] == "-" || c[j] == "*" && c[j - 1] == "/") { break }
                    j += 1
                }
                var op = String(c[i..<j])
                // PostgreSQL: a multi-character operator cannot end in + or - unless it holds ~ ! @ # % ^ & | ` ?
                while op.count > 1, let last = op.last, last == "+" || last == "-",
                      !op.contains(where: { "~!@#%^&|`?".contains($0) }) {
                    op.removeLast(); j -= 1
                }
                out.append(.op(op))
                i = j
                continue
            }
            throw Failure(description: "holds an unexpected character '\(ch)'")
        }
        return out
    }
}
