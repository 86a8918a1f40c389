/// The state of one version, in the directory and the database.
public struct MigrationStatus: Codable, Hashable, Sendable {
    public enum State: String, Codable, Sendable {
        /// Applied, and the file still has the checksum that was applied.
        case applied
        /// In the directory, not in the database.
        case pending
        /// The last attempt failed and was rolled back.
        case failed
        /// Applied, but the file changed since: never run a tampered script.
        case checksumMismatch = "checksum mismatch"
        /// In the database history, not in the directory (an older checkout?).
        case missingFile = "missing file"
    }

    public var version: Int
    public var name: String
    public var state: State
    public var appliedAt: String?
    public var appliedBy: String?
    public var executionMs: Int?
}

/// One row of the history table.
public struct HistoryRow: Hashable, Sendable {
    public var version: Int
    public var name: String
    public var checksum: String
    public var appliedBy: String
    public var appliedAt: String
    public var executionMs: Int
    public var success: Bool
}

/// What a migrate run did, for `--json` and tests.
public struct RunReport: Codable, Sendable {
    public struct Applied: Codable, Hashable, Sendable {
        public var version: Int
        public var name: String
        public var milliseconds: Int
        public var batches: Int
        public var preChecks: Int
        public var postChecks: Int
    }

    /// Where and why a run stopped.
    public struct Failure: Codable, Hashable, Sendable {
        /// The migration that failed (`V0003__x`); nil when the run stopped
        /// before any migration (directory not intact, history mismatch).
        public var migration: String?
        public var batch: Int?
        public var line: Int?
        public var sqlState: String?
        public var message: String

        public init(migration: String?, batch: Int?, line: Int?, sqlState: String?, message: String) {
            self.migration = migration
            self.batch = batch
            self.line = line
            self.sqlState = sqlState
            self.message = message
        }
    }

    public var database: String
    public var dialect: String
    /// The migrations this run applied and committed, also when a later one failed.
    public var applied: [Applied] = []
    /// Set when the run stopped on an error.
    public var failed: Failure?
    public var pending: [String] = []
    public var upToDate: Bool = false
    public var dryRun: Bool = false

    public init(database: String, dialect: String, dryRun: Bool = false) {
        self.database = database
        self.dialect = dialect
        self.dryRun = dryRun
    }
}
