import OEEModel

/// The start of a step of a migration: the batches from here to the next step
/// run in a transaction of their own, or outside any (what CREATE INDEX
/// CONCURRENTLY and resumable index builds require). Written into the file as
/// `-- oeedb:step transaction` / `-- oeedb:step no-transaction index=s.ix,…`.
public struct BatchStep: Hashable, Sendable {
    public var transactional: Bool
    /// Indexes the step builds concurrently: a failed build leaves them behind
    /// INVALID, and the runner drops those before it runs the step again.
    public var indexes: [QualifiedName]

    public init(transactional: Bool, indexes: [QualifiedName] = []) {
        self.transactional = transactional
        self.indexes = indexes
    }

    public static let transaction = BatchStep(transactional: true)

    /// The `-- oeedb:step …` directive line.
    public var directive: String {
        if transactional { return "-- oeedb:step transaction" }
        let list = indexes.map(\.description).joined(separator: ",")
        return "-- oeedb:step no-transaction" + (list.isEmpty ? "" : " index=\(list)")
    }
}

extension SQLScript {
    /// After a batch that runs outside the transaction, the next ordinary batch
    /// starts a new transactional step (so the rest does not run in autocommit).
    public mutating func closeSteps() {
        var outside = false
        for i in batches.indices {
            if let step = batches[i].step {
                outside = !step.transactional
            } else if outside {
                batches[i].step = .transaction
                outside = false
            }
        }
    }

    /// Whether any batch starts a step.
    public var hasSteps: Bool { batches.contains { $0.step != nil } }
}
