import OEEDiff
import OEEModel

/// Column changes and renames on an existing table.
///
///     ALTER TABLE "fact"."cycle" ADD COLUMN "scrap_qty" integer NOT NULL DEFAULT 0;
///     ALTER TABLE "fact"."cycle" ALTER COLUMN "note" TYPE varchar(400);
///     ALTER TABLE "fact"."cycle" ALTER COLUMN "is_startup" TYPE smallint USING "is_startup"::integer;
///     ALTER TABLE "fact"."cycle" ALTER COLUMN "note" DROP NOT NULL;
///     ALTER TABLE "fact"."cycle" RENAME COLUMN "qty" TO "good_qty";
enum ColumnChangeRenderer {
    /// `ALTER TABLE … ADD COLUMN <column definition>;`. A NOT NULL column without
    /// a default fails on a table with rows; the runner checks that beforehand.
    static func addColumn(_ name: QualifiedName, _ column: Column, table: Table?) throws -> String {
        var types = TableRenderer.columnTypes(table)
        types[column.name] = column.type
        let definition = try TableRenderer.columnDefinition(column, path: "\(name).\(column.name)", columns: types)
        return "ALTER TABLE \(PGSQL.qualified(name)) ADD COLUMN \(definition);"
    }

    /// `ALTER TABLE … DROP COLUMN "c";` (its default goes with it).
    static func dropColumn(_ name: QualifiedName, _ column: Column) -> String {
        "ALTER TABLE \(PGSQL.qualified(name)) DROP COLUMN \(PGSQL.quote(column.name));"
    }

    /// `ALTER COLUMN "c" TYPE t [USING …]` when the type changes, then
    /// `SET NOT NULL` / `DROP NOT NULL` when nullability changes.
    ///
    /// Identity and computed columns cannot be altered this way, and neither
    /// can a partitioned table's partition column: those throw.
    static func alterColumn(_ name: QualifiedName, from: Column, to: Column, table: Table?) throws -> Rendered {
        let path = "\(name).\(to.name)"
        guard from.name == to.name else {
            throw RenderError(path, "alterColumn changes the name from '\(from.name)'; rename the column with a separate renameColumn change")
        }
        if from.identity != to.identity {
            let what = from.identity == nil ? "adds IDENTITY to" : to.identity == nil ? "removes IDENTITY from" : "changes the IDENTITY seed/increment of"
            throw RenderError(path, "\(what) an existing column; write it as a hand-written migration (ALTER COLUMN … ADD GENERATED / DROP IDENTITY / SET INCREMENT BY, with RESTART WITH past the highest value)")
        }
        if from.computed != nil || to.computed != nil {
            let what = from.computed == nil ? "turns a stored column into a computed one"
                : to.computed == nil ? "turns a computed column into a stored one" : "changes a computed column"
            throw RenderError(path, "\(what); ALTER COLUMN cannot do that: drop the column and add it again (dropColumn + addColumn; data in a stored column is lost)")
        }
        var statements: [String] = []
        let qualified = PGSQL.qualified(name), column = PGSQL.quote(to.name)
        let fromType = try TypeRenderer.render(from.type, path: path)
        let toType = try TypeRenderer.render(to.type, path: path)
        if fromType != toType {
            if table?.partitioning?.partitionColumn == to.name {
                throw RenderError(path, "changes the type of the partition column; PostgreSQL cannot alter a partition key column: create a new table and move the rows")
            }
            let using = try conversion(column, from: from.type, to: to.type, toType: toType, path: path).map { " USING \($0)" } ?? ""
            statements.append("ALTER TABLE \(qualified) ALTER COLUMN \(column) TYPE \(toType)\(using);")
        }
        if from.isNullable != to.isNullable {
            statements.append("ALTER TABLE \(qualified) ALTER COLUMN \(column) \(to.isNullable ? "DROP" : "SET") NOT NULL;")
        }
        var rendered = Rendered(comment: "alter column \(name).\(to.name)", statements: statements)
        if statements.isEmpty {
            // Same PostgreSQL type (e.g. nvarchar(40) → varchar(40)), same nullability.
            rendered.notes.append(Note("\(from.type) and \(to.type) are both \(toType) on PostgreSQL"))
        }
        return rendered
    }

    /// The `USING` expression converting a column's values as SQL Server's
    /// ALTER COLUMN would, or nil where PostgreSQL's own assignment cast does
    /// (same family, numbers, date/timestamp). An explicit cast is avoided
    /// there on purpose: `::varchar(3)` would silently truncate, while the
    /// assignment cast refuses too-long values as SQL Server does. Booleans go
    /// through integer (PostgreSQL casts boolean only to and from integer, and
    /// SQL Server turns bit into 1/0 text), a number becomes `<> 0` (any
    /// nonzero value is 1), text targets take `::text` (then the length is
    /// checked), and time-zone changes are pinned to UTC, whatever the
    /// session's TimeZone.
    ///
    ///     "is_active"::integer           -- bit → smallint
    ///     ("at" AT TIME ZONE 'UTC')      -- datetime2 → datetimeoffset
    static func conversion(_ column: String, from: SQLType, to: SQLType, toType: String, path: String) throws -> String? {
        let numeric: Set<SQLType.Family> = [.integer, .exactNumeric, .approximateNumeric]
        let dated: Set<SQLType.Family> = [.date, .timestamp]
        let f = from.family, t = to.family
        if f == t && f != .timestampWithOffset { return nil }
        switch (f, t) {
        case (.timestampWithOffset, .timestampWithOffset): return nil
        case (.boolean, .text): return "\(column)::integer::text"
        case (.boolean, _) where numeric.contains(t): return "\(column)::integer"
        case (_, .boolean) where numeric.contains(f): return "(\(column) <> 0)"
        case (.text, .boolean): return "\(column)::boolean"
        case _ where numeric.contains(f) && numeric.contains(t): return nil
        case _ where dated.contains(f) && dated.contains(t): return nil
        case (.timestamp, .timestampWithOffset), (.date, .timestampWithOffset): return "(\(column)::timestamp AT TIME ZONE 'UTC')"
        case (.timestampWithOffset, .timestamp), (.timestampWithOffset, .date), (.timestampWithOffset, .time): return "(\(column) AT TIME ZONE 'UTC')"
        case (.timestamp, .time): return nil
        case (_, .text) where f != .binary: return "\(column)::text"
        case (.text, _) where t != .binary: return "\(column)::\(toType)"
        default:
            throw RenderError(path, "changes \(from) to \(to), which PostgreSQL cannot convert in place; add a new column, copy the converted values, drop the old one")
        }
    }

    /// `ALTER TABLE "s"."t" RENAME COLUMN "old" TO "new";`.
    static func renameColumn(_ name: QualifiedName, from: String, to: String) -> String {
        "ALTER TABLE \(PGSQL.qualified(name)) RENAME COLUMN \(PGSQL.quote(from)) TO \(PGSQL.quote(to));"
    }

    /// `ALTER TABLE "s"."old" RENAME TO "new";` (the table stays in its
    /// schema), then its partitions, which are named after it.
    static func renameTable(_ name: QualifiedName, to: String, table: Table?, state: PlanState) throws -> String {
        var statements = ["ALTER TABLE \(PGSQL.qualified(name)) RENAME TO \(PGSQL.quote(to));"]
        if let table {
            statements += try PartitionRenderer.renameChildren(name, to: to, table: table, state: state)
        }
        return statements.joined(separator: "\n")
    }
}
