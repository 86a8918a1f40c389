/// What a ``Database`` body may contain.
public enum DatabaseElement: Hashable, Sendable {
    case schema(Schema)
    case partitionFunction(PartitionFunction)
    case partitionScheme(PartitionScheme)
}

/// What a ``Schema`` body may contain.
public enum SchemaElement: Hashable, Sendable {
    case table(Table)
    case function(InlineFunction)
    case securityPolicy(SecurityPolicy)
}

/// What a ``Table`` body may contain.
public enum TableElement: Hashable, Sendable {
    case column(Column)
    case primaryKey(PrimaryKey)
    case unique(UniqueConstraint)
    case foreignKey(ForeignKey)
    case check(CheckConstraint)
    case index(Index)
}

/// Collects database-level declarations; `if`, `if/else` and `for` work inside.
@resultBuilder
public enum DatabaseBuilder {
    public static func buildExpression(_ s: Schema) -> [DatabaseElement] { [.schema(s)] }
    public static func buildExpression(_ f: PartitionFunction) -> [DatabaseElement] { [.partitionFunction(f)] }
    public static func buildExpression(_ s: PartitionScheme) -> [DatabaseElement] { [.partitionScheme(s)] }
    public static func buildExpression(_ e: [DatabaseElement]) -> [DatabaseElement] { e }
    public static func buildBlock(_ parts: [DatabaseElement]...) -> [DatabaseElement] { parts.flatMap { $0 } }
    public static func buildOptional(_ part: [DatabaseElement]?) -> [DatabaseElement] { part ?? [] }
    public static func buildEither(first: [DatabaseElement]) -> [DatabaseElement] { first }
    public static func buildEither(second: [DatabaseElement]) -> [DatabaseElement] { second }
    public static func buildArray(_ parts: [[DatabaseElement]]) -> [DatabaseElement] { parts.flatMap { $0 } }
    public static func buildLimitedAvailability(_ part: [DatabaseElement]) -> [DatabaseElement] { part }
}

/// Collects tables, functions and security policies of a schema.
@resultBuilder
public enum SchemaBuilder {
    public static func buildExpression(_ t: Table) -> [SchemaElement] { [.table(t)] }
    public static func buildExpression(_ f: InlineFunction) -> [SchemaElement] { [.function(f)] }
    public static func buildExpression(_ p: SecurityPolicy) -> [SchemaElement] { [.securityPolicy(p)] }
    public static func buildExpression(_ e: [SchemaElement]) -> [SchemaElement] { e }
    public static func buildExpression(_ t: [Table]) -> [SchemaElement] { t.map(SchemaElement.table) }
    public static func buildBlock(_ parts: [SchemaElement]...) -> [SchemaElement] { parts.flatMap { $0 } }
    public static func buildOptional(_ part: [SchemaElement]?) -> [SchemaElement] { part ?? [] }
    public static func buildEither(first: [SchemaElement]) -> [SchemaElement] { first }
    public static func buildEither(second: [SchemaElement]) -> [SchemaElement] { second }
    public static func buildArray(_ parts: [[SchemaElement]]) -> [SchemaElement] { parts.flatMap { $0 } }
    public static func buildLimitedAvailability(_ part: [SchemaElement]) -> [SchemaElement] { part }
}

/// Collects the columns, keys, constraints and indexes of a table.
@resultBuilder
public enum TableBuilder {
    public static func buildExpression(_ c: Column) -> [TableElement] { [.column(c)] }
    public static func buildExpression(_ k: PrimaryKey) -> [TableElement] { [.primaryKey(k)] }
    public static func buildExpression(_ u: UniqueConstraint) -> [TableElement] { [.unique(u)] }
    public static func buildExpression(_ f: ForeignKey) -> [TableElement] { [.foreignKey(f)] }
    public static func buildExpression(_ c: CheckConstraint) -> [TableElement] { [.check(c)] }
    public static func buildExpression(_ i: Index) -> [TableElement] { [.index(i)] }
    public static func buildExpression(_ e: [TableElement]) -> [TableElement] { e }
    public static func buildExpression(_ c: [Column]) -> [TableElement] { c.map(TableElement.column) }
    public static func buildBlock(_ parts: [TableElement]...) -> [TableElement] { parts.flatMap { $0 } }
    public static func buildOptional(_ part: [TableElement]?) -> [TableElement] { part ?? [] }
    public static func buildEither(first: [TableElement]) -> [TableElement] { first }
    public static func buildEither(second: [TableElement]) -> [TableElement] { second }
    public static func buildArray(_ parts: [[TableElement]]) -> [TableElement] { parts.flatMap { $0 } }
    public static func buildLimitedAvailability(_ part: [TableElement]) -> [TableElement] { part }
}

/// Collects the predicates of a security policy.
@resultBuilder
public enum PolicyBuilder {
    public static func buildExpression(_ p: SecurityPredicate) -> [SecurityPredicate] { [p] }
    public static func buildExpression(_ p: [SecurityPredicate]) -> [SecurityPredicate] { p }
    public static func buildBlock(_ parts: [SecurityPredicate]...) -> [SecurityPredicate] { parts.flatMap { $0 } }
    public static func buildOptional(_ part: [SecurityPredicate]?) -> [SecurityPredicate] { part ?? [] }
    public static func buildEither(first: [SecurityPredicate]) -> [SecurityPredicate] { first }
    public static func buildEither(second: [SecurityPredicate]) -> [SecurityPredicate] { second }
    public static func buildArray(_ parts: [[SecurityPredicate]]) -> [SecurityPredicate] { parts.flatMap { $0 } }
}
