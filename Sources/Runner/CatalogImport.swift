import ODBC
import OEEDiff
import OEEModel

extension CatalogReader {
    /// The live database as DSL source can state it, with everything the
    /// model cannot hold (`oeedb import`): the catalog queries, then the
    /// dialect's loss queries — still a fixed number, whatever the size.
    /// With `schemas`, only those schemas (and the partition objects their
    /// tables use) are imported, and only their losses reported.
    public func importModel(databaseName: String, schemas: [String]? = nil) throws -> ImportedModel {
        var model = try read(databaseName: databaseName)
        var lossRows: CatalogRows = [:]
        for query in dialect.lossQueries(excluding: ["oeedb"]) {
            do {
                lossRows[query.name] = try connection.query(query.sql).rows
            } catch let e as ODBCError {
                throw RunnerError("reading the catalog (\(query.name)) failed: \(e.records.map(\.message).joined(separator: "; "))", sqlState: e.sqlState)
            }
        }
        if let schemas {
            let missing = schemas.filter { s in !model.schemas.contains { $0.name == s } }
            guard missing.isEmpty else {
                throw RunnerError("schema(s) \(missing.joined(separator: ", ")) not found in the database (it has: \(model.schemas.map(\.name).joined(separator: ", ")))")
            }
            model = Self.only(schemas: schemas, of: model)
            let wanted = Set(schemas)
            for (name, rows) in lossRows {
                lossRows[name] = rows.filter { r in
                    let s = (r.first ?? nil) ?? ""
                    return s.isEmpty || wanted.contains(s)
                }
            }
        }
        return try dialect.importable(model, lossRows: lossRows)
    }

    /// `db` with only the named schemas, in the database's order, and the
    /// partition schemes and functions their tables use.
    static func only(schemas: [String], of db: Database) -> Database {
        var result = db
        result.schemas = db.schemas.filter { schemas.contains($0.name) }
        let schemes = Set(result.allTables.compactMap { $0.table.partitioning?.partitionScheme }
                          + result.allTables.flatMap { $0.table.indexes.compactMap { i -> String? in
                              if case .partitionScheme(let s, _) = i.placement { return s }
                              return nil
                          } })
        result.partitionSchemes = db.partitionSchemes.filter { schemes.contains($0.name) }
        let functions = Set(result.partitionSchemes.map(\.function))
        result.partitionFunctions = db.partitionFunctions.filter { functions.contains($0.name) }
        return result
    }
}
