import OEEModel

/// One table's card on the HTML page.
enum HTMLTable {
    static func render(_ name: QualifiedName, _ t: Table, facts: ModelFacts) -> [String] {
        let q = name.description
        var h = ["<article class=\"tbl\" id=\"\(HTML.text(q))\" data-s=\"\(HTML.searchText([q, t.description]))\">"]
        h.append("<div class=\"th\"><h3><span class=\"sch\">\(HTML.text(name.schema))</span>.\(HTML.text(name.name))</h3>"
            + badges(name, t, facts: facts).joined(separator: " ") + "<a class=\"anchor\" href=\"#\(HTML.text(q))\" title=\"Link to this table\">#</a></div>")
        if let d = DocText.described(t.description) {
            h.append("<p class=\"desc\">\(HTML.text(d))</p>")
        } else {
            h.append("<p class=\"desc\">\(HTML.badge("no description", "miss"))</p>")
        }
        h.append("<table class=\"cols\"><thead><tr>"
            + ["Key", "Column", "Type", "Null", "Default · identity · computed", "Description"].map { "<th>\($0)</th>" }.joined()
            + "</tr></thead><tbody>")
        h += t.columns.map { column($0, t, facts: facts) }
        h.append("</tbody></table>")
        h.append("<div class=\"facts\">")
        for (label, value) in factRows(name, t, facts: facts) {
            h.append("<div class=\"fl\"><h4>\(HTML.text(label))</h4></div><div>\(value)</div>")
        }
        h.append("</div>")
        h.append("</article>")
        return h
    }

