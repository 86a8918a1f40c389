import OEEModel

/// One step of partition maintenance. Each step runs in its own short
/// transaction with its log row, so an interrupted run leaves the database at
/// a step boundary and the next run plans from there. Boundaries are ISO dates
/// (`2026-10-01`); `nil` stands for MINVALUE / MAXVALUE.
public enum PartitionStep: Hashable, Sendable, Codable {
    /// NEXT USED on every scheme of `function`, then SPLIT the end range
    /// `[previousLast, MAX)` at `boundary`. `movesRows` only with --allow-data-movement.
    case split(function: String, boundary: String, previousLast: String, tables: [PartitionedTable], movesRows: Bool)
    /// Expires the listed partitions of one table (truncate or switch into the archive schema).
    case expire(function: String, table: PartitionedTable, partitions: [PartitionRange], expiry: PartitionExpiry)
    /// MERGE the empty range below `boundary` into the one above: `[MIN, boundary)`
    /// and `[boundary, upper)` become `[MIN, upper)`.
    case merge(function: String, boundary: String, upper: String?, tables: [PartitionedTable])
    /// Rebuilds a rolling filtered index with its new lower bound.
    case rollIndex(table: QualifiedName, index: String, from: String?, to: String)

    /// `split`, `expire`, `merge`, `roll-index`: the log's action column.
    public var action: String {
        switch self {
        case .split: return "split"
        case .expire(_, _, _, let e): return e.archiveSchema == nil ? "truncate" : "switch"
        case .merge: return "merge"
        case .rollIndex: return "roll-index"
        }
    }

    /// The function or index the step changes.
    public var target: String {
        switch self {
        case .split(let f, _, _, _, _), .merge(let f, _, _, _): return f
        case .expire(_, let t, _, _): return "\(t.name)"
        case .rollIndex(let t, let i, _, _): return "\(t).\(i)"
        }
    }

    public var function: String? {
        switch self {
        case .split(let f, _, _, _, _), .merge(let f, _, _, _), .expire(let f, _, _, _): return f
        case .rollIndex: return nil
        }
    }

    /// One line for people: what the step does and to which ranges.
    public var summary: String {
        switch self {
        case .split(let f, let b, let last, let tables, let moves):
            return "split \(f) at \(b) (end range [\(last), MAX) of \(tables.map { "\($0.name)" }.joined(separator: ", "))\(moves ? "; MOVES ROWS" : ", empty"))"
        case .expire(_, let t, let parts, let e):
            let ranges = parts.map(\.text).joined(separator: ", ")
            switch e {
            case .switch(let schema): return "switch \(t.name) \(ranges) into \(schema) (\(parts.map(\.rows).reduce(0, +)) rows)"
            default: return "truncate \(t.name) \(ranges) (\(parts.map(\.rows).reduce(0, +)) rows)"
            }
        case .merge(let f, let b, let upper, _):
            return "merge \(f) at \(b) (empty [MIN, \(b)) + [\(b), \(upper ?? "MAX")))"
        case .rollIndex(let t, let i, let from, let to):
            return "roll \(t).\(i) lower bound \(from ?? "?") → \(to)"
        }
    }
}

/// A table on a partition function and its partitioning column.
public struct PartitionedTable: Hashable, Sendable, Codable {
    public var name: QualifiedName
    public var column: String

    public init(name: QualifiedName, column: String) {
        self.name = name
        self.column = column
    }
}

/// One partition: its 1-based number (RANGE RIGHT: partition 1 is `[MIN, b1)`),
/// bounds (nil = MIN / MAX) and rows (exact where the planner needed it).
public struct PartitionRange: Hashable, Sendable, Codable {
    public var number: Int
    public var lower: String?
    public var upper: String?
    public var rows: Int64

    public init(number: Int, lower: String?, upper: String?, rows: Int64) {
        self.number = number
        self.lower = lower
        self.upper = upper
        self.rows = rows
    }

    public var text: String { "[\(lower ?? "MIN"), \(upper ?? "MAX"))" }
}

/// What the runner needs from a dialect to inspect and maintain partitions:
/// SQL text only (dialects never import ODBC).
public protocol PartitionMaintenanceDialect: SQLDialect {
    /// Idempotent DDL of the maintenance log in the tool's schema.
    func maintenanceLogDDL(schema: String) -> [String]
    /// Parameters: run_id, as_of_utc, step_no, action, target, detail, rows_affected, succeeded, executed_by, execution_ms.
    func insertMaintenanceLog(schema: String) -> String
    /// Rows `(schema, table, partition_number, lower, upper, estimated_rows)` for
    /// every partition of `tables`; bounds as text, NULL for MINVALUE / MAXVALUE.
    func partitionsQuery(_ tables: [QualifiedName]) -> String
    /// One row, one value: the exact number of rows of `table` with `lower <= column < upper`.
    func rangeCountQuery(_ table: PartitionedTable, lower: String?, upper: String?, function: PartitionFunction) throws -> String
    /// Rows `(lower, rows)`: exact rows per non-empty partition of `table` (lower NULL for the first).
    func exactCountsQuery(_ table: PartitionedTable, function: PartitionFunction) -> String
    /// Rows `(schema, table, index, filter text)` for the named indexes.
    func indexFiltersQuery(_ indexes: [(QualifiedName, String)]) -> String
    /// The statements of one step, run in one transaction; `model` holds the
    /// tables, schemes and indexes the step names.
    func maintenanceStatements(_ step: PartitionStep, model: Database, lockTimeoutMilliseconds: Int) throws -> [String]
}

/// `cycle_p20250101` for the partition starting 2025-01-01; `cycle_before_20250101`
/// for the first partition (it has no lower bound).
public func archiveTableName(_ table: String, _ p: PartitionRange) -> String {
    if let lower = p.lower { return table + "_p" + lower.replacingOccurrences(of: "-", with: "") }
    return table + "_before_" + (p.upper ?? "max").replacingOccurrences(of: "-", with: "")
}
