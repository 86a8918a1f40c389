import OEEModel

extension DiffRun {
    /// Pairs tables across the models by name or by an explicit `renamedFrom`
    /// hint; the rest are created or dropped.
    mutating func matchTables() {
        var oldByName: [QualifiedName: Table] = [:]
        for (q, t) in old.allTables where oldByName[q] == nil { oldByName[q] = t }
        var matchedOld: Set<QualifiedName> = []
        for (q, t) in new.allTables {
            if let before = oldByName[q] {
                pairs.append(TablePair(old: q, new: q, before: before, after: t))
                matchedOld.insert(q)
            } else if let hint = t.renamedFrom, let before = oldByName[QualifiedName(q.schema, hint)],
                      new.table(QualifiedName(q.schema, hint)) == nil {
                let from = QualifiedName(q.schema, hint)
                pairs.append(TablePair(old: from, new: q, before: before, after: t))
                matchedOld.insert(from)
                renamedTo[from] = q
                builder.add(.renames, .renameTable(from: from, to: q.name))
            } else {
                createdTables.append((q, t))
            }
        }
        for (q, t) in old.allTables where !matchedOld.contains(q) {
            droppedTables.append((q, t))
        }
        for (q, t) in createdTables {
            builder.add(.createTablesAndColumns, .createTable(q, t))
            for index in t.indexes { builder.add(.createIndexes, .createIndex(q, index)) }
            describeNewTable(q, t)
        }
        for (q, t) in droppedTables.reversed() {
            builder.add(.dropColumnsAndTables, .dropTable(q, t))
        }
    }

    mutating func describeNewTable(_ q: QualifiedName, _ t: Table) {
        describe(.table(q), from: nil, to: t.description)
        for c in t.columns { describe(.column(q, c.name), from: nil, to: c.description) }
        if let pk = t.primaryKey { describe(.constraint(q, pk.name), from: nil, to: pk.description) }
        for u in t.uniqueConstraints { describe(.constraint(q, u.name), from: nil, to: u.description) }
        for c in t.checks { describe(.constraint(q, c.name), from: nil, to: c.description) }
        for f in t.foreignKeys { describe(.constraint(q, f.name), from: nil, to: f.description) }
        for i in t.indexes { describe(.index(q, i.name), from: nil, to: i.description) }
    }

