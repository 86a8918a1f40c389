import OEEDiff
import OEEModel

/// Named constraints, inside CREATE TABLE and as `ALTER TABLE … ADD|DROP CONSTRAINT`;
/// defaults as `ALTER COLUMN … SET|DROP DEFAULT` (a PostgreSQL default has no name).
///
///     ALTER TABLE "fact"."cycle" ADD CONSTRAINT "fk_cycle_machine" FOREIGN KEY ("machine_id")
///         REFERENCES "ref"."machine" ("machine_id") ON DELETE CASCADE;
///     ALTER TABLE "ref"."site" ALTER COLUMN "is_active" SET DEFAULT true;
///     ALTER TABLE "ref"."site" DROP CONSTRAINT "ck_site_code";
enum ConstraintRenderer {
    // MARK: Definitions (shared by CREATE TABLE and ALTER TABLE … ADD)

    /// `CONSTRAINT "pk" PRIMARY KEY ("a", "b")`: a constraint's columns have
    /// no sort order in PostgreSQL (DESC columns get an omission note).
    static func primaryKeyDefinition(_ pk: PrimaryKey, path: String) throws -> String {
        guard !pk.columns.isEmpty else { throw RenderError(path, "primary key has no columns") }
        return "CONSTRAINT \(PGSQL.quote(pk.name)) PRIMARY KEY (\(PGSQL.columnList(pk.columns.map(\.column))))"
    }

    /// `CONSTRAINT "uq" UNIQUE ("code")`.
    static func uniqueDefinition(_ u: UniqueConstraint, path: String) throws -> String {
        guard !u.columns.isEmpty else { throw RenderError(path, "unique constraint has no columns") }
        return "CONSTRAINT \(PGSQL.quote(u.name)) UNIQUE (\(PGSQL.columnList(u.columns.map(\.column))))"
    }

    /// `CONSTRAINT "ck" CHECK ("qty" >= 0)`.
    static func checkDefinition(_ c: CheckConstraint, path: String, columns: [String: SQLType]) throws -> String {
        let expression = try ExpressionRenderer(context: .check, path: path, columns: columns).render(c.expression)
        return "CONSTRAINT \(PGSQL.quote(c.name)) CHECK (\(expression))"
    }

    /// `CONSTRAINT "fk" FOREIGN KEY ("a") REFERENCES "s"."t" ("a")`, with
    /// `ON DELETE` / `ON UPDATE` only when the action is not NO ACTION.
    static func foreignKeyDefinition(_ fk: ForeignKey, path: String) throws -> String {
        guard !fk.columns.isEmpty else { throw RenderError(path, "foreign key has no columns") }
        guard fk.columns.count == fk.referencedColumns.count else {
            throw RenderError(path, "foreign key has \(fk.columns.count) columns but references \(fk.referencedColumns.count); list the same number")
        }
        var text = "CONSTRAINT \(PGSQL.quote(fk.name)) FOREIGN KEY (\(PGSQL.columnList(fk.columns)))"
        text += " REFERENCES \(PGSQL.qualified(fk.referencedTable)) (\(PGSQL.columnList(fk.referencedColumns)))"
        if fk.onDelete != .noAction { text += " ON DELETE \(fk.onDelete.rawValue)" }
        if fk.onUpdate != .noAction { text += " ON UPDATE \(fk.onUpdate.rawValue)" }
        return text
    }

    /// What PostgreSQL leaves out of a primary key: CLUSTERED, and DESC columns.
    static func notes(_ pk: PrimaryKey) -> [Note] {
        var notes: [Note] = []
        if pk.isClustered { notes.append(Note(.clustered, "CLUSTERED on \(pk.name)")) }
        let descending = pk.columns.filter(\.isDescending).map(\.column)
        if !descending.isEmpty {
            notes.append(Note(.descendingConstraintKey, "DESC order of \(descending.joined(separator: ", ")) in \(pk.name)"))
        }
        return notes
    }

    static func notes(_ u: UniqueConstraint) -> [Note] {
        let descending = u.columns.filter(\.isDescending).map(\.column)
        guard !descending.isEmpty else { return [] }
        return [Note(.descendingConstraintKey, "DESC order of \(descending.joined(separator: ", ")) in \(u.name)")]
    }

