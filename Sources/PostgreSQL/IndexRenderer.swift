import OEEDiff
import OEEModel

/// Rowstore indexes; columnstore indexes have no PostgreSQL equivalent and
/// are omitted with a note.
///
///     CREATE INDEX "ix_downtime_open" ON "fact"."downtime" ("site_id" ASC, "machine_id" ASC)
///     INCLUDE ("reason_code_id", "loss_bucket_id")
///     WHERE "end_ts" IS NULL;
///
/// An index on a partitioned table is itself partitioned: PostgreSQL creates
/// it on every partition, present and future. Index names are per schema in
/// PostgreSQL (per table on SQL Server); oeedb's names are unique per schema.
enum IndexRenderer {
    static func create(_ name: QualifiedName, _ index: Index, table: Table?, concurrently: Bool = false) throws -> Rendered {
        let path = "\(name).\(index.name)"
        var rendered = Rendered(comment: "create index \(index.name) on \(name)")
        if index.kind.isColumnstore {
            rendered.notes.append(Note(.columnstore, "\(index.kind.rawValue) index \(index.name) on \(name)"))
            return rendered
        }
        guard !index.keys.isEmpty else { throw RenderError(path, "index has no key columns") }
        if index.kind == .clustered {
            if index.filter != nil { throw RenderError(path, "a clustered index cannot be filtered; make it nonclustered or drop the filter") }
            rendered.notes.append(Note(.clustered, "CLUSTERED on index \(index.name)"))
        }
        if index.isUnique, let column = table?.partitioning?.partitionColumn, !index.keys.contains(where: { $0.column == column }) {
            throw RenderError(path, "unique index does not include partition column '\(column)'; a unique index on a partitioned PostgreSQL table must include it")
        }
        let how = concurrently ? "CONCURRENTLY IF NOT EXISTS " : ""
        var lines = ["CREATE \(index.isUnique ? "UNIQUE " : "")INDEX \(how)\(PGSQL.quote(index.name)) ON \(PGSQL.qualified(name)) (\(PGSQL.keyList(index.keys)))"]
        if !index.included.isEmpty {
            lines.append("INCLUDE (\(PGSQL.columnList(index.included)))")
        }
        if let filter = index.filter {
            let columns = TableRenderer.columnTypes(table)
            lines.append("WHERE " + (try ExpressionRenderer(context: .filter, path: path, columns: columns).render(filter)))
        }
        rendered.statements.append(lines.joined(separator: "\n") + ";")
        if let c = index.compression {
            rendered.notes.append(Note(.compression, "DATA_COMPRESSION = \(c.rawValue) on index \(index.name)"))
        }
        switch index.placement {
        case .table: break
        case .filegroup(let fg):
            rendered.notes.append(Note(.indexPlacement, "ON [\(fg)] placement of index \(index.name)"))
        case .partitionScheme(let scheme, let column):
            rendered.notes.append(Note(.indexPlacement, "ON \(scheme)(\(column)) placement of index \(index.name)"))
        }
        return rendered
    }

    /// `DROP INDEX "s"."ix";` (index names are schema-scoped in PostgreSQL).
    static func drop(_ name: QualifiedName, _ index: Index) -> Rendered {
        var rendered = Rendered(comment: "drop index \(index.name) on \(name)")
        if index.kind.isColumnstore {
            rendered.notes.append(Note(.columnstore, "dropping \(index.kind.rawValue) index \(index.name) on \(name)"))
        } else {
            rendered.statements.append("DROP INDEX \(PGSQL.qualified(QualifiedName(name.schema, index.name)));")
        }
        return rendered
    }

    /// DROP INDEX then CREATE INDEX (PostgreSQL has no DROP_EXISTING).
    static func recreate(_ name: QualifiedName, from: Index, to: Index, table: Table?) throws -> Rendered {
        let dropped = drop(name, from)
        let created = try create(name, to, table: table)
        return Rendered(comment: "recreate index \(to.name) on \(name)",
                        statements: dropped.statements + created.statements,
                        notes: dropped.notes + created.notes)
    }

    /// `ALTER INDEX "s"."old" RENAME TO "new";`.
    static func rename(_ name: QualifiedName, from: String, to: String, index: Index?) -> Rendered {
        var rendered = Rendered(comment: "rename index \(name).\(from) to \(to)")
        if let index, index.kind.isColumnstore {
            rendered.notes.append(Note(.columnstore, "renaming \(index.kind.rawValue) index \(from) on \(name) to \(to)"))
        } else {
            rendered.statements.append("ALTER INDEX \(PGSQL.qualified(QualifiedName(name.schema, from))) RENAME TO \(PGSQL.quote(to));")
        }
        return rendered
    }
}
