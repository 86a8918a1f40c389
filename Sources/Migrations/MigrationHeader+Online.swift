/// The directives for migrations a 24/7 plant can take:
///
///     -- oeedb:accept-blocking backfill window agreed with the line leads
///     -- oeedb:pre-checks before-transaction
///     …
///     -- oeedb:step no-transaction index=fact.ix_cycle_site
///     CREATE INDEX CONCURRENTLY IF NOT EXISTS "ix_cycle_site" ON "fact"."cycle" ("site_id" ASC);
///     -- oeedb:step transaction
///     ALTER TABLE "fact"."cycle" VALIDATE CONSTRAINT "fk_cycle_site";
///
/// - `accept-blocking REASON` (header): `oeedb plan` accepts this migration's
///   blocking steps whatever their row counts; the reason is required.
/// - `pre-checks before-transaction` (header): the runner runs the pre-checks
///   read-only in autocommit before the migration's transaction begins, so a
///   long scan holds no DDL lock and no open transaction. The data can change
///   between the check and the DDL; the DDL itself still fails on bad rows.
/// - `step transaction|no-transaction [index=s.ix,…]` (body, written by
///   `oeedb generate`): the batches after it run in a transaction of their own
///   or outside any (CREATE INDEX CONCURRENTLY, resumable index builds). Each
///   finished step is recorded, so a rerun after a failure resumes at the
///   failed step; the indexes listed are dropped first when a failed
///   concurrent build left them INVALID.
public struct OnlineDirectives: Hashable, Sendable {
    public static let names = ["accept-blocking", "pre-checks", "step"]

    public var acceptBlocking: String?
    public var preChecksBeforeTransaction = false
    public var steps: [MigrationStep] = []

    public init() {}

    /// The header lines (steps live in the body, where the script puts them).
    var headerLines: [String] {
        var lines: [String] = []
        if let acceptBlocking { lines.append("-- oeedb:accept-blocking \(acceptBlocking)") }
        if preChecksBeforeTransaction { lines.append("-- oeedb:pre-checks before-transaction") }
        return lines
    }

    /// Reads one directive; returns a problem (`file:line: …`) or nil.
    mutating func read(_ key: String, _ value: String, line: Int, at: String) -> String? {
        switch key {
        case "accept-blocking":
            guard !value.isEmpty else { return "\(at): oeedb:accept-blocking needs a reason, e.g. '-- oeedb:accept-blocking maintenance window 02:00'" }
            if acceptBlocking != nil { return "\(at): oeedb:accept-blocking is given twice; keep one" }
            acceptBlocking = value
        case "pre-checks":
            guard value == "before-transaction" else { return "\(at): oeedb:pre-checks takes 'before-transaction', not '\(value)'" }
            preChecksBeforeTransaction = true
        default:
            let parts = value.split(separator: " ").map(String.init)
            guard let mode = parts.first, mode == "transaction" || mode == "no-transaction" else {
                return "\(at): oeedb:step must be 'transaction' or 'no-transaction [index=schema.name,…]', not '\(value)'"
            }
            var indexes: [String] = []
            for part in parts.dropFirst() {
                guard part.hasPrefix("index="), mode == "no-transaction" else {
                    return "\(at): oeedb:step: unexpected '\(part)'; only 'no-transaction' takes 'index=schema.name,…'"
                }
                indexes += part.dropFirst("index=".count).split(separator: ",").map(String.init)
            }
            steps.append(MigrationStep(line: line, transactional: mode == "transaction", indexes: indexes))
        }
        return nil
    }
}

/// Where a step starts in the file and how it runs.
public struct MigrationStep: Hashable, Sendable {
    /// 1-based line of the `-- oeedb:step` directive; the step holds the batches after it.
    public var line: Int
    public var transactional: Bool
    /// `schema.name` of indexes built concurrently in the step.
    public var indexes: [String]

    public init(line: Int, transactional: Bool, indexes: [String] = []) {
        self.line = line
        self.transactional = transactional
        self.indexes = indexes
    }
}
