import OEEModel

/// Compares validated seed tables with the database's rows: foreign-key
/// parents must exist (in the seed or in rows that stay), unique values must
/// not collide with rows that stay, and each row is classified as insert,
/// update or unchanged. Pure: the loader supplies the database state.
public struct SeedPlanner {
    public var model: Database
    public var prune: Bool
    /// Primary keys that sets not being loaded own, per table: never extra.
    public var otherSetKeys: [QualifiedName: Set<SeedKey>]
    /// Keys other sets own in one table, asked only for a table with
    /// database rows the seed lacks (and not in ``otherSetKeys``).
    public var otherSetLookup: ((QualifiedName) -> Set<SeedKey>)?

    public init(model: Database, prune: Bool = false, otherSetKeys: [QualifiedName: Set<SeedKey>] = [:]) {
        self.model = model
        self.prune = prune
        self.otherSetKeys = otherSetKeys
    }

    /// Parent columns to read from the database for foreign keys whose parent
    /// table the seed does not load.
    public static func parentReferences(_ tables: [SeedTable]) -> [ParentReference] {
        let seeded = Set(tables.map(\.name))
        var result: [ParentReference] = []
        for t in tables {
            for fk in t.table.foreignKeys where !seeded.contains(fk.referencedTable) && Set(fk.columns).isSubset(of: t.columnNames) {
                let ref = ParentReference(table: fk.referencedTable, columns: fk.referencedColumns)
                if !result.contains(ref) { result.append(ref) }
            }
        }
        return result
    }

    public func plan(_ ordered: [SeedTable], state: SeedDatabaseState) -> (plan: SeedPlan, diagnostics: [SeedDiagnostic]) {
        var diagnostics: [SeedDiagnostic] = []
        var plans: [TablePlan] = []
        var remaining: [QualifiedName: [[SeedValue]]] = [:]
        for seed in ordered {
            var plan = TablePlan(seed: seed, prune: prune)
            let existing = state.rows[seed.name] ?? ExistingRows(columns: seed.columns, rows: [])
            // Column positions once per table, not per row (50,000 rows make it count).
            let keyIndexes = seed.keyColumns.map { seed.index(of: $0) }
            func seedKey(_ row: SeedRow) -> SeedKey { SeedKey(keyIndexes.map { $0.map { row.values[$0] } ?? .null }) }
            var existingKeys: [SeedKey?] = Array(repeating: nil, count: existing.rows.count)
            if let indexes = existing.indexes(of: seed.keyColumns) {
                for (i, row) in existing.rows.enumerated() { existingKeys[i] = SeedKey(indexes.map { row[$0] }) }
            }
            // An empty table (a first load): every row is an insert, no key to work out.
            let rowKeys = existing.rows.isEmpty ? [] : seed.rows.map(seedKey)
            // Both sides usually come in key order (the database's rows are read
            // ordered by it): row i meets database row i first, and only rows that
            // do not line up are looked up by key.
            var match = [Int?](repeating: nil, count: seed.rows.count)
            var matched = [Bool](repeating: false, count: existingKeys.count)
            var allSeedRowsMatched = true
            for i in rowKeys.indices {
                if i < existingKeys.count, let k = existingKeys[i], k == rowKeys[i] {
                    match[i] = i
                    matched[i] = true
                } else {
                    allSeedRowsMatched = false
                }
            }
            if !allSeedRowsMatched && !existingKeys.isEmpty {
                var byKey: [SeedKey: Int] = [:]
                byKey.reserveCapacity(existingKeys.count)
                for (i, k) in existingKeys.enumerated() { if let k { byKey[k] = i } }
                for i in rowKeys.indices where match[i] == nil { match[i] = byKey[rowKeys[i]] }
            }
            var lacking: [(SeedKey, [SeedValue])] = []
            if matched.contains(false) {
                let seedKeys = Set(rowKeys)
                for (j, (k, row)) in zip(existingKeys, existing.rows).enumerated() where !matched[j] {
                    if let k, !seedKeys.contains(k) { lacking.append((k, row)) }
                }
            }
            let owned = lacking.isEmpty ? [] : otherSetKeys[seed.name] ?? otherSetLookup?(seed.name) ?? []
            var stay: [[SeedValue]] = []
            for (k, row) in lacking {
                if !owned.contains(k) { plan.extras.append(k) }
                if !prune || owned.contains(k) { stay.append(row) }
            }
            plan.extras.sort()
            remaining[seed.name] = stay
            let compared = seed.updateColumns.map { column in
                (name: column.name, seed: seed.index(of: column.name)!, database: existing.columns.firstIndex { $0.name == column.name })
            }
            for (i, row) in seed.rows.enumerated() {
                guard let position = match[i] else {
                    plan.inserts.append(row)
                    continue
                }
                let key = rowKeys[i]
                let current = existing.rows[position]
                var changes: [ColumnChange] = []
                for column in compared {
                    let new = row.values[column.seed]
                    let old = column.database.map { current[$0] } ?? .null
                    if old != new { changes.append(ColumnChange(column: column.name, old: old, new: new)) }
                }
                if changes.isEmpty { plan.unchanged += 1 } else { plan.updates.append(RowUpdate(row: row, key: key, changes: changes)) }
            }
            collisions(seed, existing, stay, &diagnostics)
            plans.append(plan)
        }
        parents(ordered, remaining, state, &diagnostics)
        return (SeedPlan(tables: plans, prune: prune), diagnostics.sorted())
    }

