/// HTML escaping and small element helpers for the dictionary page.
enum HTML {
    /// Whether `s` holds `&`, `<`, `>` or `"`.
    static func needsEscaping(_ s: String) -> Bool {
        s.utf8.contains { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 }
    }

    static func text(_ s: String) -> String {
        guard needsEscaping(s) else { return s }
        var out = ""
        out.reserveCapacity(s.count)
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }

    static func code(_ s: String) -> String { "<code>\(text(s))</code>" }

    static func badge(_ label: String, _ kind: String, title: String? = nil) -> String {
        "<span class=\"b \(kind)\"\(title.map { " title=\"\(text($0))\"" } ?? "")>\(text(label))</span>"
    }

    /// `#ref.site`-style link to a table of the page, or plain code when it is not on the page.
    static func tableLink(_ name: String, exists: Bool) -> String {
        exists ? "<a href=\"#\(text(name))\"><code>\(text(name))</code></a>" : code(name)
    }

    /// Text the search box matches against: lower-cased, one line.
    static func searchText(_ parts: [String?]) -> String {
        text(parts.compactMap { $0 }.joined(separator: " ").lowercased().replacingOccurrences(of: "\n", with: " "))
    }

    static func table(_ header: [String], _ rows: [[String]], cls: String = "mini") -> String {
        "<table class=\"\(cls)\"><thead><tr>" + header.map { "<th>\(text($0))</th>" }.joined() + "</tr></thead><tbody>"
            + rows.map { "<tr>" + $0.map { "<td>\($0)</td>" }.joined() + "</tr>" }.joined(separator: "\n")
            + "</tbody></table>"
    }
}
