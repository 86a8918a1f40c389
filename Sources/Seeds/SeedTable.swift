import OEEModel

/// The validated rows for one table, merged from every file that loads it.
public struct SeedTable: Hashable, Sendable {
    public var name: QualifiedName
    public var table: Table
    /// The files the rows come from, in load order.
    public var files: [String]
    /// The seeded columns, in the first file's header order.
    public var columns: [Column]
    public var rows: [SeedRow]

    public init(name: QualifiedName, table: Table, files: [String], columns: [Column], rows: [SeedRow]) {
        self.name = name
        self.table = table
        self.files = files
        self.columns = columns
        self.rows = rows
    }

    public var columnNames: [String] { columns.map(\.name) }

    /// Primary-key column names (every seedable table has a primary key).
    public var keyColumns: [String] { table.primaryKey?.columns.map(\.column) ?? [] }

    /// Seeded columns that are not part of the primary key: the ones an upsert updates.
    public var updateColumns: [Column] {
        let key = Set(keyColumns)
        return columns.filter { !key.contains($0.name) && $0.identity == nil }
    }

    /// Seeded identity columns (explicit values need IDENTITY_INSERT / OVERRIDING SYSTEM VALUE).
    public var identityColumns: [Column] { columns.filter { $0.identity != nil } }

    public func index(of column: String) -> Int? {
        columns.firstIndex { $0.name == column }
    }

    public func key(of row: SeedRow) -> SeedKey {
        SeedKey(keyColumns.map { c in index(of: c).map { row.values[$0] } ?? .null })
    }

    /// The positions of `columns`, nil if one is not seeded: found once, then
    /// used for every row with ``values(of:at:)``.
    func indexes(of columns: [String]) -> [Int]? {
        var result: [Int] = []
        for c in columns {
            guard let i = index(of: c) else { return nil }
            result.append(i)
        }
        return result
    }

    /// The row's values at positions from ``indexes(of:)``.
    func values(of row: SeedRow, at indexes: [Int]) -> SeedKey {
        SeedKey(indexes.map { row.values[$0] })
    }

    public func values(of row: SeedRow, _ columns: [String]) -> SeedKey? {
        var result: [SeedValue] = []
        for c in columns {
            guard let i = index(of: c) else { return nil }
            result.append(row.values[i])
        }
        return SeedKey(result)
    }
}

/// One seed row: values aligned with ``SeedTable/columns`` and where it was written.
public struct SeedRow: Hashable, Sendable {
    public var file: String
    public var line: Int
    public var values: [SeedValue]

    public init(file: String, line: Int, values: [SeedValue]) {
        self.file = file
        self.line = line
        self.values = values
    }

    /// Where the row is written: unique among the rows of one load.
    struct Place: Hashable { var file: String; var line: Int }
    var place: Place { Place(file: file, line: line) }
}
