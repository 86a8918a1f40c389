/// Validates a model before any SQL exists. Every finding names the object path
/// and the problem; all findings are reported at once, in model order.
///
///     let diagnostics = ModelValidator.validate(database)
///     if !diagnostics.errors.isEmpty { … }
///
/// Rules one dialect imposes beyond the model's own (identifier length,
/// PostgreSQL's schema-wide index names) are checked for each of `dialects`
/// — by default every dialect oeedb generates — and carry the dialect's id.
public enum ModelValidator {
    /// SQL Server's identifier limit (`sysname`).
    public static let maxIdentifierLength = DialectRules.sqlServer.maxIdentifierLength

    public static func validate(_ database: Database, dialects: [DialectRules] = DialectRules.all) -> [Diagnostic] {
        var context = ValidationContext(database, dialects: dialects)
        context.checkDatabaseNames()
        context.checkPartitionObjects()
        context.checkRollingPolicies()
        for schema in database.schemas {
            context.checkSchemaNames(schema)
            context.checkRelationNames(schema)
            for table in schema.tables {
                context.checkTable(table, in: schema)
            }
            for function in schema.functions {
                context.checkFunction(function, in: schema)
            }
            for policy in schema.securityPolicies {
                context.checkPolicy(policy, in: schema)
            }
        }
        return context.diagnostics
    }
}

/// Lookups built once per validation, so checking stays linear in model size.
struct ValidationContext {
    let database: Database
    var diagnostics: [Diagnostic] = []
    let tables: [QualifiedName: Table]
    let columnsByTable: [QualifiedName: [String: Column]]
    let functions: [QualifiedName: InlineFunction]
    let functionsByName: [String: PartitionFunction]
    let schemesByName: [String: PartitionScheme]
    let schemaNames: Set<String>
    let dialects: [DialectRules]

    init(_ database: Database, dialects: [DialectRules] = DialectRules.all) {
        self.database = database
        self.dialects = dialects
        var tables: [QualifiedName: Table] = [:]
        var columns: [QualifiedName: [String: Column]] = [:]
        var functions: [QualifiedName: InlineFunction] = [:]
        for schema in database.schemas {
            for table in schema.tables {
                let q = QualifiedName(schema.name, table.name)
                if tables[q] == nil {
                    tables[q] = table
                    columns[q] = Dictionary(table.columns.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
                }
            }
            for f in schema.functions where functions[QualifiedName(schema.name, f.name)] == nil {
                functions[QualifiedName(schema.name, f.name)] = f
            }
        }
        self.tables = tables
        self.columnsByTable = columns
        self.functions = functions
        self.functionsByName = Dictionary(database.partitionFunctions.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        self.schemesByName = Dictionary(database.partitionSchemes.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        self.schemaNames = Set(database.schemas.map(\.name))
    }

    mutating func error(_ path: String, _ message: String, rule: String, dialect: String? = nil) {
        diagnostics.append(Diagnostic(.error, path, message, rule: rule, dialect: dialect))
    }

    mutating func warning(_ path: String, _ message: String, rule: String) {
        diagnostics.append(Diagnostic(.warning, path, message, rule: rule))
    }

    /// Reports an empty name, and a name longer than a dialect keeps whole
    /// (SQL Server: 128 characters; PostgreSQL: 63 bytes, it truncates the rest).
    mutating func checkIdentifier(_ name: String, kind: String, path: String) {
        if name.isEmpty {
            error(path, "\(kind) has an empty name", rule: "name.empty")
            return
        }
        for d in dialects {
            let length = d.length(of: name)
            if length > d.maxIdentifierLength {
                let unit = d.identifierLengthUnit.rawValue
                error(path, "\(kind) name '\(name.prefix(24))…' is \(length) \(unit); \(d.displayName) \(d.overLengthVerb) \(d.maxIdentifierLength) \(unit)",
                      rule: "name.too-long", dialect: d.id)
            }
        }
    }

    /// Reports each name that appears more than once among `names`.
    mutating func checkDuplicates(_ names: [(name: String, kind: String)], scope: String, path: String) {
        var firstKind: [String: String] = [:]
        var reported: Set<String> = []
        for (name, kind) in names {
            // SQL Server compares identifiers case-insensitively under the default collation.
            let key = name.lowercased()
            if let earlier = firstKind[key] {
                if reported.insert(key).inserted {
                    let what = earlier == kind ? "\(kind) '\(name)'" : "\(kind) '\(name)' (also used by a \(earlier))"
                    error(path, "duplicate \(what) in \(scope)", rule: "name.duplicate")
                }
            } else {
                firstKind[key] = kind
            }
        }
    }
}