    /// A primary key or unique constraint on a partitioned table must include
    /// the partition column (PostgreSQL enforces uniqueness per partition).
    static func checkPartitionKey(_ keys: [IndexKey], constraint: String, table: Table?, path: String) throws {
        guard let column = table?.partitioning?.partitionColumn else { return }
        guard keys.contains(where: { $0.column == column }) else {
            throw RenderError(path, "\(constraint) does not include partition column '\(column)'; a unique key on a partitioned PostgreSQL table must include it")
        }
    }

    // MARK: ALTER TABLE statements

    static func addPrimaryKey(_ name: QualifiedName, _ pk: PrimaryKey, table: Table?) throws -> Rendered {
        let path = "\(name).\(pk.name)"
        try checkPartitionKey(pk.columns, constraint: pk.name, table: table, path: name.description)
        return Rendered(
            comment: "add primary key \(pk.name) on \(name)",
            statements: ["ALTER TABLE \(PGSQL.qualified(name)) ADD " + (try primaryKeyDefinition(pk, path: path)) + ";"],
            notes: notes(pk))
    }

    static func addUnique(_ name: QualifiedName, _ u: UniqueConstraint, table: Table?) throws -> Rendered {
        try checkPartitionKey(u.columns, constraint: u.name, table: table, path: name.description)
        return Rendered(
            comment: "add unique constraint \(u.name) on \(name)",
            statements: ["ALTER TABLE \(PGSQL.qualified(name)) ADD " + (try uniqueDefinition(u, path: "\(name).\(u.name)")) + ";"],
            notes: notes(u))
    }

    /// `ADD CONSTRAINT … CHECK (…) [NOT VALID];` (NOT VALID: existing rows
    /// are checked later by `VALIDATE CONSTRAINT`, see ``validate(_:constraint:)``).
    static func addCheck(_ name: QualifiedName, _ c: CheckConstraint, table: Table?, notValid: Bool = false) throws -> String {
        let definition = try checkDefinition(c, path: "\(name).\(c.name)", columns: TableRenderer.columnTypes(table))
        return "ALTER TABLE \(PGSQL.qualified(name)) ADD \(definition)\(notValid ? " NOT VALID" : "");"
    }

    static func addForeignKey(_ name: QualifiedName, _ fk: ForeignKey, notValid: Bool = false) throws -> String {
        "ALTER TABLE \(PGSQL.qualified(name)) ADD " + (try foreignKeyDefinition(fk, path: "\(name).\(fk.name)")) + (notValid ? " NOT VALID;" : ";")
    }

    /// `ALTER TABLE "s"."t" VALIDATE CONSTRAINT "c";`: scans under SHARE UPDATE
    /// EXCLUSIVE, so writers keep writing; a no-op when already valid.
    static func validate(_ name: QualifiedName, constraint: String) -> String {
        "ALTER TABLE \(PGSQL.qualified(name)) VALIDATE CONSTRAINT \(PGSQL.quote(constraint));"
    }

    /// `ALTER TABLE "s"."t" ALTER COLUMN "c" SET DEFAULT expr;` (the name stays in the model).
    static func addDefault(_ name: QualifiedName, column: String, _ d: DefaultConstraint, type: SQLType) throws -> String {
        let expression = try TableRenderer.defaultExpression(d, type: type, path: "\(name).\(column)")
        return "ALTER TABLE \(PGSQL.qualified(name)) ALTER COLUMN \(PGSQL.quote(column)) SET DEFAULT \(expression);"
    }

    /// `ALTER TABLE "s"."t" ALTER COLUMN "c" DROP DEFAULT;`.
    static func dropDefault(_ name: QualifiedName, column: String) -> String {
        "ALTER TABLE \(PGSQL.qualified(name)) ALTER COLUMN \(PGSQL.quote(column)) DROP DEFAULT;"
    }

    /// `ALTER TABLE "s"."t" DROP CONSTRAINT "name";`.
    static func drop(_ name: QualifiedName, constraint: String) -> String {
        "ALTER TABLE \(PGSQL.qualified(name)) DROP CONSTRAINT \(PGSQL.quote(constraint));"
    }
}
