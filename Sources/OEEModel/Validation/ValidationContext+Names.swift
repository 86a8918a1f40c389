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

extension ValidationContext {
    /// For dialects that name indexes per schema (PostgreSQL: tables, indexes
    /// and the indexes that primary keys and unique constraints create are all
    /// relations of the schema), an index must not share its name with a
    /// table, or with an index, primary key or unique constraint of another
    /// table. Clashes inside one table, and among tables and constraints, are
    /// the model's own rules (``checkTable``, ``checkSchemaNames``).
    mutating func checkRelationNames(_ schema: Schema) {
        for d in dialects where d.indexNamesScopedBySchema {
            func key(_ name: String) -> String { d.namesIgnoreCase ? name.lowercased() : name }
            // Every relation name with what owns it, in model order.
            var owners: [String: [(table: String, what: String)]] = [:]
            for t in schema.tables {
                owners[key(t.name), default: []].append((t.name, "table \(schema.name).\(t.name)"))
                if let pk = t.primaryKey { owners[key(pk.name), default: []].append((t.name, "primary key of \(schema.name).\(t.name)")) }
                for u in t.uniqueConstraints { owners[key(u.name), default: []].append((t.name, "unique constraint of \(schema.name).\(t.name)")) }
                for i in t.indexes { owners[key(i.name), default: []].append((t.name, "index of \(schema.name).\(t.name)")) }
            }
            for t in schema.tables {
                for i in t.indexes {
                    // The first relation of this name that is not this table's own index/constraint.
                    let clash = owners[key(i.name)]?.first { o in
                        o.table != t.name || o.what.hasPrefix("table ")
                    }
                    guard let clash else { continue }
                    // Report a clash between two indexes once, at the later one.
                    if clash.what.hasPrefix("index of "), let list = owners[key(i.name)],
                       let mine = list.firstIndex(where: { $0.table == t.name && $0.what.hasPrefix("index of ") }),
                       let theirs = list.firstIndex(where: { $0.table == clash.table && $0.what.hasPrefix("index of ") }), mine < theirs {
                        continue
                    }
                    error("\(schema.name).\(t.name)", "index name \(i.name) is also the name of the \(clash.what); \(d.displayName) scopes index names by schema (with tables, primary keys and unique constraints), SQL Server by table. Rename the index",
                          rule: "name.relation-clash", dialect: d.id)
                }
            }
        }
    }
}
