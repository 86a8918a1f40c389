import OEEDiff
import OEEModel

/// Column changes and renames on an existing table.
///
///     ALTER TABLE [fact].[cycle] ADD [scrap_qty] int NOT NULL CONSTRAINT [df_cycle_scrap_qty] DEFAULT (0);
///     ALTER TABLE [fact].[cycle] ALTER COLUMN [note] nvarchar(400) NULL;
///     EXEC sp_rename N'[fact].[cycle].[qty]', N'good_qty', N'COLUMN';
enum ColumnChangeRenderer {
    /// `ALTER TABLE … ADD <column definition>;`. A NOT NULL column without a
    /// default fails on a table with rows; the runner checks that beforehand.
    /// (`WITH VALUES` is not emitted: it changes nothing for NOT NULL columns.)
    static func addColumn(_ name: QualifiedName, _ column: Column) throws -> String {
        let definition = try TableRenderer.columnDefinition(column, path: "\(name).\(column.name)")
        return "ALTER TABLE \(TSQL.qualified(name)) ADD \(definition);"
    }

    /// Drops the column's default constraint first (SQL Server refuses to drop a
    /// column a default is bound to), unless an earlier change already did.
    static func dropColumn(_ name: QualifiedName, _ column: Column, defaultAlreadyDropped: Bool) -> String {
        var statements: [String] = []
        if let d = column.defaultConstraint, !defaultAlreadyDropped {
            statements.append(ConstraintRenderer.drop(name, constraint: d.name))
        }
        statements.append("ALTER TABLE \(TSQL.qualified(name)) DROP COLUMN \(TSQL.quote(column.name));")
        return statements.joined(separator: "\n")
    }

    /// `ALTER TABLE … ALTER COLUMN [c] type NULL|NOT NULL;`
    ///
    /// A type change on a column with a default is wrapped in dropping and
    /// re-adding that default (SQL Server refuses to alter a column a default
    /// is bound to), unless an earlier change of the plan already dropped it.
    /// Identity and computed columns cannot be altered in place: that throws.
    static func alterColumn(_ name: QualifiedName, from: Column, to: Column, defaultAlreadyDropped: Bool) throws -> String {
        let path = "\(name).\(to.name)"
        guard from.name == to.name else {
            throw RenderError(path, "alterColumn changes the name from '\(from.name)'; rename the column with a separate renameColumn change")
        }
        if from.identity != to.identity {
            let what = from.identity == nil ? "adds IDENTITY to" : to.identity == nil ? "removes IDENTITY from" : "changes the IDENTITY seed/increment of"
            throw RenderError(path, "\(what) an existing column; SQL Server cannot alter identity in place: create a new table with the wanted identity, copy the rows (SET IDENTITY_INSERT ON), then swap the tables")
        }
        if from.computed != nil || to.computed != nil {
            let what = from.computed == nil ? "turns a stored column into a computed one"
                : to.computed == nil ? "turns a computed column into a stored one" : "changes a computed column"
            throw RenderError(path, "\(what); ALTER COLUMN cannot do that: drop the column and add it again (dropColumn + addColumn; data in a stored column is lost)")
        }
        let type = try TypeRenderer.render(to.type, path: path)
        let alter = "ALTER TABLE \(TSQL.qualified(name)) ALTER COLUMN \(TSQL.quote(to.name)) \(type) \(to.isNullable ? "NULL" : "NOT NULL");"
        guard from.type != to.type, let d = from.defaultConstraint, !defaultAlreadyDropped else { return alter }
        return [
            ConstraintRenderer.drop(name, constraint: d.name),
            alter,
            try ConstraintRenderer.addDefault(name, column: to.name, d),
        ].joined(separator: "\n")
    }

    /// `EXEC sp_rename N'[s].[t].[old]', N'new', N'COLUMN';`.
    static func renameColumn(_ name: QualifiedName, from: String, to: String) -> String {
        "EXEC sp_rename \(TSQL.nstring(TSQL.qualified(name) + "." + TSQL.quote(from))), \(TSQL.nstring(to)), N'COLUMN';"
    }

    /// `EXEC sp_rename N'[s].[old]', N'new';` (the table stays in its schema).
    static func renameTable(_ name: QualifiedName, to: String) -> String {
        "EXEC sp_rename \(TSQL.nstring(TSQL.qualified(name))), \(TSQL.nstring(to));"
    }
}
