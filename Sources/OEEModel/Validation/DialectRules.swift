/// What one SQL dialect refuses that the model alone would allow: its
/// identifier limit and how it scopes index names. A plain value, so the
/// model stays free of the dialect targets; ``all`` lists every dialect
/// oeedb generates migrations for, and findings carry the dialect's ``id``.
public struct DialectRules: Hashable, Sendable {
    public enum LengthUnit: String, Hashable, Sendable {
        case characters, bytes
    }

    /// The dialect id used for migrations and in findings: `sqlserver`, `postgres`.
    public var id: String
    public var displayName: String
    /// The longest identifier the engine keeps whole.
    public var maxIdentifierLength: Int
    /// Whether that limit counts characters or UTF-8 bytes.
    public var identifierLengthUnit: LengthUnit
    /// What the engine does with a longer name, for the message ("allows at most", "truncates at").
    public var overLengthVerb: String
    /// Indexes, tables and the indexes that primary keys and unique
    /// constraints create share one namespace per schema (PostgreSQL's
    /// relations); otherwise index names are scoped by table (SQL Server).
    public var indexNamesScopedBySchema: Bool
    /// Whether names that differ only in case clash (SQL Server's default
    /// collation); PostgreSQL compares quoted names exactly.
    public var namesIgnoreCase: Bool

    public init(id: String, displayName: String, maxIdentifierLength: Int, identifierLengthUnit: LengthUnit,
                overLengthVerb: String, indexNamesScopedBySchema: Bool, namesIgnoreCase: Bool) {
        self.id = id
        self.displayName = displayName
        self.maxIdentifierLength = maxIdentifierLength
        self.identifierLengthUnit = identifierLengthUnit
        self.overLengthVerb = overLengthVerb
        self.indexNamesScopedBySchema = indexNamesScopedBySchema
        self.namesIgnoreCase = namesIgnoreCase
    }

    /// SQL Server: `sysname` is 128 characters; index names are per table.
    public static let sqlServer = DialectRules(
        id: "sqlserver", displayName: "SQL Server", maxIdentifierLength: 128, identifierLengthUnit: .characters,
        overLengthVerb: "allows at most", indexNamesScopedBySchema: false, namesIgnoreCase: true)

    /// PostgreSQL: NAMEDATALEN is 64, so names are cut to 63 bytes; indexes
    /// are relations, named uniquely per schema alongside tables.
    public static let postgreSQL = DialectRules(
        id: "postgres", displayName: "PostgreSQL", maxIdentifierLength: 63, identifierLengthUnit: .bytes,
        overLengthVerb: "truncates at", indexNamesScopedBySchema: true, namesIgnoreCase: false)

    /// Every dialect oeedb generates migrations for.
    public static let all: [DialectRules] = [.sqlServer, .postgreSQL]

    public static func named(_ id: String) -> DialectRules? { all.first { $0.id == id } }

    /// The length of `name` in this dialect's unit.
    public func length(of name: String) -> Int {
        identifierLengthUnit == .bytes ? name.utf8.count : name.count
    }
}
