import OEEModel

/// What loading a seed set does to one table: rows to insert, rows to
/// update (with the columns that change), rows already equal, and database
/// rows the seed lacks (deleted only when pruning).
public struct TablePlan: Sendable {
    public var seed: SeedTable
    public var inserts: [SeedRow] = []
    public var updates: [RowUpdate] = []
    public var unchanged = 0
    /// Keys of database rows the seed lacks (and no other set owns), sorted.
    public var extras: [SeedKey] = []
    public var prune = false

    public var name: QualifiedName { seed.name }
    public var deletes: [SeedKey] { prune ? extras : [] }
    public var changesSomething: Bool { !inserts.isEmpty || !updates.isEmpty || !deletes.isEmpty }
}

/// A seed row that differs from its database row, column by column.
public struct RowUpdate: Sendable {
    public var row: SeedRow
    public var key: SeedKey
    public var changes: [ColumnChange]
}

public struct ColumnChange: Hashable, Sendable {
    public var column: String
    public var old: SeedValue
    public var new: SeedValue
}

/// Every table's plan, parents first. Deletes run children first.
public struct SeedPlan: Sendable {
    public var tables: [TablePlan]
    public var prune: Bool

    public var changesSomething: Bool { tables.contains(where: \.changesSomething) }
}

/// The rows a database holds now, as the loader read them.
public struct SeedDatabaseState: Sendable {
    /// Every non-computed column of each seeded table.
    public var rows: [QualifiedName: ExistingRows]
    /// Distinct values of referenced columns in parent tables the seed does not load.
    public var parentKeys: [ParentReference: Set<SeedKey>]

    public init(rows: [QualifiedName: ExistingRows] = [:], parentKeys: [ParentReference: Set<SeedKey>] = [:]) {
        self.rows = rows
        self.parentKeys = parentKeys
    }
}

/// A table's current rows: values aligned with `columns`.
public struct ExistingRows: Sendable {
    public var columns: [Column]
    public var rows: [[SeedValue]]

    public init(columns: [Column], rows: [[SeedValue]]) {
        self.columns = columns
        self.rows = rows
    }

    /// The positions of `names`, nil if one is missing: found once, then used for every row.
    func indexes(of names: [String]) -> [Int]? {
        var result: [Int] = []
        for n in names {
            guard let i = columns.firstIndex(where: { $0.name == n }) else { return nil }
            result.append(i)
        }
        return result
    }

    public func values(_ row: [SeedValue], _ names: [String]) -> SeedKey? {
        var result: [SeedValue] = []
        for n in names {
            guard let i = columns.firstIndex(where: { $0.name == n }) else { return nil }
            result.append(row[i])
        }
        return SeedKey(result)
    }
}

/// Referenced columns of a parent table: what a foreign key needs to exist.
public struct ParentReference: Hashable, Sendable {
    public var table: QualifiedName
    public var columns: [String]

    public init(table: QualifiedName, columns: [String]) {
        self.table = table
        self.columns = columns
    }
}