    /// Columns, constraints and indexes of one table present in both models.
    mutating func diffTable(_ pair: TablePair) {
        let q = pair.new
        let before = pair.before, after = pair.after
        describe(.table(q), from: before.description, to: after.description)
        if before.partitioning != after.partitioning {
            problems.append("\(q): moving the table onto another partition scheme or column (\(before.partitioning.map { "\($0.partitionScheme)(\($0.partitionColumn))" } ?? "none") → \(after.partitioning.map { "\($0.partitionScheme)(\($0.partitionColumn))" } ?? "none")) rebuilds it; do it as a deliberate hand-written migration")
        }
        if before.compression != after.compression {
            problems.append("\(q): changing table compression (\(before.compression?.rawValue ?? "NONE") → \(after.compression?.rawValue ?? "NONE")) rebuilds the table; do it as a deliberate hand-written migration (ALTER TABLE … REBUILD)")
        }

        // Columns, matched by name or by rename hint.
        var oldColumns = Dictionary(before.columns.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        var changedColumns: Set<String> = []   // new names of columns altered or recomputed
        var newToOld: [String: String] = [:]
        for c in after.columns {
            if oldColumns[c.name] != nil {
                newToOld[c.name] = c.name
            } else if let hint = c.renamedFrom, oldColumns[hint] != nil, after.column(named: hint) == nil {
                newToOld[c.name] = hint
                builder.add(.renames, .renameColumn(q, from: hint, to: c.name))
                securityTouchedColumns[pair.old, default: []].insert(hint)
            }
        }
        let oldToNew = Dictionary(newToOld.map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        var droppedColumns: [Column] = []
        for c in before.columns where oldToNew[c.name] == nil {
            droppedColumns.append(c)
        }
        let droppedNames = Set(droppedColumns.map(\.name))
        var altered: [(Column, Column)] = []
        var recreatedComputed: [(Column, Column)] = []
        for c in after.columns {
            guard let oldName = newToOld[c.name], let was = oldColumns.removeValue(forKey: oldName) else { continue }
            if was.identity != c.identity {
                problems.append("\(q).\(c.name): identity cannot be added, removed or reseeded in place (\(was.identity.map { "IDENTITY(\($0.seed), \($0.increment))" } ?? "none") → \(c.identity.map { "IDENTITY(\($0.seed), \($0.increment))" } ?? "none")); create a new table, copy the rows, and swap names in a hand-written migration")
                continue
            }
            if was.computed != c.computed {
                recreatedComputed.append((was, c))
                changedColumns.insert(c.name)
            } else if was.type != c.type || was.isNullable != c.isNullable {
                altered.append((was, c))
                changedColumns.insert(c.name)
            }
            describe(.column(q, c.name), from: was.description, to: c.description)
        }
        // Old names of touched columns, for matching old constraints and indexes.
        var touchedOld = droppedNames
        for name in changedColumns { if let o = newToOld[name] { touchedOld.insert(o) } }
        // A computed column reading an altered or dropped column blocks that
        // change on both engines: drop it before and add it back after.
        var recreatedNames = Set(recreatedComputed.map { $0.1.name })
        for c in after.columns where c.computed != nil && !recreatedNames.contains(c.name) {
            guard let oldName = newToOld[c.name], let was = before.column(named: oldName), let computed = was.computed,
                  computed.expression.referencedColumns.contains(where: { touchedOld.contains($0) }) else { continue }
            recreatedComputed.append((was, c))
            recreatedNames.insert(c.name)
            touchedOld.insert(oldName)
        }
        securityTouchedColumns[pair.old, default: []].formUnion(touchedOld)

        // Defaults: dropped when changed, or when their column is altered or dropped.
        for c in before.columns {
            guard let d = c.defaultConstraint else { continue }
            let newCol = oldToNew[c.name].flatMap { after.column(named: $0) }
            if newCol?.defaultConstraint != d || touchedOld.contains(c.name) {
                builder.add(.dropIndexesAndConstraints, .dropDefault(pair.old, column: c.name, d))
            }
        }
        // Computed columns go first: they may read the columns dropped after them.
        for (was, now) in recreatedComputed {
            builder.add(.dropColumnsAndTables, .dropColumn(q, Column(name: now.name, type: was.type, isNullable: was.isNullable, computed: was.computed)))
        }
        for c in droppedColumns.sorted(by: { ($0.computed != nil ? 0 : 1) < ($1.computed != nil ? 0 : 1) }) {
            builder.add(.dropColumnsAndTables, .dropColumn(q, c))
        }
        for (was, now) in altered {
            var target = now
            target.defaultConstraint = nil
            builder.add(.createTablesAndColumns, .alterColumn(q, from: Column(name: now.name, type: was.type, isNullable: was.isNullable), to: target))
        }
        for (_, now) in recreatedComputed { builder.add(.createTablesAndColumns, .addColumn(q, now)) }
        for c in after.columns where newToOld[c.name] == nil {
            builder.add(.createTablesAndColumns, .addColumn(q, c))
            describe(.column(q, c.name), from: nil, to: c.description)
        }
        for c in after.columns {
            guard let d = c.defaultConstraint, let oldName = newToOld[c.name] else { continue }
            let wasDefault = before.column(named: oldName)?.defaultConstraint
            if wasDefault != d || touchedOld.contains(oldName) {
                builder.add(.addConstraints, .addDefault(q, column: c.name, d))
            }
        }

        // Keys, checks and indexes on a column whose type or nullability
        // changes are rebuilt only where the dialect needs it (DiffOptions).
        var keyTouched = touchedOld
        if !options.rebuildKeysOnColumnChange {
            let recomputed = Set(recreatedComputed.map(\.0.name))
            for (was, _) in altered where !droppedNames.contains(was.name) && !recomputed.contains(was.name) { keyTouched.remove(was.name) }
        }
        diffKeysAndChecks(pair, touchedOld: keyTouched, renamedColumns: newToOld)
        diffIndexes(pair, touchedOld: keyTouched, renamedColumns: newToOld)
    }

    /// Old → new column names of a table pair, from `renamedFrom` hints (the
    /// same matching ``diffTable`` does).
    static func columnRenames(_ pair: TablePair) -> [String: String] {
        var renames: [String: String] = [:]
        let oldNames = Set(pair.before.columns.map(\.name))
        for c in pair.after.columns where !oldNames.contains(c.name) {
            if let hint = c.renamedFrom, oldNames.contains(hint), pair.after.column(named: hint) == nil { renames[hint] = c.name }
        }
        return renames
    }

    /// Maps an old column list to new names (renames applied).
    func renamed(_ columns: [String], _ newToOld: [String: String]) -> [String] {
        let oldToNew = Dictionary(newToOld.map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        return columns.map { oldToNew[$0] ?? $0 }
    }

    mutating func diffKeysAndChecks(_ pair: TablePair, touchedOld: Set<String>, renamedColumns: [String: String]) {
        let q = pair.new
        let before = pair.before, after = pair.after
        func touches(_ columns: [String]) -> Bool { columns.contains { touchedOld.contains($0) } }
        func mapKeys(_ keys: [IndexKey]) -> [IndexKey] {
            keys.map { IndexKey(renamed([$0.column], renamedColumns)[0], descending: $0.isDescending) }
        }

        // Primary key.
        let pkBefore = before.primaryKey.map { pk -> PrimaryKey in var p = pk; p.columns = mapKeys(pk.columns); return p }
        if pkBefore?.withoutDescription != after.primaryKey?.withoutDescription || (before.primaryKey.map { touches($0.columns.map(\.column)) } ?? false) {
            if let pk = before.primaryKey {
                builder.add(.dropIndexesAndConstraints, .dropPrimaryKey(pair.old, pk))
                rebuildForeignKeysReferencing(q, columns: Set(pk.columns.map(\.column)), oldTable: pair.old)
            }
            if let pk = after.primaryKey { builder.add(.addConstraints, .addPrimaryKey(q, pk)) }
        }
        if let pk = after.primaryKey { describe(.constraint(q, pk.name), from: before.primaryKey?.name == pk.name ? before.primaryKey?.description : nil, to: pk.description) }

        // Unique constraints, by name.
        let oldUniques = Dictionary(before.uniqueConstraints.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let newUniques = Dictionary(after.uniqueConstraints.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        for u in before.uniqueConstraints {
            var mapped = u
            mapped.columns = mapKeys(u.columns)
            if newUniques[u.name]?.withoutDescription != mapped.withoutDescription || touches(u.columns.map(\.column)) {
                builder.add(.dropIndexesAndConstraints, .dropUnique(pair.old, u))
                rebuildForeignKeysReferencing(q, columns: Set(u.columns.map(\.column)), oldTable: pair.old)
                if let now = newUniques[u.name] { builder.add(.addConstraints, .addUnique(q, now)) }
            }
        }
        for u in after.uniqueConstraints {
            if oldUniques[u.name] == nil { builder.add(.addConstraints, .addUnique(q, u)) }
            describe(.constraint(q, u.name), from: oldUniques[u.name]?.description, to: u.description)
        }

        // Checks, by name.
        let oldChecks = Dictionary(before.checks.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let newChecks = Dictionary(after.checks.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        for c in before.checks {
            let now = newChecks[c.name]
            if now?.expression != c.expression.renamingColumns(renamedColumns) || touches(c.expression.referencedColumns) {
                builder.add(.dropIndexesAndConstraints, .dropCheck(pair.old, c))
                if let now { builder.add(.addConstraints, .addCheck(q, now)) }
            }
        }
        for c in after.checks {
            if oldChecks[c.name] == nil { builder.add(.addConstraints, .addCheck(q, c)) }
            describe(.constraint(q, c.name), from: oldChecks[c.name]?.description, to: c.description)
        }

        // Foreign keys owned by this table: mark for rebuild when changed or touched.
        let oldFKs = Dictionary(before.foreignKeys.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        for fk in after.foreignKeys {
            guard let was = oldFKs[fk.name] else { continue }
            var mapped = was
            mapped.columns = renamed(was.columns, renamedColumns)
            mapped.referencedTable = renamedTo[was.referencedTable] ?? was.referencedTable
            // A renamed referenced column keeps the constraint (sp_rename follows it): no rebuild.
            let referencedRenames = columnRenames[mapped.referencedTable] ?? [:]
            mapped.referencedColumns = was.referencedColumns.map { referencedRenames[$0] ?? $0 }
            if mapped.withoutDescription != fk.withoutDescription || touches(was.columns) {
                foreignKeysToRebuild.insert("\(q)|\(fk.name)")
            }
        }
    }

    /// Foreign keys of other tables that reference `columns` of `table` must be
    /// dropped before its key is dropped, and re-added after.
    mutating func rebuildForeignKeysReferencing(_ table: QualifiedName, columns: Set<String>, oldTable: QualifiedName) {
        for (q, t) in old.allTables {
            for fk in t.foreignKeys where fk.referencedTable == oldTable && Set(fk.referencedColumns) == columns {
                foreignKeysToRebuild.insert("\(renamedTo[q] ?? q)|\(fk.name)")
            }
        }
    }

    mutating func diffIndexes(_ pair: TablePair, touchedOld: Set<String>, renamedColumns: [String: String]) {
        let q = pair.new
        let before = pair.before, after = pair.after
        var oldIndexes = Dictionary(before.indexes.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        func touches(_ i: Index) -> Bool {
            (i.keys.map(\.column) + i.included + (i.filter?.referencedColumns ?? [])).contains { touchedOld.contains($0) }
        }
        func mapped(_ i: Index) -> Index {
            var m = i
            m.keys = i.keys.map { IndexKey(renamed([$0.column], renamedColumns)[0], descending: $0.isDescending) }
            m.included = renamed(i.included, renamedColumns)
            m.filter = i.filter?.renamingColumns(renamedColumns)
            return m
        }
        for index in after.indexes {
            var was = oldIndexes.removeValue(forKey: index.name)
            if was == nil, let hint = index.renamedFrom, after.indexes.allSatisfy({ $0.name != hint }), let old = oldIndexes.removeValue(forKey: hint) {
                // An index rebuilt because its columns change is dropped under
                // its old name and created under the new one: no rename.
                if !touches(old) { builder.add(.renames, .renameIndex(q, from: hint, to: index.name)) }
                was = old
            }
            guard let was else {
                builder.add(.createIndexes, .createIndex(q, index))
                describe(.index(q, index.name), from: nil, to: index.description)
                continue
            }
            var renamedWas = mapped(was)
            renamedWas.name = index.name
            if touches(was) {
                builder.add(.dropIndexesAndConstraints, .dropIndex(pair.old, was))
                builder.add(.createIndexes, .createIndex(q, index))
            } else if renamedWas.definition.ignoringRollingBound(index.rolling) != index.definition.ignoringRollingBound(index.rolling) {
                builder.add(.createIndexes, .recreateIndex(q, from: renamedWas, to: index))
            }
            describe(.index(q, index.name), from: was.description, to: index.description)
        }
        for index in before.indexes where oldIndexes[index.name] != nil {
            builder.add(.dropIndexesAndConstraints, .dropIndex(pair.old, index))
        }
    }

    /// Foreign keys: created with new tables or added; dropped with removed
    /// ones, changed ones and ones whose referenced key is rebuilt.
    mutating func diffForeignKeys() {
        let droppedTableNames = Set(droppedTables.map(\.0))
        var newFKs: [String: (QualifiedName, ForeignKey)] = [:]
        for (q, t) in new.allTables { for fk in t.foreignKeys { newFKs["\(q)|\(fk.name)"] = (q, fk) } }
        // Drops first (in old-model order), from tables that survive or are dropped.
        var kept: Set<String> = []
        for (oq, t) in old.allTables {
            let q = renamedTo[oq] ?? oq
            for fk in t.foreignKeys {
                let key = "\(q)|\(fk.name)"
                let survives = !droppedTableNames.contains(oq) && newFKs[key] != nil && !foreignKeysToRebuild.contains(key)
                if survives {
                    kept.insert(key)
                } else {
                    // Runs before renames: the table still has its old name.
                    builder.add(.dropForeignKeys, .dropForeignKey(oq, fk))
                }
            }
        }
        let created = Set(createdTables.map(\.0))
        let oldNameOf = Dictionary(pairs.map { ($0.new, $0.old) }, uniquingKeysWith: { a, _ in a })
        let oldTables = Dictionary(old.allTables.map { ($0.name, $0.table) }, uniquingKeysWith: { a, _ in a })
        for (q, t) in new.allTables {
            for fk in t.foreignKeys where !kept.contains("\(q)|\(fk.name)") {
                builder.add(.addForeignKeys, .addForeignKey(q, fk))
            }
            if !created.contains(q) {
                let oldName = oldNameOf[q] ?? q
                for fk in t.foreignKeys {
                    let before = oldTables[oldName]?.foreignKeys.first { $0.name == fk.name }
                    describe(.constraint(q, fk.name), from: kept.contains("\(q)|\(fk.name)") ? before?.description : nil, to: fk.description)
                }
            }
        }
    }
}

extension PrimaryKey {
    var withoutDescription: PrimaryKey { var k = self; k.description = nil; return k }
}

extension UniqueConstraint {
    var withoutDescription: UniqueConstraint { var k = self; k.description = nil; return k }
}

extension ForeignKey {
    var withoutDescription: ForeignKey { var k = self; k.description = nil; return k }
}

extension Index {
    /// What a rebuild changes: everything but name, description and rename hint.
    var definition: Index {
        var i = self
        i.description = nil
        i.renamedFrom = nil
        i.name = ""
        i.allowsUnaligned = false
        return i
    }
}

extension Expression {
    /// The same expression with columns renamed (`old → new` given as `new → old`).
    func renamingColumns(_ newToOld: [String: String]) -> Expression {
        let oldToNew = Dictionary(newToOld.map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        if oldToNew.allSatisfy({ $0.key == $0.value }) { return self }
        return mapColumns { oldToNew[$0] ?? $0 }
    }

    func mapColumns(_ f: (String) -> String) -> Expression {
        switch self {
        case .column(let c): return .column(f(c))
        case .parameter, .literal, .raw: return self
        case .binary(let l, let op, let r): return .binary(lhs: l.mapColumns(f), op: op, rhs: r.mapColumns(f))
        case .and(let xs): return .and(xs.map { $0.mapColumns(f) })
        case .or(let xs): return .or(xs.map { $0.mapColumns(f) })
        case .not(let x): return .not(x.mapColumns(f))
        case .isNull(let x, let n): return .isNull(x.mapColumns(f), negated: n)
        case .inList(let x, let vs, let n): return .inList(x.mapColumns(f), values: vs.map { $0.mapColumns(f) }, negated: n)
        case .call(let name, let args): return .call(name, arguments: args.map { $0.mapColumns(f) })
        case .cast(let x, let t): return .cast(x.mapColumns(f), as: t)
        }
    }
}
