/// The whole model: schemas and database-scoped objects (partition functions
/// and schemes). Everything else is owned by a schema.
public struct Database: Hashable, Sendable, Codable {
    public var name: String
    public var description: String?
    public var schemas: [Schema]
    public var partitionFunctions: [PartitionFunction]
    public var partitionSchemes: [PartitionScheme]

    public init(
        name: String, description: String? = nil, schemas: [Schema] = [],
        partitionFunctions: [PartitionFunction] = [], partitionSchemes: [PartitionScheme] = []
    ) {
        self.name = name
        self.description = description
        self.schemas = schemas
        self.partitionFunctions = partitionFunctions
        self.partitionSchemes = partitionSchemes
    }

    public func schema(named name: String) -> Schema? {
        schemas.first { $0.name == name }
    }

    /// Every table with its qualified name, in declaration order.
    public var allTables: [(name: QualifiedName, table: Table)] {
        schemas.flatMap { s in s.tables.map { (QualifiedName(s.name, $0.name), $0) } }
    }

    public func table(_ name: QualifiedName) -> Table? {
        schema(named: name.schema)?.tables.first { $0.name == name.name }
    }

    public func partitionFunction(named name: String) -> PartitionFunction? {
        partitionFunctions.first { $0.name == name }
    }

    public func partitionScheme(named name: String) -> PartitionScheme? {
        partitionSchemes.first { $0.name == name }
    }
}
