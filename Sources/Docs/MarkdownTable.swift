import OEEModel

/// One table's entry in the Markdown dictionary.
enum MarkdownTable {
    static func render(_ name: QualifiedName, _ t: Table, facts: ModelFacts) -> [String] {
        let db = facts.database
        var md = ["### \(MarkdownDictionary.tableHeading(name))", ""]
        md.append(DocText.described(t.description).map(Markdown.text) ?? "*(no description)*")
        md.append("")
        md.append(badges(name, t, facts: facts).map { "`\($0)`" }.joined(separator: " ") + " — storage: " + Markdown.text(DocText.storage(t)))
        md.append("")

        md += Markdown.table(["Column", "Type", "Null", "Key", "Default / identity / computed", "Description"], t.columns.map { c in
            [Markdown.code(c.name), Markdown.text(c.type.description), c.isNullable ? "NULL" : "NOT NULL",
             facts.keyMarkers(t, c.name).joined(separator: ", "),
             DocText.columnDetail(c).isEmpty ? "" : Markdown.code(DocText.columnDetail(c)),
             DocText.described(c.description).map(Markdown.text) ?? "*(no description)*"]
        })
        md.append("")

        var keys: [String] = []
        if let pk = t.primaryKey {
            keys.append("- Primary key \(Markdown.code(pk.name)) (\(DocText.keys(pk.columns))), \(pk.isClustered ? "clustered" : "nonclustered")"
                + (DocText.described(pk.description).map { " — " + Markdown.text($0) } ?? ""))
        }
        for u in t.uniqueConstraints {
            keys.append("- Unique \(Markdown.code(u.name)) (\(DocText.keys(u.columns)))" + (DocText.described(u.description).map { " — " + Markdown.text($0) } ?? ""))
        }
        if keys.isEmpty { keys.append("- *(no primary key)*") }
        md += ["**Keys**", ""] + keys + [""]

        let out = facts.references(from: name)
        if !out.isEmpty {
            md += ["**Foreign keys**", ""]
            md += Markdown.table(["Foreign key", "Columns", "References", "Cardinality", "Actions"], out.map { r in
                [Markdown.code(r.foreignKey.name), Markdown.text(r.foreignKey.columns.joined(separator: ", ")),
                 MarkdownDictionary.tableLink(r.parent, in: db) + " (" + Markdown.text(r.foreignKey.referencedColumns.joined(separator: ", ")) + ")",
                 r.cardinality + (r.isIdentifying ? ", identifying" : ""), DocText.actions(r.foreignKey)]
            })
            md.append("")
        }
        let inc = facts.referencedBy(name)
        if !inc.isEmpty {
            md += ["**Referenced by**", ""]
            md += Markdown.table(["Table", "Foreign key", "Columns", "Cardinality"], inc.map { r in
                [MarkdownDictionary.tableLink(r.child, in: db), Markdown.code(r.foreignKey.name),
                 Markdown.text(r.foreignKey.columns.joined(separator: ", ")) + " → " + Markdown.text(r.foreignKey.referencedColumns.joined(separator: ", ")),
                 r.cardinality]
            })
            md.append("")
        }
        if !t.checks.isEmpty {
            md += ["**Checks**", ""]
            md += t.checks.map { "- \(Markdown.code($0.name)): \(Markdown.code(ExpressionText.render($0.expression)))"
                + (DocText.described($0.description).map { " — " + Markdown.text($0) } ?? "") }
            md.append("")
        }
        if !t.indexes.isEmpty {
            md += ["**Indexes**", ""]
            md += Markdown.table(["Index", "Kind", "Keys", "Include", "Filter", "Storage", "Description"], t.indexes.map { i in
                [Markdown.code(i.name), DocText.kind(i), i.keys.isEmpty ? "(all columns)" : Markdown.text(DocText.keys(i.keys)),
                 Markdown.text(i.included.joined(separator: ", ")), i.filter.map { Markdown.code(ExpressionText.render($0)) + (i.rolling.map { " " + Markdown.text("(" + $0.summary + ")") } ?? "") } ?? "",
                 Markdown.text(DocText.placement(i, table: t) + (i.compression.map { ", \($0.rawValue) compression" } ?? "")),
                 DocText.described(i.description).map(Markdown.text) ?? ""]
            })
            md.append("")
        }
        if let p = facts.partitioning(t) {
            md += ["**Partitioning**: " + Markdown.text(p.sentence) + ".", ""]
        }
        let rls = facts.rowSecurity(name)
        if rls.isEmpty {
            md += ["**Row-level security**: none — not under any security policy.", ""]
        } else {
            md += ["**Row-level security**:", ""]
            md += rls.map { r in
                "- \(Markdown.code(r.policy.description))\(r.policyEnabled ? "" : " (disabled)"): \(r.kindText) via \(Markdown.code(r.call)); "
                    + "a row passes when \(Markdown.code(r.predicateText))"
            }
            md.append("")
        }
        return md
    }

    /// Short labels for what a table has: PK, FK ×n, partitioned, RLS, columnstore, compression.
    static func badges(_ name: QualifiedName, _ t: Table, facts: ModelFacts) -> [String] {
        var b: [String] = []
        if t.primaryKey != nil { b.append("PK") }
        if !t.foreignKeys.isEmpty { b.append("FK ×\(t.foreignKeys.count)") }
        if !facts.referencedBy(name).isEmpty { b.append("referenced ×\(facts.referencedBy(name).count)") }
        if let p = t.partitioning { b.append("partitioned: \(p.partitionScheme)") }
        if !facts.rowSecurity(name).isEmpty { b.append("RLS") }
        if t.indexes.contains(where: { $0.kind.isColumnstore }) { b.append("columnstore") }
        return b
    }
}
