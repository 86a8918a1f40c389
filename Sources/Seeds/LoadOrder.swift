import OEEModel

/// Orders seeded tables so that referenced (parent) tables load first;
/// ties keep the model's declaration order. Self-references are ignored
/// here (rows are ordered instead); a cycle between tables is an error.
public enum LoadOrder {
    public static func sort(_ tables: [SeedTable], model: Database) -> Result<[SeedTable], SeedDiagnostic> {
        let declared = Dictionary(model.allTables.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
        var pending = tables.sorted { (declared[$0.name] ?? .max, $0.name) < (declared[$1.name] ?? .max, $1.name) }
        let names = Set(tables.map(\.name))
        var loaded: Set<QualifiedName> = []
        var result: [SeedTable] = []
        while !pending.isEmpty {
            guard let next = pending.firstIndex(where: { t in
                t.table.foreignKeys.allSatisfy { fk in
                    fk.referencedTable == t.name || !names.contains(fk.referencedTable) || loaded.contains(fk.referencedTable)
                }
            }) else {
                let cycle = pending.map(\.name.description).joined(separator: ", ")
                return .failure(SeedDiagnostic(file: pending[0].files[0], line: 1, column: nil,
                                               message: "the foreign keys between \(cycle) form a cycle; seed them in separate sets"))
            }
            let t = pending.remove(at: next)
            loaded.insert(t.name)
            result.append(t)
        }
        return .success(result)
    }
}
