import OEEModel

/// The database-wide sections of the HTML page: partitioning, row-level security, coverage.
enum HTMLSections {
    static func partitioning(_ facts: ModelFacts) -> [String] {
        let db = facts.database
        var h = ["<section id=\"partitioning\" class=\"extra\">", "<h2>Partitioning</h2>"]
        guard !db.partitionFunctions.isEmpty else { return h + ["<p class=\"muted\">No partition functions.</p>", "</section>"] }
        h.append(HTML.table(["Function", "Range", "Window", "First boundary", "Last boundary", "Partitions", "Retention", "Schemes", "Tables"],
                            db.partitionFunctions.map { f in
            let w = PartitionWindow(f)
            let schemes = db.partitionSchemes.filter { $0.function == f.name }
            let tables = db.allTables.filter { t in schemes.contains { $0.name == t.table.partitioning?.partitionScheme } }
            return [HTML.code(f.name),
                    HTML.text(w.range), HTML.text(w.window), w.firstBoundary.map(HTML.code) ?? "", w.lastBoundary.map(HTML.code) ?? "",
                    String(w.partitionCount), HTML.text(w.retention ?? ""),
                    schemes.map { HTML.code($0.name) + " → " + HTML.text($0.filegroups.joined(separator: ", ")) }.joined(separator: "<br>"),
                    tables.map { HTML.tableLink($0.name.description, exists: true) + " (" + HTML.text($0.table.partitioning!.partitionColumn) + ")" }
                        .joined(separator: "<br>")]
        }))
        let notes = db.partitionFunctions.map { ($0.name, $0.description) } + db.partitionSchemes.map { ($0.name, $0.description) }
        let described = notes.compactMap { n, d in DocText.described(d).map { "<li>\(HTML.code(n)): \(HTML.text($0))</li>" } }
        if !described.isEmpty { h.append("<ul class=\"notes\">" + described.joined() + "</ul>") }
        h.append("</section>")
        return h
    }

    static func rowSecurity(_ facts: ModelFacts) -> [String] {
        let db = facts.database
        var h = ["<section id=\"row-level-security\" class=\"extra\">", "<h2>Row-level security</h2>"]
        let functions = db.schemas.flatMap { s in s.functions.map { (QualifiedName(s.name, $0.name), $0) } }
        let policies = db.schemas.flatMap { s in s.securityPolicies.map { (QualifiedName(s.name, $0.name), $0) } }
        if functions.isEmpty && policies.isEmpty { return h + ["<p class=\"muted\">No security policies.</p>", "</section>"] }
        for (name, f) in functions {
            let sig = "\(name)(\(f.parameters.map { "@\($0.name) \($0.type)" }.joined(separator: ", ")))"
            h.append("<h3>\(HTML.text(sig))</h3>")
            if let d = DocText.described(f.description) { h.append("<p class=\"desc\">\(HTML.text(d))</p>") }
            h.append("<span class=\"expr\">a row passes when\n  \(HTML.text(ExpressionText.render(f.predicate)))</span>")
        }
        let kinds = SecurityPredicate.Kind.allCases
        for (name, p) in policies {
            h.append("<h3 style=\"margin-top:18px\">\(HTML.text(name.description)) <span class=\"b \(p.isEnabled ? "rls" : "")\">STATE = \(p.isEnabled ? "ON" : "OFF")</span></h3>")
            if let d = DocText.described(p.description) { h.append("<p class=\"desc\">\(HTML.text(d))</p>") }
            let used = kinds.filter { k in p.predicates.contains { $0.kind == k } }
            var tables: [QualifiedName] = []
            for pr in p.predicates where !tables.contains(pr.table) { tables.append(pr.table) }
            h.append(HTML.table(["Table"] + used.map { $0.rawValue.lowercased() } + ["Function"], tables.map { t in
                let preds = p.predicates.filter { $0.table == t }
                var calls: [String] = []
                for pr in preds {
                    let c = "\(pr.function)(\(pr.arguments.joined(separator: ", ")))"
                    if !calls.contains(c) { calls.append(c) }
                }
                return [HTML.tableLink(t.description, exists: db.table(t) != nil)]
                    + used.map { k in preds.contains { $0.kind == k } ? "<span class=\"ok\">✓</span>" : "" }
                    + [calls.map(HTML.code).joined(separator: ", ")]
            }))
        }
        let uncovered = facts.tablesWithoutRowSecurity
        h.append("<p><b>Not under any policy</b> (\(uncovered.count)): "
            + (uncovered.isEmpty ? "none." : uncovered.map { HTML.tableLink($0.description, exists: true) }.joined(separator: ", ")) + "</p>")
        h.append("</section>")
        return h
    }

    static func coverage(_ facts: ModelFacts) -> [String] {
        let c = facts.coverage
        var h = ["<section id=\"coverage\" class=\"extra\">", "<h2>Documentation coverage</h2>",
                 "<p>Descriptions: <b class=\"\(c.isComplete ? "ok" : "")\">\(HTML.text(c.summary))</b>.</p>"]
        if c.isComplete {
            h.append("<p class=\"muted\">Every table and column is described.</p>")
        } else {
            if !c.undescribedTables.isEmpty {
                h.append("<p>Tables without a description:</p><ul>" + c.undescribedTables.map { "<li>\(HTML.tableLink($0, exists: true))</li>" }.joined() + "</ul>")
            }
            if !c.undescribedColumns.isEmpty {
                h.append("<p>Columns without a description:</p><ul>" + c.undescribedColumns.map { "<li>\(HTML.code($0))</li>" }.joined() + "</ul>")
            }
        }
        h.append("</section>")
        return h
    }
}