    /// Unique values of seed rows already used by database rows that stay.
    func collisions(_ seed: SeedTable, _ existing: ExistingRows, _ stay: [[SeedValue]], _ diagnostics: inout [SeedDiagnostic]) {
        for unique in seed.table.uniqueConstraints {
            let columns = unique.columns.map(\.column)
            guard Set(columns).isSubset(of: seed.columnNames), let indexes = seed.indexes(of: columns) else { continue }
            var taken: [SeedKey: [SeedValue]] = [:]
            if let stayIndexes = existing.indexes(of: columns) {
                for row in stay { taken[SeedKey(stayIndexes.map { row[$0] })] = row }
            }
            guard !taken.isEmpty else { continue }
            for row in seed.rows {
                let v = seed.values(of: row, at: indexes)
                guard let other = taken[v] else { continue }
                let owner = existing.values(other, seed.keyColumns)?.describe(seed.keyColumns) ?? "?"
                diagnostics.append(.init(file: row.file, line: row.line, column: columns[0],
                                         message: "\(v.describe(columns)) is already used by the database row \(owner) (\(unique.name))"
                                            + (prune ? "" : "; delete that row or run with --prune")))
            }
        }
    }

    /// Every foreign key of every seed row must find its parent in the seed,
    /// in database rows of seeded tables that stay, or in unseeded parent tables.
    func parents(_ ordered: [SeedTable], _ remaining: [QualifiedName: [[SeedValue]]], _ state: SeedDatabaseState, _ diagnostics: inout [SeedDiagnostic]) {
        let seeds = Dictionary(uniqueKeysWithValues: ordered.map { ($0.name, $0) })
        for seed in ordered {
            for fk in seed.table.foreignKeys where Set(fk.columns).isSubset(of: seed.columnNames) {
                var available: Set<SeedKey> = []
                if let parent = seeds[fk.referencedTable] {
                    if let indexes = parent.indexes(of: fk.referencedColumns) {
                        for row in parent.rows { available.insert(parent.values(of: row, at: indexes)) }
                    }
                    if let existing = state.rows[fk.referencedTable], let indexes = existing.indexes(of: fk.referencedColumns) {
                        for row in remaining[fk.referencedTable] ?? [] { available.insert(SeedKey(indexes.map { row[$0] })) }
                    }
                } else {
                    available = state.parentKeys[ParentReference(table: fk.referencedTable, columns: fk.referencedColumns)] ?? []
                }
                guard let indexes = seed.indexes(of: fk.columns) else { continue }
                for row in seed.rows {
                    let k = seed.values(of: row, at: indexes)
                    guard !k.values.contains(.null), !available.contains(k) else { continue }
                    let target = SeedKey(k.values).describe(fk.referencedColumns)
                    diagnostics.append(.init(file: row.file, line: row.line, column: fk.columns[0],
                                             message: "no \(fk.referencedTable) row with \(target) in the seed set or the database (\(fk.name))"))
                }
            }
        }
    }
}
