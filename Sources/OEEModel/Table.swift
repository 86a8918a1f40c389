/// A table with its columns, constraints, indexes and storage.
public struct Table: Hashable, Sendable, Codable {
    public var name: String
    public var description: String?
    public var columns: [Column]
    public var primaryKey: PrimaryKey?
    public var uniqueConstraints: [UniqueConstraint]
    public var foreignKeys: [ForeignKey]
    public var checks: [CheckConstraint]
    public var indexes: [Index]
    /// The partition scheme and column the table (its heap or clustered index) lives on.
    public var partitioning: TableStorage?
    /// Compression of the heap or clustered index.
    public var compression: DataCompression?
    /// The table's previous name, when it is being renamed.
    public var renamedFrom: String?

    public init(
        name: String, description: String? = nil, columns: [Column] = [], primaryKey: PrimaryKey? = nil,
        uniqueConstraints: [UniqueConstraint] = [], foreignKeys: [ForeignKey] = [], checks: [CheckConstraint] = [],
        indexes: [Index] = [], partitioning: TableStorage? = nil, compression: DataCompression? = nil,
        renamedFrom: String? = nil
    ) {
        self.name = name
        self.description = description
        self.columns = columns
        self.primaryKey = primaryKey
        self.uniqueConstraints = uniqueConstraints
        self.foreignKeys = foreignKeys
        self.checks = checks
        self.indexes = indexes
        self.partitioning = partitioning
        self.compression = compression
        self.renamedFrom = renamedFrom
    }

    public func column(named name: String) -> Column? {
        columns.first { $0.name == name }
    }

    /// The clustered index of the table: a clustered primary key or a clustered
    /// (columnstore) index, if any.
    public var hasClusteredIndex: Bool {
        (primaryKey?.isClustered ?? false) || indexes.contains { $0.kind.isClustered }
    }

    /// Names of every constraint on the table (primary key, unique, foreign key,
    /// check, default), which SQL Server scopes per schema.
    public var constraintNames: [String] {
        var names: [String] = []
        if let pk = primaryKey { names.append(pk.name) }
        names += uniqueConstraints.map(\.name)
        names += foreignKeys.map(\.name)
        names += checks.map(\.name)
        names += columns.compactMap { $0.defaultConstraint?.name }
        return names
    }
}
