import OEEDiff
import OEEModel

/// The T-SQL of `oeedb partitions status` and `maintain`: catalog reads of
/// partitions and row estimates, exact counts, and one short transaction per
/// step. Every step re-checks, under an update range lock, that the ranges it
/// splits or merges are still empty, so a row that arrived after planning
/// aborts the step (error 50001) instead of being moved:
///
///     SET LOCK_TIMEOUT 5000;
///     IF EXISTS (SELECT 1 FROM [fact].[event] WITH (UPDLOCK, HOLDLOCK) WHERE [ts_utc] >= '2026-12-31T00:00:00')
///         THROW 50001, N'oeedb: …', 1;
///     ALTER PARTITION SCHEME [ps_day] NEXT USED [PRIMARY];
///     ALTER PARTITION FUNCTION [pf_day]() SPLIT RANGE ('2027-01-01T00:00:00');
extension SQLServerDialect: PartitionMaintenanceDialect {
    public func maintenanceLogDDL(schema: String) -> [String] {
        let s = TSQL.quote(schema)
        return [
            "IF SCHEMA_ID(\(TSQL.nstring(schema))) IS NULL EXEC(N'CREATE SCHEMA \(s.replacingOccurrences(of: "'", with: "''"))');",
            """
            IF OBJECT_ID(\(TSQL.nstring("\(s).[partition_maintenance]")), N'U') IS NULL
            CREATE TABLE \(s).[partition_maintenance] (
                [log_id] bigint IDENTITY(1, 1) NOT NULL CONSTRAINT [pk_partition_maintenance] PRIMARY KEY,
                [run_id] varchar(40) NOT NULL,
                [as_of_utc] datetime2(0) NOT NULL,
                [step_no] int NOT NULL,
                [action] varchar(16) NOT NULL,
                [target] nvarchar(300) NOT NULL,
                [detail] nvarchar(2000) NOT NULL,
                [rows_affected] bigint NOT NULL,
                [succeeded] bit NOT NULL,
                [executed_by] nvarchar(128) NOT NULL,
                [executed_at_utc] datetime2(3) NOT NULL CONSTRAINT [df_partition_maintenance_executed_at_utc] DEFAULT (SYSUTCDATETIME()),
                [execution_ms] int NOT NULL
            );
            """,
        ]
    }

    public func insertMaintenanceLog(schema: String) -> String {
        "INSERT INTO \(TSQL.quote(schema)).[partition_maintenance] ([run_id], [as_of_utc], [step_no], [action], [target], [detail], [rows_affected], [succeeded], [executed_by], [execution_ms]) VALUES (?, CAST(? AS datetime2(0)), ?, ?, ?, ?, ?, ?, ?, ?);"
    }

    /// Bounds from `sys.partition_range_values` (RANGE RIGHT: partition n starts
    /// at boundary n − 1), rows from the heap or clustered index (index_id 0 or 1;
    /// a clustered columnstore is index 1 too).
    public func partitionsQuery(_ tables: [QualifiedName]) -> String {
        let names = tables.isEmpty ? "N''" : tables.map { TSQL.nstring($0.description) }.joined(separator: ", ")
        return """
            SELECT s.[name], t.[name], p.[partition_number],
                   CONVERT(varchar(33), CONVERT(datetime2(7), lo.[value]), 126) AS [lower_bound],
                   CONVERT(varchar(33), CONVERT(datetime2(7), hi.[value]), 126) AS [upper_bound],
                   p.[rows]
            FROM sys.tables AS t
            JOIN sys.schemas AS s ON s.[schema_id] = t.[schema_id]
            JOIN sys.indexes AS i ON i.[object_id] = t.[object_id] AND i.[index_id] IN (0, 1)
            JOIN sys.partition_schemes AS ps ON ps.[data_space_id] = i.[data_space_id]
            JOIN sys.partitions AS p ON p.[object_id] = t.[object_id] AND p.[index_id] = i.[index_id]
            LEFT JOIN sys.partition_range_values AS lo ON lo.[function_id] = ps.[function_id] AND lo.[boundary_id] = p.[partition_number] - 1
            LEFT JOIN sys.partition_range_values AS hi ON hi.[function_id] = ps.[function_id] AND hi.[boundary_id] = p.[partition_number]
            WHERE s.[name] + N'.' + t.[name] IN (\(names))
            ORDER BY s.[name], t.[name], p.[partition_number];
            """
    }

    public func rangeCountQuery(_ table: PartitionedTable, lower: String?, upper: String?, function: PartitionFunction) throws -> String {
        "SELECT COUNT_BIG(*) FROM \(TSQL.qualified(table.name)) WHERE \(try rangePredicate(table.column, lower: lower, upper: upper));"
    }

    public func exactCountsQuery(_ table: PartitionedTable, function: PartitionFunction) -> String {
        """
        SELECT CONVERT(varchar(33), CONVERT(datetime2(7), lo.[value]), 126) AS [lower_bound], c.[rows]
        FROM (SELECT $PARTITION.\(TSQL.quote(function.name))(\(TSQL.quote(table.column))) AS [partition_number], COUNT_BIG(*) AS [rows]
              FROM \(TSQL.qualified(table.name))
              GROUP BY $PARTITION.\(TSQL.quote(function.name))(\(TSQL.quote(table.column)))) AS c
        LEFT JOIN sys.partition_range_values AS lo
            ON lo.[function_id] = (SELECT pf.[function_id] FROM sys.partition_functions AS pf WHERE pf.[name] = \(TSQL.nstring(function.name)))
           AND lo.[boundary_id] = c.[partition_number] - 1
        ORDER BY c.[partition_number];
        """
    }

    public func indexFiltersQuery(_ indexes: [(QualifiedName, String)]) -> String {
        let names = indexes.isEmpty ? "N''" : indexes.map { TSQL.nstring("\($0.0).\($0.1)") }.joined(separator: ", ")
        return """
            SELECT s.[name], t.[name], i.[name], i.[filter_definition]
            FROM sys.indexes AS i
            JOIN sys.tables AS t ON t.[object_id] = i.[object_id]
            JOIN sys.schemas AS s ON s.[schema_id] = t.[schema_id]
            WHERE s.[name] + N'.' + t.[name] + N'.' + i.[name] IN (\(names))
            ORDER BY s.[name], t.[name], i.[name];
            """
    }

    public func maintenanceStatements(_ step: PartitionStep, model: Database, lockTimeoutMilliseconds: Int) throws -> [String] {
        var statements = ["SET LOCK_TIMEOUT \(lockTimeoutMilliseconds);"]
        switch step {
        case .split(let function, let boundary, let previousLast, let tables, let movesRows):
            let pf = try partitionFunction(function, model)
            if !movesRows {
                for t in tables {
                    statements.append(try emptyGuard(t, lower: pf.literalText(date(previousLast)), upper: nil, what: "SPLIT of \(function) at \(boundary)"))
                }
            }
            for scheme in model.partitionSchemes where scheme.function == function {
                guard let filegroup = scheme.filegroups.last else { continue }
                statements.append("ALTER PARTITION SCHEME \(TSQL.quote(scheme.name)) NEXT USED \(TSQL.quote(filegroup));")
            }
            statements.append("ALTER PARTITION FUNCTION \(TSQL.quote(function))() SPLIT RANGE (\(TSQL.string(pf.literalText(try date(boundary)))));")
        case .merge(let function, let boundary, let upper, let tables):
            let pf = try partitionFunction(function, model)
            for t in tables {
                statements.append(try emptyGuard(t, lower: nil, upper: try upper.map { pf.literalText(try date($0)) }, what: "MERGE of \(function) at \(boundary)"))
            }
            statements.append("ALTER PARTITION FUNCTION \(TSQL.quote(function))() MERGE RANGE (\(TSQL.string(pf.literalText(try date(boundary)))));")
        case .expire(let function, let table, let partitions, let expiry):
            let pf = try partitionFunction(function, model)
            for p in partitions {
                statements.append(try numberGuard(pf, p))
            }
            switch expiry {
            case .switch(let archive):
                statements += try switchOut(table, partitions, archive: archive, pf: pf, model: model)
            default:
                statements.append("TRUNCATE TABLE \(TSQL.qualified(table.name)) WITH (PARTITIONS (\(partitionList(partitions.map(\.number)))));")
            }
        case .rollIndex(let q, let name, _, let to):
            guard let table = model.table(q), var index = table.indexes.first(where: { $0.name == name }), let r = index.rolling else {
                throw RenderError("\(q).\(name)", "is not a rolling index of the model")
            }
            index.filter = .binary(lhs: .column(r.column), op: .greaterOrEqual, rhs: .literal(.string(to, unicode: false)))
            statements.append(try IndexRenderer.create(q, index, table: table, dropExisting: true))
        }
        return statements
    }

    /// `[col] >= '…' AND [col] < '…'` (either side may be open).
    func rangePredicate(_ column: String, lower: String?, upper: String?) throws -> String {
        var parts: [String] = []
        if let lower { parts.append("\(TSQL.quote(column)) >= \(TSQL.string(lower))") }
        if let upper { parts.append("\(TSQL.quote(column)) < \(TSQL.string(upper))") }
        return parts.isEmpty ? "1 = 1" : parts.joined(separator: " AND ")
    }

    /// Aborts the step when the range holds a row; the update range lock keeps
    /// it empty until the SPLIT or MERGE that follows commits.
    func emptyGuard(_ t: PartitionedTable, lower: String?, upper: String?, what: String) throws -> String {
        let range = "[\(lower ?? "MIN"), \(upper ?? "MAX"))"
        return """
            IF EXISTS (SELECT 1 FROM \(TSQL.qualified(t.name)) WITH (UPDLOCK, HOLDLOCK) WHERE \(try rangePredicate(t.column, lower: lower, upper: upper)))
                THROW 50001, \(TSQL.nstring("oeedb: \(t.name) has rows in \(range); \(what) would move them, so nothing was changed. Run 'oeedb partitions status' and see the README on data movement")), 1;
            """
    }

    /// Aborts when partition `p.number` no longer starts at `p.lower` (the function changed since planning).
    func numberGuard(_ pf: PartitionFunction, _ p: PartitionRange) throws -> String {
        let probe = try p.upper.map { pf.literalText(try date($0)) } ?? ""
        return """
            IF $PARTITION.\(TSQL.quote(pf.name))(\(TSQL.string(probe))) <> \(p.number + 1)
                THROW 50002, \(TSQL.nstring("oeedb: partition \(p.number) of \(pf.name) is no longer \(p.text); nothing was changed. Run 'oeedb partitions maintain' again")), 1;
            """
    }

    /// `1 TO 3, 5`.
    func partitionList(_ numbers: [Int]) -> String {
        var runs: [(Int, Int)] = []
        for n in numbers.sorted() {
            if let last = runs.last, last.1 + 1 == n { runs[runs.count - 1].1 = n } else { runs.append((n, n)) }
        }
        return runs.map { $0.0 == $0.1 ? "\($0.0)" : "\($0.0) TO \($0.1)" }.joined(separator: ", ")
    }

    /// A staging table of identical structure in `archive` — same columns, keys,
    /// indexes and compression, on the partition's filegroup, constraints renamed
    /// after it and a CHECK matching the range — then SWITCH PARTITION into it.
    func switchOut(_ t: PartitionedTable, _ partitions: [PartitionRange], archive: String, pf: PartitionFunction, model: Database) throws -> [String] {
        guard let table = model.table(t.name), let storage = table.partitioning,
              let scheme = model.partitionScheme(named: storage.partitionScheme) else {
            throw RenderError("\(t.name)", "is not a partitioned table of the model")
        }
        guard scheme.filegroups.count == 1, let filegroup = scheme.filegroups.first else {
            throw RenderError("\(t.name)", "scheme \(scheme.name) maps partitions to several filegroups; switch expiry needs the staging table on the partition's filegroup, which oeedb supports for ALL TO ([fg]) schemes only. Use .truncate or one filegroup")
        }
        var statements = ["IF SCHEMA_ID(\(TSQL.nstring(archive))) IS NULL EXEC(N'CREATE SCHEMA \(TSQL.quote(archive).replacingOccurrences(of: "'", with: "''"))');"]
        for p in partitions {
            let name = QualifiedName(archive, archiveTableName(t.name.name, p))
            let suffix = String(name.name.dropFirst(t.name.name.count))
            var staging = Table(name: name.name, columns: table.columns.map { c in
                var c = c
                c.defaultConstraint?.name += suffix
                c.description = nil
                return c
            })
            staging.primaryKey = table.primaryKey.map { var k = $0; k.name += suffix; k.description = nil; return k }
            staging.uniqueConstraints = table.uniqueConstraints.map { var k = $0; k.name += suffix; k.description = nil; return k }
            staging.checks = table.checks.map { var c = $0; c.name += suffix; c.description = nil; return c }
            var range: [Expression] = [.isNull(.column(t.column), negated: true)]
            if let lower = p.lower { range.append(.binary(lhs: .column(t.column), op: .greaterOrEqual, rhs: .literal(.string(pf.literalText(try date(lower)), unicode: false)))) }
            if let upper = p.upper { range.append(.binary(lhs: .column(t.column), op: .less, rhs: .literal(.string(pf.literalText(try date(upper)), unicode: false)))) }
            staging.checks.append(CheckConstraint(name: "ck_\(name.name)_range", expression: .and(range)))
            staging.compression = table.compression
            var create = try TableRenderer.createTable(name, staging)
            if let close = create.range(of: "\n)", options: .backwards) {
                create.insert(contentsOf: "\nON \(TSQL.quote(filegroup))", at: close.upperBound)
            }
            statements.append(create)
            for index in table.indexes {
                var i = index
                i.placement = .filegroup(filegroup)
                i.description = nil
                statements.append(try IndexRenderer.create(name, i, table: nil))
            }
            statements.append("ALTER TABLE \(TSQL.qualified(t.name)) SWITCH PARTITION \(p.number) TO \(TSQL.qualified(name));")
        }
        return statements
    }

    func partitionFunction(_ name: String, _ model: Database) throws -> PartitionFunction {
        guard let pf = model.partitionFunction(named: name) else { throw RenderError(name, "is not a partition function of the model") }
        return pf
    }

    func date(_ iso: String) throws -> CivilDate {
        guard let d = CivilDate(iso: iso) else { throw RenderError("partition maintenance", "'\(iso)' is not a date (YYYY-MM-DD)") }
        return d
    }
}
