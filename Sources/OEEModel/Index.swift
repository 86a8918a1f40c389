/// An index: rowstore (clustered or nonclustered, optionally unique and
/// filtered, with INCLUDE columns) or columnstore.
public struct Index: Hashable, Sendable, Codable {
    public var name: String
    public var kind: Kind
    public var isUnique: Bool
    /// Key columns; for a nonclustered columnstore, its column list; empty for a
    /// clustered columnstore (it has no keys).
    public var keys: [IndexKey]
    /// INCLUDE columns, in declared order.
    public var included: [String]
    /// A filtered index's WHERE predicate.
    public var filter: Expression?
    public var compression: DataCompression?
    public var placement: Placement
    /// Opt-out of the "not aligned with the table's partition scheme" warning.
    public var allowsUnaligned: Bool
    public var description: String?
    public var renamedFrom: String?
    /// A filter lower bound that rolls with the maintenance clock; nil for a
    /// fixed filter. Optional so older snapshots still decode.
    public var rolling: RollingFilter?

    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        case clustered
        case nonclustered
        case clusteredColumnstore = "clustered columnstore"
        case nonclusteredColumnstore = "nonclustered columnstore"

        public var isClustered: Bool { self == .clustered || self == .clusteredColumnstore }
        public var isColumnstore: Bool { self == .clusteredColumnstore || self == .nonclusteredColumnstore }
    }

    public init(
        name: String, kind: Kind = .nonclustered, isUnique: Bool = false, keys: [IndexKey] = [],
        included: [String] = [], filter: Expression? = nil, compression: DataCompression? = nil,
        placement: Placement = .table, allowsUnaligned: Bool = false, description: String? = nil,
        renamedFrom: String? = nil
    ) {
        self.name = name
        self.kind = kind
        self.isUnique = isUnique
        self.keys = keys
        self.included = included
        self.filter = filter
        self.compression = compression
        self.placement = placement
        self.allowsUnaligned = allowsUnaligned
        self.description = description
        self.renamedFrom = renamedFrom
    }
}

/// `DATA_COMPRESSION = …`.
public enum DataCompression: String, Hashable, Sendable, Codable, CaseIterable {
    case none = "NONE"
    case row = "ROW"
    case page = "PAGE"
    case columnstore = "COLUMNSTORE"
    case columnstoreArchive = "COLUMNSTORE_ARCHIVE"
}

/// Where an index or a table's data lives.
public enum Placement: Hashable, Sendable, Codable {
    /// The table's own data space: aligned with its partition scheme, if any.
    case table
    /// A named filegroup (`PRIMARY`): not partitioned.
    case filegroup(String)
    /// `ON scheme(column)`.
    case partitionScheme(String, column: String)
}

/// A table's own storage: its partition scheme and column, or a filegroup.
public struct TableStorage: Hashable, Sendable, Codable {
    public var partitionScheme: String
    public var partitionColumn: String

    public init(partitionScheme: String, partitionColumn: String) {
        self.partitionScheme = partitionScheme
        self.partitionColumn = partitionColumn
    }
}
