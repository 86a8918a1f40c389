import OEEDiff
import OEEModel

/// Rowstore and columnstore indexes.
///
///     CREATE NONCLUSTERED INDEX [ix_downtime_open] ON [fact].[downtime] ([site_id] ASC, [machine_id] ASC)
///     INCLUDE ([reason_code_id], [loss_bucket_id])
///     WHERE [end_ts] IS NULL
///     WITH (DATA_COMPRESSION = PAGE)
///     ON [ps_day]([start_ts]);
///
///     CREATE CLUSTERED COLUMNSTORE INDEX [cci_sample] ON [fact].[sample]
///     ON [ps_day]([ts_utc]);
enum IndexRenderer {
    /// `CREATE … INDEX`; `table` (from the plan) resolves `.table` placement on
    /// a partitioned table to an explicit `ON [scheme]([column])`.
    static func create(_ name: QualifiedName, _ index: Index, table: Table?, dropExisting: Bool = false, extraOptions: [String] = []) throws -> String {
        let path = "\(name).\(index.name)"
        var lines: [String] = []
        let on = "\(TSQL.quote(index.name)) ON \(TSQL.qualified(name))"
        switch index.kind {
        case .clustered, .nonclustered:
            guard !index.keys.isEmpty else { throw RenderError(path, "index has no key columns") }
            if index.kind == .clustered {
                if index.filter != nil { throw RenderError(path, "a clustered index cannot be filtered; make it nonclustered or drop the filter") }
                if !index.included.isEmpty { throw RenderError(path, "a clustered index cannot have INCLUDE columns (it holds every column already)") }
            }
            let unique = index.isUnique ? "UNIQUE " : ""
            lines.append("CREATE \(unique)\(index.kind == .clustered ? "CLUSTERED" : "NONCLUSTERED") INDEX \(on) (\(TSQL.keyList(index.keys)))")
            if !index.included.isEmpty {
                lines.append("INCLUDE (\(TSQL.columnList(index.included)))")
            }
        case .clusteredColumnstore:
            if !index.keys.isEmpty { throw RenderError(path, "a clustered columnstore index has no key columns; remove them") }
            if !index.included.isEmpty { throw RenderError(path, "a clustered columnstore index cannot have INCLUDE columns") }
            if index.filter != nil { throw RenderError(path, "a clustered columnstore index cannot be filtered") }
            if index.isUnique { throw RenderError(path, "a columnstore index cannot be unique") }
            lines.append("CREATE CLUSTERED COLUMNSTORE INDEX \(on)")
        case .nonclusteredColumnstore:
            guard !index.keys.isEmpty else { throw RenderError(path, "a nonclustered columnstore index needs its column list") }
            if index.keys.contains(where: \.isDescending) { throw RenderError(path, "columnstore columns have no sort order; remove DESC") }
            if !index.included.isEmpty { throw RenderError(path, "a columnstore index cannot have INCLUDE columns; list them as its columns") }
            if index.isUnique { throw RenderError(path, "a columnstore index cannot be unique") }
            lines.append("CREATE NONCLUSTERED COLUMNSTORE INDEX \(on) (\(TSQL.columnList(index.keys.map(\.column))))")
        }
        if let filter = index.filter {
            lines.append("WHERE " + (try ExpressionRenderer(context: .filter, path: path).render(filter)))
        }
        var options: [String] = []
        if dropExisting { options.append("DROP_EXISTING = ON") }
        if let c = try compression(index, path: path) { options.append("DATA_COMPRESSION = \(c.rawValue)") }
        options += extraOptions
        if !options.isEmpty { lines.append("WITH (\(options.joined(separator: ", ")))") }
        if let target = placement(index.placement, table: table) { lines.append("ON " + target) }
        return lines.joined(separator: "\n") + ";"
    }

    /// The compression option to emit. COLUMNSTORE is the default of columnstore
    /// indexes and is left out; a mismatch between index kind and compression throws.
    private static func compression(_ index: Index, path: String) throws -> DataCompression? {
        guard let c = index.compression else { return nil }
        let columnar = c == .columnstore || c == .columnstoreArchive
        guard columnar == index.kind.isColumnstore else {
            throw RenderError(path, "a \(index.kind.rawValue) index cannot use DATA_COMPRESSION = \(c.rawValue); use \(index.kind.isColumnstore ? "columnstore or columnstoreArchive" : "none, row or page")")
        }
        return c == .columnstore ? nil : c
    }

    /// `[ps]([col])`, `[fg]`, or nil for a table that is not partitioned.
    static func placement(_ placement: Placement, table: Table?) -> String? {
        switch placement {
        case .table: return table?.partitioning.map(TableRenderer.partitionTarget)
        case .filegroup(let fg): return TSQL.quote(fg)
        case .partitionScheme(let scheme, let column): return "\(TSQL.quote(scheme))(\(TSQL.quote(column)))"
        }
    }

    /// `DROP INDEX [ix] ON [s].[t];`.
    static func drop(_ name: QualifiedName, _ index: Index) -> String {
        "DROP INDEX \(TSQL.quote(index.name)) ON \(TSQL.qualified(name));"
    }

    /// `CREATE … WITH (DROP_EXISTING = ON, …)`, or DROP then CREATE when the
    /// name or the kind (clustered-ness, rowstore/columnstore) changes, which
    /// DROP_EXISTING cannot do.
    static func recreate(_ name: QualifiedName, from: Index, to: Index, table: Table?) throws -> String {
        if from.name == to.name && from.kind == to.kind {
            return try create(name, to, table: table, dropExisting: true)
        }
        return drop(name, from) + "\n" + (try create(name, to, table: table))
    }

    /// `EXEC sp_rename N'[s].[t].[old]', N'new', N'INDEX';`.
    static func rename(_ name: QualifiedName, from: String, to: String) -> String {
        "EXEC sp_rename \(TSQL.nstring(TSQL.qualified(name) + "." + TSQL.quote(from))), \(TSQL.nstring(to)), N'INDEX';"
    }
}
