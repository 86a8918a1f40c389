/// Validates a model before any SQL exists. Every finding names the object path
/// and the problem; all findings are reported at once, in model order.
///
///     let diagnostics = ModelValidator.validate(database)
///     if !diagnostics.errors.isEmpty { … }
public enum ModelValidator {
    /// SQL Server's identifier limit (`sysname`).
    public static let maxIdentifierLength = 128

    public static func validate(_ database: Database) -> [Diagnostic] {
        var context = ValidationContext(database)
        context.checkDatabaseNames()
        context.checkPartitionObjects()
        context.checkRollingPolicies()
        for schema in database.schemas {
            context.checkSchemaNames(schema)
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

    init(_ database: Database) {
        self.database = database
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

    mutating func error(_ path: String, _ message: String, rule: String) {
        diagnostics.append(Diagnostic(.error, path, message, rule: rule))
    }

    mutating func warning(_ path: String, _ message: String, rule: String) {
        diagnostics.append(Diagnostic(.warning, path, message, rule: rule))
    }

    /// Reports names longer than SQL Server allows, or empty.
    mutating func checkIdentifier(_ name: String, kind: String, path: String) {
        if name.isEmpty {
            error(path, "\(kind) has an empty name", rule: "name.empty")
        } else if name.count > ModelValidator.maxIdentifierLength {
            error(path, "\(kind) name '\(name.prefix(24))…' is \(name.count) characters; SQL Server allows at most \(ModelValidator.maxIdentifierLength)", rule: "name.too-long")
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
