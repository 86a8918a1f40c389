extension ValidationContext {
    /// Database-scoped names: schemas, partition functions, partition schemes.
    mutating func checkDatabaseNames() {
        for s in database.schemas { checkIdentifier(s.name, kind: "schema", path: s.name) }
        checkDuplicates(database.schemas.map { ($0.name, "schema") }, scope: "the database", path: database.name)
        checkDuplicates(database.partitionFunctions.map { ($0.name, "partition function") }, scope: "the database", path: database.name)
        checkDuplicates(database.partitionSchemes.map { ($0.name, "partition scheme") }, scope: "the database", path: database.name)
    }

    /// SQL Server keeps tables, functions, security policies and every
    /// constraint (PK, UNIQUE, FK, CHECK, DEFAULT) in one namespace per schema.
    mutating func checkSchemaNames(_ schema: Schema) {
        var names: [(String, String)] = []
        for t in schema.tables {
            names.append((t.name, "table"))
            names += t.constraintNames.map { ($0, "constraint") }
        }
        names += schema.functions.map { ($0.name, "function") }
        names += schema.securityPolicies.map { ($0.name, "security policy") }
        checkDuplicates(names, scope: "schema \(schema.name)", path: schema.name)
    }
}
