extension ValidationContext {
    mutating func checkTable(_ table: Table, in schema: Schema) {
        let q = QualifiedName(schema.name, table.name)
        let path = q.description
        let columns = columnsByTable[q] ?? [:]
        checkIdentifier(table.name, kind: "table", path: path)
        if table.columns.isEmpty {
            error(path, "table has no columns", rule: "table.no-columns")
        }
        checkDuplicates(table.columns.map { ($0.name, "column") }, scope: "table \(path)", path: path)
        var indexNames = table.indexes.map { ($0.name, "index") }
        if let pk = table.primaryKey { indexNames.insert((pk.name, "primary key"), at: 0) }
        indexNames += table.uniqueConstraints.map { ($0.name, "unique constraint") }
        checkDuplicates(indexNames, scope: "the indexes of \(path)", path: path)

        for column in table.columns { checkColumn(column, table: table, path: path, columns: columns) }
        if table.columns.filter({ $0.identity != nil }).count > 1 {
            error(path, "table has more than one identity column", rule: "column.identity-multiple")
        }
        for name in table.constraintNames { checkIdentifier(name, kind: "constraint", path: path) }

        if let pk = table.primaryKey {
            checkKeyColumns(pk.columns.map(\.column), what: "primary key \(pk.name)", path: path, columns: columns)
            for key in pk.columns {
                if let c = columns[key.column], c.isNullable {
                    error(path, "primary key \(pk.name) column '\(key.column)' is nullable; primary key columns must be NOT NULL", rule: "pk.nullable")
                }
            }
        }
        for uq in table.uniqueConstraints {
            checkKeyColumns(uq.columns.map(\.column), what: "unique constraint \(uq.name)", path: path, columns: columns)
        }
        for check in table.checks {
            checkExpressionColumns(check.expression, what: "check \(check.name)", path: path, columns: columns)
            if !check.expression.referencedParameters.isEmpty {
                error(path, "check \(check.name) refers to a parameter; checks may only use the table's columns", rule: "check.parameter")
            }
        }
        for fk in table.foreignKeys { checkForeignKey(fk, table: table, path: path, columns: columns) }
        for index in table.indexes { checkIndex(index, table: table, path: path, columns: columns) }

        let clustered = (table.primaryKey?.isClustered == true ? [table.primaryKey!.name] : [])
            + table.indexes.filter { $0.kind.isClustered }.map(\.name)
        if clustered.count > 1 {
            error(path, "table has \(clustered.count) clustered indexes (\(clustered.joined(separator: ", "))); at most one clustered index or clustered columnstore is allowed", rule: "index.clustered-multiple")
        }
        checkPartitioning(table, path: path, columns: columns)
        checkTableCompression(table, path: path)
    }

    /// Columnstore compression belongs to columnstore indexes, not to a table.
    mutating func checkTableCompression(_ table: Table, path: String) {
        if let c = table.compression, c == .columnstore || c == .columnstoreArchive {
            error(path, "table compression \(c.rawValue) applies only to columnstore indexes; use NONE, ROW or PAGE, or declare a clustered columnstore index", rule: "table.compression")
        }
    }

    mutating func checkColumn(_ column: Column, table: Table, path: String, columns: [String: Column]) {
        let what = "column '\(column.name)'"
        checkIdentifier(column.name, kind: "column", path: path)
        checkType(column.type, what: what, path: path)
        if let identity = column.identity {
            switch column.type {
            case .tinyint, .smallint, .int, .bigint, .decimal(_, 0): break
            default:
                error(path, "\(what) is an identity of type \(column.type); identity needs an integer type or decimal(p,0)", rule: "column.identity-type")
            }
            if column.isNullable { error(path, "\(what) is an identity and must be NOT NULL", rule: "column.identity-nullable") }
            if identity.increment == 0 { error(path, "\(what) has identity increment 0", rule: "column.identity-increment") }
            if column.defaultConstraint != nil { error(path, "\(what) has both identity and a default", rule: "column.identity-default") }
        }
        if let def = column.defaultConstraint {
            if !def.expression.referencedColumns.isEmpty {
                error(path, "default \(def.name) on \(what) refers to column '\(def.expression.referencedColumns[0])'; defaults may only use constants and functions", rule: "default.column-reference")
            }
            if column.computed != nil { error(path, "\(what) is computed and cannot have default \(def.name)", rule: "default.computed") }
        }
        if let computed = column.computed {
            checkExpressionColumns(computed.expression, what: "computed \(what)", path: path, columns: columns)
            if computed.expression.referencedColumns.contains(column.name) {
                error(path, "computed \(what) refers to itself", rule: "column.computed-self")
            }
            if column.identity != nil { error(path, "\(what) is computed and cannot be an identity", rule: "column.identity-computed") }
        }
    }

    mutating func checkKeyColumns(_ keys: [String], what: String, path: String, columns: [String: Column]) {
        if keys.isEmpty { error(path, "\(what) has no columns", rule: "key.empty") }
        for k in keys where columns[k] == nil {
            error(path, "\(what) references missing column '\(k)'", rule: "ref.column")
        }
        var seen: Set<String> = []
        for k in keys where !seen.insert(k).inserted {
            error(path, "\(what) lists column '\(k)' twice", rule: "key.duplicate-column")
        }
    }

    mutating func checkExpressionColumns(_ expression: Expression, what: String, path: String, columns: [String: Column]) {
        for c in expression.referencedColumns where columns[c] == nil {
            error(path, "\(what) references missing column '\(c)'", rule: "ref.column")
        }
    }

