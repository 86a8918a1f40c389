import OEEModel

/// Consistency of a materialised tree in a self-referencing table that has
/// `code`, `depth`, `path` and `is_leaf` columns (ref.reason_code): a root
/// has depth 0 and path `/code/`; a child has its parent's depth + 1 and
/// path parent-path + `code/`; `is_leaf` is 1 exactly when no seed row names
/// the row as its parent. Only rows whose parent is in the seed are checked.
enum TreeRule {
    static func check(_ seed: SeedTable, _ diagnostics: inout [SeedDiagnostic]) {
        guard let fk = seed.table.foreignKeys.first(where: { $0.referencedTable == seed.name && $0.columns.count == 1 }),
              let parentColumn = seed.index(of: fk.columns[0]), let keyColumn = seed.index(of: fk.referencedColumns[0]),
              let code = seed.index(of: "code") else { return }
        let depth = seed.index(of: "depth"), path = seed.index(of: "path"), leaf = seed.index(of: "is_leaf")
        var byKey: [SeedValue: SeedRow] = [:]
        var parents: Set<SeedValue> = []
        for row in seed.rows {
            byKey[row.values[keyColumn]] = row
            if !row.values[parentColumn].isNull { parents.insert(row.values[parentColumn]) }
        }
        for row in seed.rows {
            func report(_ column: Int, _ expected: SeedValue) {
                guard row.values[column] != expected else { return }
                diagnostics.append(.init(file: row.file, line: row.line, column: seed.columns[column].name,
                                         message: "is \(row.values[column].display), expected \(expected.display) from the row's place in the tree"))
            }
            guard case .text(let ownCode) = row.values[code] else { continue }
            let parent = row.values[parentColumn]
            if parent.isNull {
                if let depth { report(depth, .int(0)) }
                if let path { report(path, .text("/\(ownCode)/")) }
            } else if let p = byKey[parent] {
                if let depth, case .int(let d) = p.values[depth] { report(depth, .int(d + 1)) }
                if let path, case .text(let pp) = p.values[path] { report(path, .text(pp + ownCode + "/")) }
            }
            if let leaf { report(leaf, .bool(!parents.contains(row.values[keyColumn]))) }
        }
    }
}
