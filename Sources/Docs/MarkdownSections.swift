import OEEModel

/// The database-wide sections of the Markdown dictionary.
enum MarkdownSections {
    static func partitioning(_ facts: ModelFacts) -> [String] {
        let db = facts.database
        var md = ["## Partitioning", ""]
        guard !db.partitionFunctions.isEmpty else { return md + ["No partition functions.", ""] }
        md += Markdown.table(["Function", "Range", "Window", "First boundary", "Last boundary", "Partitions", "Retention", "Schemes", "Tables"],
                             db.partitionFunctions.map { f in
            let schemes = db.partitionSchemes.filter { $0.function == f.name }
            let tables = db.allTables.filter { t in schemes.contains { $0.name == t.table.partitioning?.partitionScheme } }
            let w = PartitionWindow(f)
            return [Markdown.code(f.name), Markdown.text(w.range), Markdown.text(w.window), w.firstBoundary ?? "", w.lastBoundary ?? "",
                    String(w.partitionCount), w.retention ?? "",
                    schemes.map { Markdown.code($0.name) + " → " + Markdown.text($0.filegroups.joined(separator: ", ")) }.joined(separator: "; "),
                    tables.map { MarkdownDictionary.tableLink($0.name, in: db) + " (" + Markdown.text($0.table.partitioning!.partitionColumn) + ")" }
                        .joined(separator: ", ")]
        })
        md.append("")
        for f in db.partitionFunctions {
            if let d = DocText.described(f.description) { md.append("- \(Markdown.code(f.name)): \(Markdown.text(d))") }
        }
        for s in db.partitionSchemes {
            if let d = DocText.described(s.description) { md.append("- \(Markdown.code(s.name)): \(Markdown.text(d))") }
        }
        md.append("")
        return md
    }

    static func rowSecurity(_ facts: ModelFacts) -> [String] {
        let db = facts.database
        var md = ["## Row-level security", ""]
        let functions = db.schemas.flatMap { s in s.functions.map { (QualifiedName(s.name, $0.name), $0) } }
        let policies = db.schemas.flatMap { s in s.securityPolicies.map { (QualifiedName(s.name, $0.name), $0) } }
        if functions.isEmpty && policies.isEmpty { return md + ["No security policies.", ""] }
        for (name, f) in functions {
            md.append("**Predicate function** \(Markdown.code("\(name)(\(f.parameters.map { "@\($0.name) \($0.type)" }.joined(separator: ", ")))"))"
                + (f.isSchemaBound ? ", schema-bound" : ""))
            md.append("")
            if let d = DocText.described(f.description) { md += [Markdown.text(d), ""] }
            md += ["A row passes when:", "", "```text", ExpressionText.render(f.predicate), "```", ""]
        }
        let kinds = SecurityPredicate.Kind.allCases
        for (name, p) in policies {
            md.append("**Policy** \(Markdown.code(name.description)): STATE = \(p.isEnabled ? "ON" : "OFF")\(p.isSchemaBound ? ", schema-bound" : "")")
            md.append("")
            if let d = DocText.described(p.description) { md += [Markdown.text(d), ""] }
            let used = kinds.filter { k in p.predicates.contains { $0.kind == k } }
            var tables: [QualifiedName] = []
            for pr in p.predicates where !tables.contains(pr.table) { tables.append(pr.table) }
            md += Markdown.table(["Table"] + used.map { $0.rawValue.lowercased() } + ["Function"], tables.map { t in
                let preds = p.predicates.filter { $0.table == t }
                let calls = preds.reduce(into: [String]()) { acc, pr in
                    let c = "\(pr.function)(\(pr.arguments.joined(separator: ", ")))"
                    if !acc.contains(c) { acc.append(c) }
                }
                return [MarkdownDictionary.tableLink(t, in: db)] + used.map { k in preds.contains { $0.kind == k } ? "✓" : "" }
                    + [calls.map(Markdown.code).joined(separator: ", ")]
            })
            md.append("")
        }
        let uncovered = facts.tablesWithoutRowSecurity
        md.append("**Not under any policy** (\(uncovered.count)): "
            + (uncovered.isEmpty ? "none." : uncovered.map { MarkdownDictionary.tableLink($0, in: db) }.joined(separator: ", ")))
        md.append("")
        return md
    }

    static func coverage(_ facts: ModelFacts) -> [String] {
        let c = facts.coverage
        var md = ["## Documentation coverage", "", "Descriptions: \(c.summary).", ""]
        if c.isComplete { return md + ["Every table and column is described.", ""] }
        if !c.undescribedTables.isEmpty {
            md += ["Tables without a description:", ""] + c.undescribedTables.map { "- " + Markdown.code($0) } + [""]
        }
        if !c.undescribedColumns.isEmpty {
            md += ["Columns without a description:", ""] + c.undescribedColumns.map { "- " + Markdown.code($0) } + [""]
        }
        return md
    }
}