    mutating func checkForeignKey(_ fk: ForeignKey, table: Table, path: String, columns: [String: Column]) {
        let what = "foreign key \(fk.name)"
        checkKeyColumns(fk.columns, what: what, path: path, columns: columns)
        guard schemaNames.contains(fk.referencedTable.schema) else {
            error(path, "\(what) references missing schema '\(fk.referencedTable.schema)'", rule: "ref.schema")
            return
        }
        guard let target = tables[fk.referencedTable], let targetColumns = columnsByTable[fk.referencedTable] else {
            error(path, "\(what) references missing table '\(fk.referencedTable)'", rule: "ref.table")
            return
        }
        var targetsResolve = true
        for c in fk.referencedColumns where targetColumns[c] == nil {
            error(path, "\(what) references missing column '\(c)' of \(fk.referencedTable)", rule: "ref.column")
            targetsResolve = false
        }
        guard fk.columns.count == fk.referencedColumns.count else {
            error(path, "\(what) has \(fk.columns.count) column(s) but references \(fk.referencedColumns.count) column(s) of \(fk.referencedTable)", rule: "fk.column-count")
            return
        }
        for (local, remote) in zip(fk.columns, fk.referencedColumns) {
            if let l = columns[local], let r = targetColumns[remote], l.type != r.type {
                error(path, "\(what) column '\(local)' is \(l.type) but \(fk.referencedTable).\(remote) is \(r.type); the types must match", rule: "fk.type-mismatch")
            }
        }
        guard targetsResolve else { return }
        let wanted = Set(fk.referencedColumns)
        var keys: [Set<String>] = target.uniqueConstraints.map { Set($0.columns.map(\.column)) }
        if let pk = target.primaryKey { keys.append(Set(pk.columns.map(\.column))) }
        keys += target.indexes.filter { $0.isUnique && $0.filter == nil && !$0.kind.isColumnstore }.map { Set($0.keys.map(\.column)) }
        if !keys.contains(wanted) {
            error(path, "\(what) references (\(fk.referencedColumns.joined(separator: ", "))) of \(fk.referencedTable), which is not its primary key or a unique key; add a unique constraint on those columns", rule: "fk.not-a-key")
        }
        if fk.onDelete == .setNull || fk.onUpdate == .setNull {
            for c in fk.columns where columns[c]?.isNullable == false {
                error(path, "\(what) uses SET NULL but column '\(c)' is NOT NULL", rule: "fk.set-null")
            }
        }
    }

    mutating func checkIndex(_ index: Index, table: Table, path: String, columns: [String: Column]) {
        let what = "index \(index.name)"
        checkIdentifier(index.name, kind: "index", path: path)
        switch index.kind {
        case .clusteredColumnstore:
            if !index.keys.isEmpty { error(path, "\(what) is a clustered columnstore and cannot have key columns", rule: "index.columnstore-keys") }
            if !index.included.isEmpty { error(path, "\(what) is a clustered columnstore and cannot have INCLUDE columns", rule: "index.columnstore-include") }
            if index.filter != nil { error(path, "\(what) is a clustered columnstore and cannot be filtered", rule: "index.columnstore-filter") }
            if index.isUnique { error(path, "\(what) is a columnstore and cannot be unique", rule: "index.columnstore-unique") }
        case .nonclusteredColumnstore:
            checkKeyColumns(index.keys.map(\.column), what: what, path: path, columns: columns)
            if !index.included.isEmpty { error(path, "\(what) is a columnstore and cannot have INCLUDE columns; list them as its columns", rule: "index.columnstore-include") }
            if index.isUnique { error(path, "\(what) is a columnstore and cannot be unique", rule: "index.columnstore-unique") }
        case .clustered, .nonclustered:
            checkKeyColumns(index.keys.map(\.column), what: what, path: path, columns: columns)
            if index.kind == .clustered && !index.included.isEmpty {
                error(path, "\(what) is clustered and cannot have INCLUDE columns (it holds every column)", rule: "index.clustered-include")
            }
            if index.kind == .clustered && index.filter != nil {
                error(path, "\(what) is clustered and cannot be filtered", rule: "index.clustered-filter")
            }
        }
        if let c = index.compression, index.kind.isColumnstore != (c == .columnstore || c == .columnstoreArchive) {
            error(path, "\(what) cannot use DATA_COMPRESSION = \(c.rawValue) for a \(index.kind.rawValue) index", rule: "index.compression")
        }
        let keySet = Set(index.keys.map(\.column))
        for inc in index.included {
            if columns[inc] == nil {
                error(path, "\(what) INCLUDE references missing column '\(inc)'", rule: "ref.column")
            } else if keySet.contains(inc) {
                error(path, "\(what) lists '\(inc)' both as key and INCLUDE column", rule: "index.include-key")
            }
        }
        if let filter = index.filter {
            checkExpressionColumns(filter, what: "\(what) filter", path: path, columns: columns)
            if let why = filter.filterPredicateViolation {
                error(path, "\(what) filter \(why); a filtered index allows only 'column op constant', IS [NOT] NULL and IN, joined by AND", rule: "index.filter")
            }
        }
        for key in index.keys {
            if let c = columns[key.column], !index.kind.isColumnstore, c.type.length == .max {
                error(path, "\(what) uses '\(key.column)' (\(c.type)) as a key column; max types cannot be index keys", rule: "index.key-max")
            }
        }
    }
}
