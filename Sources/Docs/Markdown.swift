/// GitHub-flavoured Markdown escaping and anchors.
enum Markdown {
    /// Prose in a table cell or paragraph: pipes, angle brackets, asterisks and
    /// word-boundary underscores are escaped; newlines become spaces.
    static func text(_ s: String) -> String {
        // Nothing to escape (the common case): the text as it is.
        if !s.utf8.contains(where: { [0x7C, 0x3C, 0x3E, 0x2A, 0x5C, 0x60, 0x5F, 0x0A, 0x0D].contains($0) }) { return s }
        var out = ""
        let chars = Array(s)
        for (i, c) in chars.enumerated() {
            switch c {
            case "|": out += "\\|"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "*": out += "\\*"
            case "\\": out += "\\\\"
            case "`": out += "\\`"
            case "_":
                let before = i > 0 && (chars[i - 1].isLetter || chars[i - 1].isNumber)
                let after = i + 1 < chars.count && (chars[i + 1].isLetter || chars[i + 1].isNumber)
                out += before && after ? "_" : "\\_"
            case "\n", "\r": out += " "
            default: out.append(c)
            }
        }
        return out
    }

    /// A code span, safe inside a table cell.
    static func code(_ s: String) -> String {
        let body = s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
        return body.contains("`") ? "`` \(body) ``" : "`\(body)`"
    }

    /// The anchor GitHub gives a heading: lower-cased, punctuation other than
    /// `-` and `_` dropped, spaces as hyphens. `ref.site` → `refsite`.
    static func slug(_ heading: String) -> String {
        String(heading.lowercased().compactMap { c -> Character? in
            if c == " " { return "-" }
            if c.isLetter || c.isNumber || c == "-" || c == "_" { return c }
            return nil
        })
    }

    static func link(_ text: String, heading: String) -> String {
        "[\(text)](#\(slug(heading)))"
    }

    static func row(_ cells: [String]) -> String {
        "| " + cells.map { $0.isEmpty ? " " : $0 }.joined(separator: " | ") + " |"
    }

    static func table(_ header: [String], _ rows: [[String]]) -> [String] {
        [row(header), "|" + String(repeating: " --- |", count: header.count)] + rows.map(row)
    }
}
