/// What a seed run found and did, for the terminal and for `--json`.
public struct SeedReport: Codable, Sendable {
    public var database: String?
    public var dialect: String?
    public var sets: [String]
    public var dryRun: Bool
    public var prune: Bool
    /// True when the seed was valid and (unless a dry run) loaded.
    public var ok: Bool
    public var tables: [TableReport]
    public var errors: [SeedDiagnostic]
    /// A failure that is not a seed-file problem (the database refused a statement).
    public var failure: String?

    public init(database: String?, dialect: String?, sets: [String], dryRun: Bool, prune: Bool) {
        self.database = database
        self.dialect = dialect
        self.sets = sets
        self.dryRun = dryRun
        self.prune = prune
        self.ok = false
        self.tables = []
        self.errors = []
    }

    public struct TableReport: Codable, Sendable {
        public var table: String
        public var files: [String]
        public var rows: Int
        public var inserted: Int
        public var updated: Int
        public var unchanged: Int
        /// Database rows the seed lacks.
        public var extra: Int
        public var deleted: Int
        /// Every insert, update and extra row, by key.
        public var changes: [RowReport]
    }

    public struct RowReport: Codable, Sendable {
        /// `insert`, `update`, `extra` or `delete`.
        public var action: String
        public var key: [String: String?]
        /// For updates: the columns that change, with old and new values.
        public var columns: [ColumnReport]?
        /// Where the seed row is written (`file:line`); nil for extra rows.
        public var source: String?
    }

    public struct ColumnReport: Codable, Sendable {
        public var column: String
        public var old: String?
        public var new: String?
    }

    /// Fills the table sections from a plan.
    public mutating func add(_ plan: SeedPlan) {
        tables = plan.tables.map { t in
            let keyColumns = t.seed.keyColumns
            func key(_ k: SeedKey) -> [String: String?] {
                Dictionary(uniqueKeysWithValues: zip(keyColumns, k.values.map(\.json)))
            }
            var changes: [RowReport] = t.inserts.map {
                RowReport(action: "insert", key: key(t.seed.key(of: $0)), columns: nil, source: "\($0.file):\($0.line)")
            }
            changes += t.updates.map { u in
                RowReport(action: "update", key: key(u.key), columns: u.changes.map { ColumnReport(column: $0.column, old: $0.old.json, new: $0.new.json) },
                          source: "\(u.row.file):\(u.row.line)")
            }
            changes += t.extras.map { RowReport(action: t.prune ? "delete" : "extra", key: key($0), columns: nil, source: nil) }
            return TableReport(table: t.name.description, files: t.seed.files, rows: t.seed.rows.count, inserted: t.inserts.count,
                               updated: t.updates.count, unchanged: t.unchanged, extra: t.extras.count, deleted: t.deletes.count, changes: changes)
        }
    }
}
