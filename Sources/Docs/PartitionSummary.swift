import OEEModel

/// A partition function read for people: RANGE direction and input type, the
/// window (start, unit, count), first and last boundary, partition count and
/// the retention the window holds (count × unit).
public struct PartitionWindow: Hashable, Sendable {
    public var function: PartitionFunction

    public init(_ function: PartitionFunction) {
        self.function = function
    }

    /// `RANGE RIGHT on datetime2(3)`.
    public var range: String { "RANGE \(function.range.rawValue) on \(function.inputType)" }

    /// `from 2025-01-01, 25 × month`, or `3 explicit boundaries`.
    public var window: String {
        switch function.boundaries {
        case .window(let start, let unit, let count): return "from \(start), \(count) × \(unit.rawValue)"
        case .values(let v): return "\(v.count) explicit boundaries"
        }
    }

    public var boundaryCount: Int { function.boundaryValues.count }
    public var partitionCount: Int { function.partitionCount }
    public var firstBoundary: String? { function.boundaryValues.first.map(PartitionWindow.text) }
    public var lastBoundary: String? { function.boundaryValues.last.map(PartitionWindow.text) }

    /// `25 months` for a window; `nil` for explicit boundaries.
    public var retention: String? {
        guard case .window(_, let unit, let count) = function.boundaries else { return nil }
        return "\(count) \(unit.rawValue)\(count == 1 ? "" : "s")"
    }

    static func text(_ literal: Literal) -> String {
        if case .string(let s, _) = literal { return s }
        return ExpressionText.render(literal)
    }
}

/// Where a partitioned table lives and what its function's window means.
public struct PartitionSummary: Hashable, Sendable {
    public var scheme: String
    public var column: String
    /// The scheme's function name (`?` when the scheme is not in the model).
    public var function: String
    public var filegroups: [String]
    /// `nil` when the scheme or function is missing from the model.
    public var window: PartitionWindow?

    public init(storage: TableStorage, database: Database) {
        scheme = storage.partitionScheme
        column = storage.partitionColumn
        let s = database.partitionScheme(named: storage.partitionScheme)
        function = s?.function ?? "?"
        filegroups = s?.filegroups ?? []
        window = s.flatMap { database.partitionFunction(named: $0.function) }.map(PartitionWindow.init)
    }

    /// `ps_month(bucket_start_utc)`.
    public var placement: String { "\(scheme)(\(column))" }

    /// `ps_month(start_ts) → pf_month, RANGE RIGHT on datetime2(3); window from 2025-01-01, 25 × month;
    /// boundaries 2025-01-01T00:00:00 … 2027-01-01T00:00:00; 26 partitions; retention 25 months`; with a
    /// rolling window, `initial window …` and `lifecycle monthly: 3 month(s) ahead, 24 month(s) retained, …`.
    public var sentence: String {
        guard let w = window else { return "\(placement) → \(function) (not in the model)" }
        var parts = ["\(placement) → \(function), \(w.range)", "window \(w.window)"]
        if let first = w.firstBoundary, let last = w.lastBoundary { parts.append("boundaries \(first) … \(last)") }
        parts.append("\(w.partitionCount) partitions")
        if let policy = w.function.rolling {
            // The window is only where the baseline starts; the policy keeps it moving.
            parts[1] = "initial window \(w.window)"
            parts.append("lifecycle \(policy.summary) (oeedb partitions maintain)")
        } else if let r = w.retention {
            parts.append("retention \(r)")
        }
        return parts.joined(separator: "; ")
    }
}
