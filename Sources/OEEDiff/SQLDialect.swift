import OEEModel

/// Renders migration plans to one engine's SQL. Rendering throws on anything
/// the dialect cannot express instead of emitting bad SQL.
public protocol SQLDialect: Sendable {
    /// Stable id, used for raw-SQL escape hatches and folder names: `sqlserver`, `postgres`.
    var id: String { get }
    /// Renders the plan's changes, in order, as batches.
    func render(_ plan: MigrationPlan) throws -> SQLScript
    /// The whole text of a migration body: session settings, then each batch
    /// with its comment and the dialect's batch separator.
    func scriptText(_ script: SQLScript) -> String
}

/// Rendered SQL, split into batches that are sent to the server one at a time.
public struct SQLScript: Hashable, Sendable {
    public var batches: [SQLBatch]

    public init(batches: [SQLBatch] = []) {
        self.batches = batches
    }

    public var isEmpty: Bool { batches.isEmpty }
}

/// One batch: the SQL text (no trailing separator) and an optional one-line
/// comment saying what it does.
public struct SQLBatch: Hashable, Sendable {
    public var sql: String
    public var comment: String?
    /// Set when the batch starts a new step of the migration (an online
    /// operation that must run outside the main transaction); see ``BatchStep``.
    public var step: BatchStep?

    public init(_ sql: String, comment: String? = nil, step: BatchStep? = nil) {
        self.sql = sql
        self.comment = comment
        self.step = step
    }
}

/// Something the dialect cannot express, naming the object and what to do.
public struct RenderError: Error, Hashable, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String

    public init(_ path: String, _ message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}