    static func column(_ c: Column, _ t: Table, facts: ModelFacts) -> String {
        let keys = facts.keyMarkers(t, c.name).map { HTML.badge($0, $0.lowercased()) }.joined(separator: " ")
        let detail = DocText.columnDetail(c)
        let desc = DocText.described(c.description).map(HTML.text) ?? HTML.badge("no description", "miss")
        return "<tr data-s=\"\(HTML.searchText([c.name, c.type.description, c.description]))\">"
            + "<td class=\"k\">\(keys)</td><td class=\"n mono\">\(HTML.text(c.name))</td><td class=\"t mono\">\(HTML.text(c.type.description))</td>"
            + "<td>\(c.isNullable ? HTML.badge("NULL", "nul") : "<span class=\"nn\">NOT NULL</span>")</td>"
            + "<td class=\"d\">\(detail.isEmpty ? "" : HTML.code(detail))</td><td>\(desc)</td></tr>"
    }

    static func badges(_ name: QualifiedName, _ t: Table, facts: ModelFacts) -> [String] {
        var b: [String] = []
        if let pk = t.primaryKey { b.append(HTML.badge("PK", "pk", title: "primary key \(pk.name)")) }
        if !t.foreignKeys.isEmpty { b.append(HTML.badge("FK ×\(t.foreignKeys.count)", "fk", title: "foreign keys to other tables")) }
        let inc = facts.referencedBy(name).count
        if inc > 0 { b.append(HTML.badge("referenced ×\(inc)", "ref", title: "foreign keys pointing here")) }
        if let p = t.partitioning { b.append(HTML.badge("partitioned · \(p.partitionScheme)", "part", title: "on \(p.partitionScheme)(\(p.partitionColumn))")) }
        if !facts.rowSecurity(name).isEmpty { b.append(HTML.badge("RLS", "rls", title: "under row-level security")) }
        if t.indexes.contains(where: { $0.kind.isColumnstore }) { b.append(HTML.badge("columnstore", "cs")) }
        return b
    }

    /// Label and HTML value of each fact row: keys, references, checks, indexes, storage, partitioning, RLS.
    static func factRows(_ name: QualifiedName, _ t: Table, facts: ModelFacts) -> [(String, String)] {
        let db = facts.database
        var rows: [(String, String)] = []
        var keys: [String] = []
        if let pk = t.primaryKey {
            keys.append("\(HTML.badge("PK", "pk")) \(HTML.code(pk.name)) (\(HTML.text(DocText.keys(pk.columns)))), \(pk.isClustered ? "clustered" : "nonclustered")")
        }
        for u in t.uniqueConstraints { keys.append("\(HTML.badge("UK", "uk")) \(HTML.code(u.name)) (\(HTML.text(DocText.keys(u.columns))))") }
        rows.append(("Keys", keys.isEmpty ? "<span class=\"muted\">no primary key</span>" : keys.joined(separator: "<br>")))

        let out = facts.references(from: name)
        if !out.isEmpty {
            rows.append(("References", HTML.table(["Foreign key", "Columns", "References", "Cardinality"], out.map { r in
                [HTML.code(r.foreignKey.name), HTML.text(r.foreignKey.columns.joined(separator: ", ")),
                 HTML.tableLink(r.parent.description, exists: db.table(r.parent) != nil) + " (" + HTML.text(r.foreignKey.referencedColumns.joined(separator: ", ")) + ")",
                 HTML.text(r.cardinality + (r.isIdentifying ? ", identifying" : "") + (DocText.actions(r.foreignKey).isEmpty ? "" : "; " + DocText.actions(r.foreignKey)))]
            })))
        }
        let inc = facts.referencedBy(name)
        if !inc.isEmpty {
            rows.append(("Referenced by", HTML.table(["Table", "Foreign key", "Columns", "Cardinality"], inc.map { r in
                [HTML.tableLink(r.child.description, exists: true), HTML.code(r.foreignKey.name),
                 HTML.text(r.foreignKey.columns.joined(separator: ", ") + " → " + r.foreignKey.referencedColumns.joined(separator: ", ")),
                 HTML.text(r.cardinality)]
            })))
        }
        if !t.checks.isEmpty {
            rows.append(("Checks", t.checks.map { c in
                "\(HTML.code(c.name))<span class=\"expr\">\(HTML.text(ExpressionText.render(c.expression)))</span>"
            }.joined()))
        }
        if !t.indexes.isEmpty {
            rows.append(("Indexes", HTML.table(["Index", "Kind", "Keys", "Include", "Filter", "Storage"], t.indexes.map { i in
                [HTML.code(i.name) + (DocText.described(i.description).map { "<br><span class=\"muted\">\(HTML.text($0))</span>" } ?? ""),
                 HTML.text(DocText.kind(i)), i.keys.isEmpty ? "<span class=\"muted\">all columns</span>" : HTML.text(DocText.keys(i.keys)),
                 HTML.text(i.included.joined(separator: ", ")), i.filter.map { HTML.code(ExpressionText.render($0)) + (i.rolling.map { " " + HTML.text("(" + $0.summary + ")") } ?? "") } ?? "",
                 HTML.text(DocText.placement(i, table: t) + (i.compression.map { ", \($0.rawValue)" } ?? ""))]
            })))
        }
        rows.append(("Storage", HTML.text(DocText.storage(t))))
        if let p = facts.partitioning(t) {
            rows.append(("Partitioning", partitioning(p)))
        }
        let rls = facts.rowSecurity(name)
        rows.append(("Row-level security", rls.isEmpty ? "<span class=\"muted\">none — not under any security policy</span>" : rls.map { r in
            "\(HTML.badge("RLS", "rls")) \(HTML.code(r.policy.description))\(r.policyEnabled ? "" : " (disabled)"): \(HTML.text(r.kindText)) via \(HTML.code(r.call))"
                + "<span class=\"expr\">\(HTML.text(r.signature)): a row passes when\n  \(HTML.text(r.predicateText))</span>"
        }.joined()))
        return rows
    }

    static func partitioning(_ p: PartitionSummary) -> String {
        guard let w = p.window else { return "\(HTML.code(p.placement)) → \(HTML.code(p.function)) <span class=\"muted\">(not in the model)</span>" }
        var parts = ["\(HTML.code(p.placement)) → \(HTML.code(p.function)), \(HTML.text(w.range))",
                     "window \(HTML.text(w.window))"]
        if let f = w.firstBoundary, let l = w.lastBoundary { parts.append("first boundary \(HTML.code(f)), last \(HTML.code(l))") }
        parts.append("<b>\(w.partitionCount) partitions</b>")
        if let r = w.retention { parts.append("retention <b>\(HTML.text(r))</b>") }
        return parts.joined(separator: " · ")
    }
}
