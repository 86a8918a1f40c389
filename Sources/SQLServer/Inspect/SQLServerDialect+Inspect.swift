import OEEDiff
import OEEModel

/// Reading a live SQL Server database back into the model.
///
///     let dialect = SQLServerDialect()
///     var rows: CatalogRows = [:]
///     for query in dialect.catalogQueries(excluding: ["oeedb"]) {
///         rows[query.name] = try connection.rows(query.sql)    // the caller runs them
///     }
///     let live = try dialect.comparable(dialect.model(from: rows, databaseName: "oee"))
///     let expected = try dialect.comparable(OEESchema.database)
///     let (drift, _) = DriftDetector.compare(live: live, expected: expected)
///
/// The queries are ``CatalogSQL``'s fixed 14, the mapping is
/// ``CatalogModelBuilder``'s and the comparable form ``ComparableModel``'s;
/// every expression goes through ``ExpressionNormalizer``.
extension SQLServerDialect: InspectorDialect {
    /// The 14 catalog queries (schemas, tables, columns, default_constraints,
    /// key_constraints, foreign_keys, check_constraints, indexes,
    /// partition_functions, partition_schemes, functions, function_parameters,
    /// security_policies, descriptions), each one read of the whole database.
    public func catalogQueries(excluding schemas: [String], tables: [QualifiedName]?) -> [CatalogQuery] {
        CatalogSQL.queries(excluding: schemas, tables: tables)
    }

    /// The model from the rows of every catalog query. Throws when a query's
    /// rows are missing or malformed, and when the database holds objects the
    /// model cannot represent (the error lists them all).
    public func model(from rows: CatalogRows, databaseName: String) throws -> Database {
        try CatalogModelBuilder.build(rows, databaseName: databaseName)
    }

    /// The model as SQL Server stores it (see ``ComparableModel``). Throws when
    /// an expression cannot be rendered for SQL Server.
    public func comparable(_ model: Database) throws -> Database {
        try ComparableModel.make(model)
    }
}
