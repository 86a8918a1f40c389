import OEEDiff
import OEEModel

/// `CREATE TABLE` with columns, defaults, primary key, unique and check
/// constraints and the table's storage. Foreign keys and indexes are separate
/// changes, so tables can be created in any order.
///
///     CREATE TABLE [ref].[site] (
///         [site_id] smallint IDENTITY(1, 1) NOT NULL,
///         [is_active] bit NOT NULL CONSTRAINT [df_site_is_active] DEFAULT (1),
///         CONSTRAINT [pk_site] PRIMARY KEY CLUSTERED ([site_id] ASC) WITH (DATA_COMPRESSION = PAGE)
///     )
///     ON [ps_day]([start_ts])
///     WITH (DATA_COMPRESSION = PAGE);
enum TableRenderer {
    static func createTable(_ name: QualifiedName, _ table: Table) throws -> String {
        let path = name.description
        guard !table.columns.isEmpty else {
            throw RenderError(path, "table has no columns; SQL Server needs at least one")
        }
        let compression = try tableCompression(table, path: path)
        var lines: [String] = []
        for column in table.columns {
            lines.append(try columnDefinition(column, path: "\(path).\(column.name)"))
        }
        if let pk = table.primaryKey {
            var text = try ConstraintRenderer.primaryKeyDefinition(pk, path: "\(path).\(pk.name)")
            if pk.isClustered, let compression {
                text += " WITH (DATA_COMPRESSION = \(compression.rawValue))"
            }
            lines.append(text)
        }
        for u in table.uniqueConstraints {
            lines.append(try ConstraintRenderer.uniqueDefinition(u, path: "\(path).\(u.name)"))
        }
        for c in table.checks {
            lines.append(try ConstraintRenderer.checkDefinition(c, path: "\(path).\(c.name)"))
        }
        var sql = "CREATE TABLE \(TSQL.qualified(name)) (\n"
        sql += lines.map { "    " + $0 }.joined(separator: ",\n")
        sql += "\n)"
        if let storage = table.partitioning {
            sql += "\nON " + partitionTarget(storage)
        }
        if let compression {
            sql += "\nWITH (DATA_COMPRESSION = \(compression.rawValue))"
        }
        return sql + ";"
    }

    /// The heap's or clustered index's compression; columnstore compression
    /// belongs to a columnstore index, not to CREATE TABLE.
    static func tableCompression(_ table: Table, path: String) throws -> DataCompression? {
        guard let c = table.compression else { return nil }
        if c == .columnstore || c == .columnstoreArchive {
            throw RenderError(path, "table compression \(c.rawValue) applies to a clustered columnstore index; declare Index.clusteredColumnstore(…).compressed(.\(c == .columnstore ? "columnstore" : "columnstoreArchive")) and leave the table's compression unset")
        }
        return c
    }

    /// `[ps_day]([start_ts])`.
    static func partitionTarget(_ storage: TableStorage) -> String {
        "\(TSQL.quote(storage.partitionScheme))(\(TSQL.quote(storage.partitionColumn)))"
    }

    /// One column as in CREATE TABLE and ALTER TABLE … ADD:
    ///
    ///     [qty] decimal(12, 4) NOT NULL CONSTRAINT [df_cycle_qty] DEFAULT (0)
    ///     [duration_s] AS (DATEDIFF(second, [start_ts], [end_ts])) PERSISTED NOT NULL
    static func columnDefinition(_ column: Column, path: String) throws -> String {
        var text = TSQL.quote(column.name)
        if let computed = column.computed {
            if column.identity != nil {
                throw RenderError(path, "computed column cannot also be an IDENTITY column; drop one of them")
            }
            if column.defaultConstraint != nil {
                throw RenderError(path, "computed column cannot have a DEFAULT; drop the default")
            }
            let expression = try ExpressionRenderer(context: .computed, path: path).render(computed.expression)
            text += " AS (\(expression))"
            if computed.isPersisted {
                text += " PERSISTED"
                // Only a persisted computed column can be declared NOT NULL.
                if !column.isNullable { text += " NOT NULL" }
            }
            return text
        }
        text += " " + (try TypeRenderer.render(column.type, path: path))
        if let identity = column.identity {
            guard [.tinyint, .smallint, .int, .bigint].contains(column.type) || {
                if case .decimal(_, 0) = column.type { return true }
                return false
            }() else {
                throw RenderError(path, "IDENTITY needs an integer or decimal(p, 0) column, not \(column.type)")
            }
            guard identity.increment != 0 else {
                throw RenderError(path, "IDENTITY increment cannot be 0")
            }
            if column.defaultConstraint != nil {
                throw RenderError(path, "an IDENTITY column cannot have a DEFAULT; drop the default")
            }
            text += " IDENTITY(\(identity.seed), \(identity.increment))"
        }
        text += column.isNullable ? " NULL" : " NOT NULL"
        if let d = column.defaultConstraint {
            text += " " + (try ConstraintRenderer.defaultDefinition(d, path: path))
        }
        return text
    }
}
