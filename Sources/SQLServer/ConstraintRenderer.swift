import OEEDiff
import OEEModel

/// Named constraints, inside CREATE TABLE and as `ALTER TABLE … ADD|DROP CONSTRAINT`.
///
///     ALTER TABLE [fact].[cycle] ADD CONSTRAINT [fk_cycle_machine] FOREIGN KEY ([machine_id])
///         REFERENCES [ref].[machine] ([machine_id]) ON DELETE CASCADE;
///     ALTER TABLE [ref].[site] ADD CONSTRAINT [df_site_is_active] DEFAULT (1) FOR [is_active];
///     ALTER TABLE [ref].[site] DROP CONSTRAINT [ck_site_code];
enum ConstraintRenderer {
    // MARK: Definitions (shared by CREATE TABLE and ALTER TABLE … ADD)

    /// `CONSTRAINT [pk] PRIMARY KEY CLUSTERED ([a] ASC, [b] DESC)`.
    static func primaryKeyDefinition(_ pk: PrimaryKey, path: String) throws -> String {
        guard !pk.columns.isEmpty else { throw RenderError(path, "primary key has no columns") }
        return "CONSTRAINT \(TSQL.quote(pk.name)) PRIMARY KEY \(pk.isClustered ? "CLUSTERED" : "NONCLUSTERED") (\(TSQL.keyList(pk.columns)))"
    }

    /// `CONSTRAINT [uq] UNIQUE NONCLUSTERED ([code] ASC)`.
    static func uniqueDefinition(_ u: UniqueConstraint, path: String) throws -> String {
        guard !u.columns.isEmpty else { throw RenderError(path, "unique constraint has no columns") }
        return "CONSTRAINT \(TSQL.quote(u.name)) UNIQUE NONCLUSTERED (\(TSQL.keyList(u.columns)))"
    }

    /// `CONSTRAINT [ck] CHECK ([qty] >= 0)`.
    static func checkDefinition(_ c: CheckConstraint, path: String) throws -> String {
        let expression = try ExpressionRenderer(context: .check, path: path).render(c.expression)
        return "CONSTRAINT \(TSQL.quote(c.name)) CHECK (\(expression))"
    }

    /// `CONSTRAINT [df] DEFAULT (expr)`.
    static func defaultDefinition(_ d: DefaultConstraint, path: String) throws -> String {
        let expression = try ExpressionRenderer(context: .defaultValue, path: path).render(d.expression)
        return "CONSTRAINT \(TSQL.quote(d.name)) DEFAULT (\(expression))"
    }

    /// `CONSTRAINT [fk] FOREIGN KEY ([a]) REFERENCES [s].[t] ([a])`, with
    /// `ON DELETE` / `ON UPDATE` only when the action is not NO ACTION.
    static func foreignKeyDefinition(_ fk: ForeignKey, path: String) throws -> String {
        guard !fk.columns.isEmpty else { throw RenderError(path, "foreign key has no columns") }
        guard fk.columns.count == fk.referencedColumns.count else {
            throw RenderError(path, "foreign key has \(fk.columns.count) columns but references \(fk.referencedColumns.count); list the same number")
        }
        var text = "CONSTRAINT \(TSQL.quote(fk.name)) FOREIGN KEY (\(TSQL.columnList(fk.columns)))"
        text += " REFERENCES \(TSQL.qualified(fk.referencedTable)) (\(TSQL.columnList(fk.referencedColumns)))"
        if fk.onDelete != .noAction { text += " ON DELETE \(fk.onDelete.rawValue)" }
        if fk.onUpdate != .noAction { text += " ON UPDATE \(fk.onUpdate.rawValue)" }
        return text
    }

    // MARK: ALTER TABLE statements

    /// `ALTER TABLE [s].[t] ADD <definition>;`; on a partitioned table the
    /// primary key and unique constraints name the table's scheme explicitly,
    /// and a clustered primary key carries the table's compression.
    static func addPrimaryKey(_ name: QualifiedName, _ pk: PrimaryKey, table: Table?) throws -> String {
        let path = "\(name).\(pk.name)"
        var text = "ALTER TABLE \(TSQL.qualified(name)) ADD " + (try primaryKeyDefinition(pk, path: path))
        if pk.isClustered, let table, let c = try TableRenderer.tableCompression(table, path: name.description) {
            text += " WITH (DATA_COMPRESSION = \(c.rawValue))"
        }
        if let storage = table?.partitioning {
            text += " ON " + TableRenderer.partitionTarget(storage)
        }
        return text + ";"
    }

    static func addUnique(_ name: QualifiedName, _ u: UniqueConstraint, table: Table?) throws -> String {
        var text = "ALTER TABLE \(TSQL.qualified(name)) ADD " + (try uniqueDefinition(u, path: "\(name).\(u.name)"))
        if let storage = table?.partitioning {
            text += " ON " + TableRenderer.partitionTarget(storage)
        }
        return text + ";"
    }

    static func addCheck(_ name: QualifiedName, _ c: CheckConstraint) throws -> String {
        "ALTER TABLE \(TSQL.qualified(name)) ADD " + (try checkDefinition(c, path: "\(name).\(c.name)")) + ";"
    }

    static func addForeignKey(_ name: QualifiedName, _ fk: ForeignKey) throws -> String {
        "ALTER TABLE \(TSQL.qualified(name)) ADD " + (try foreignKeyDefinition(fk, path: "\(name).\(fk.name)")) + ";"
    }

    /// `ALTER TABLE [s].[t] ADD CONSTRAINT [df] DEFAULT (expr) FOR [col];`.
    static func addDefault(_ name: QualifiedName, column: String, _ d: DefaultConstraint) throws -> String {
        "ALTER TABLE \(TSQL.qualified(name)) ADD " + (try defaultDefinition(d, path: "\(name).\(column)"))
            + " FOR \(TSQL.quote(column));"
    }

    /// `ALTER TABLE [s].[t] DROP CONSTRAINT [name];`.
    static func drop(_ name: QualifiedName, constraint: String) -> String {
        "ALTER TABLE \(TSQL.qualified(name)) DROP CONSTRAINT \(TSQL.quote(constraint));"
    }
}
