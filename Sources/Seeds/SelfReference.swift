import OEEModel

/// Rows of a self-referencing table (reason_code.parent_id) ordered so that
/// every parent comes before its children; cycles are reported.
enum SelfReference {
    static func parentsFirst(_ seed: SeedTable, _ diagnostics: inout [SeedDiagnostic]) -> [SeedRow] {
        let selfKeys = seed.table.foreignKeys.filter { $0.referencedTable == seed.name }
        guard !selfKeys.isEmpty else { return seed.rows }
        // Index rows by each referenced column list.
        var indexes: [[String]: [SeedKey: Int]] = [:]
        for fk in selfKeys where indexes[fk.referencedColumns] == nil {
            var index: [SeedKey: Int] = [:]
            for (i, row) in seed.rows.enumerated() {
                if let k = seed.values(of: row, fk.referencedColumns), index[k] == nil { index[k] = i }
            }
            indexes[fk.referencedColumns] = index
        }
        func parents(_ i: Int) -> [Int] {
            selfKeys.compactMap { fk in
                guard let k = seed.values(of: seed.rows[i], fk.columns), !k.values.contains(.null) else { return nil }
                return indexes[fk.referencedColumns]?[k]
            }
        }
        enum Mark { case visiting, done }
        var marks: [Int: Mark] = [:]
        var ordered: [SeedRow] = []
        var reported = false
        func visit(_ i: Int) {
            switch marks[i] {
            case .done?: return
            case .visiting?:
                if !reported {
                    let row = seed.rows[i]
                    diagnostics.append(.init(file: row.file, line: row.line, column: selfKeys[0].columns[0],
                                             message: "the rows' \(selfKeys[0].columns.joined(separator: ", ")) references form a cycle; a tree needs a root"))
                    reported = true
                }
                return
            case nil:
                marks[i] = .visiting
                for p in parents(i) where p != i { visit(p) }
                if parents(i).contains(i) {
                    let row = seed.rows[i]
                    diagnostics.append(.init(file: row.file, line: row.line, column: selfKeys[0].columns[0], message: "the row references itself"))
                }
                marks[i] = .done
                ordered.append(seed.rows[i])
            }
        }
        for i in seed.rows.indices { visit(i) }
        return ordered
    }
}
