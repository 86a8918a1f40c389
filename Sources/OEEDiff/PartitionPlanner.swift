import OEEModel

/// The live partitions of the tables on rolling functions, as the catalog
/// reports them (rows are estimates), and the live bounds of rolling indexes.
public struct LivePartitionState: Sendable {
    /// Per table, ordered by partition number; bounds as the catalog prints them.
    public var partitions: [QualifiedName: [PartitionRange]]
    /// `schema.table.index` → the filter's literal lower bound as the catalog prints it.
    public var indexLowerBounds: [String: String]

    public init(partitions: [QualifiedName: [PartitionRange]] = [:], indexLowerBounds: [String: String] = [:]) {
        self.partitions = partitions
        self.indexLowerBounds = indexLowerBounds
    }
}

/// What maintenance would do to one rolling function now, and where it stands.
public struct FunctionPlan: Hashable, Sendable, Codable {
    public var function: String
    public var policy: String
    public var tables: [TablePartitions]
    public var boundaryCount: Int
    public var firstBoundary: String?
    public var lastBoundary: String?
    /// Whole units covered beyond the current one, now and after the steps.
    public var coverageAhead: Int
    public var coverageAfter: Int
    public var requiredAhead: Int
    /// The lower bound of the oldest partition holding rows (`MIN` for the first).
    public var oldestData: String?
    public var steps: [PartitionStep]
    /// Steps refused (rows would move, boundaries off the grid), each naming the range and the fix.
    public var refusals: [String]

    public var belowPolicy: Bool { coverageAhead < requiredAhead }
}

public struct TablePartitions: Hashable, Sendable, Codable {
    public var table: QualifiedName
    public var partitions: [PartitionRange]
    public var rowsAreExact: Bool
}

/// Plans partition maintenance at a given time from the live state. Pure: the
/// only input beyond its arguments is `count`, which returns the exact rows of
/// a range (the runner asks the database; tests pass a dictionary).
///
/// Rules, per function with a rolling window at time `asOf` (unit U, today = the
/// start of the unit holding asOf):
/// - the last boundary must reach today + ahead + 2 U: SPLIT the empty end
///   range once per missing boundary, skipping boundaries that would expire
///   at once (catch-up after missed runs); refused when the end range holds
///   rows, unless `allowDataMovement`;
/// - partitions whose whole range lies before today − retain U expire:
///   truncated or switched out (empty ones are skipped), then their
///   boundaries are merged from the bottom up — merges of emptied ranges only;
/// - a rolling index is rebuilt when its lower bound differs from the policy's.
public struct PartitionPlanner {
    public var model: Database
    public var asOf: UTCInstant
    public var allowDataMovement: Bool
    public var count: (PartitionedTable, String?, String?) throws -> Int64

    public init(model: Database, asOf: UTCInstant, allowDataMovement: Bool = false,
                count: @escaping (PartitionedTable, String?, String?) throws -> Int64) {
        self.model = model
        self.asOf = asOf
        self.allowDataMovement = allowDataMovement
        self.count = count
    }

    /// Rolling functions of the model with the tables on their schemes.
    public static func rollingFunctions(_ model: Database) -> [(PartitionFunction, [PartitionedTable])] {
        model.partitionFunctions.compactMap { pf in
            guard pf.rolling != nil else { return nil }
            let schemes = Set(model.partitionSchemes.filter { $0.function == pf.name }.map(\.name))
            let tables = model.allTables.compactMap { q, t -> PartitionedTable? in
                guard let p = t.partitioning, schemes.contains(p.partitionScheme) else { return nil }
                return PartitionedTable(name: q, column: p.partitionColumn)
            }
            return (pf, tables)
        }
    }

    /// Rolling indexes of the model: table, index.
    public static func rollingIndexes(_ model: Database) -> [(QualifiedName, Index)] {
        model.allTables.flatMap { q, t in t.indexes.filter { $0.rolling != nil }.map { (q, $0) } }
    }

    public func plan(_ pf: PartitionFunction, tables: [PartitionedTable], live: LivePartitionState) throws -> FunctionPlan {
        guard let policy = pf.rolling else { throw RenderError(pf.name, "has no rolling window") }
        var refusals: [String] = []
        var statuses: [TablePartitions] = []
        var boundarySets: [(PartitionedTable, [CivilDate])] = []
        for t in tables {
            guard let parts = live.partitions[t.name], !parts.isEmpty else {
                refusals.append("\(t.name): the database has no partitions for it (is it partitioned? run 'oeedb migrate' and 'oeedb drift')")
                continue
            }
            statuses.append(TablePartitions(table: t.name, partitions: parts, rowsAreExact: false))
            var dates: [CivilDate] = []
            for p in parts.dropFirst() {
                guard let text = p.lower, let instant = UTCInstant(boundary: text), instant.secondsOfDay == 0, policy.isOnGrid(instant.date) else {
                    refusals.append("\(t.name): boundary \(p.lower ?? "NULL") is not on the \(policy.unit == .day ? "daily (UTC midnight)" : "monthly (first of the month, UTC midnight)") grid of \(pf.name); nothing is planned for it. Fix: 'oeedb drift --against model --sql' shows the SPLIT/MERGE that repairs it")
                    dates = []
                    break
                }
                dates.append(instant.date)
            }
            if !dates.isEmpty { boundarySets.append((t, dates)) }
        }
        let today = policy.floor(asOf.date)
        var plan = FunctionPlan(function: pf.name, policy: policy.summary, tables: statuses, boundaryCount: 0, firstBoundary: nil, lastBoundary: nil,
                                coverageAhead: 0, coverageAfter: 0, requiredAhead: policy.ahead, oldestData: nil, steps: [], refusals: refusals)
        guard let (_, boundaries) = boundarySets.first, refusals.isEmpty else {
            if boundarySets.isEmpty && refusals.isEmpty {
                plan.refusals.append("\(pf.name): no table on it has boundaries; nothing to maintain")
            }
            return plan
        }
        if let other = boundarySets.first(where: { $0.1 != boundaries }) {
            plan.refusals.append("\(pf.name): \(other.0.name) has other boundaries than \(boundarySets[0].0.name); nothing is planned. Fix: 'oeedb drift --against model --sql' shows the repair")
            return plan
        }
        plan.boundaryCount = boundaries.count
        plan.firstBoundary = boundaries.first?.iso
        plan.lastBoundary = boundaries.last?.iso
        plan.oldestData = statuses.flatMap { $0.partitions.filter { $0.rows > 0 } }.min { ($0.lower ?? "") < ($1.lower ?? "") }.map { $0.lower ?? "MIN" }
        let last = boundaries.last!
        plan.coverageAhead = policy.coverageAhead(lastBoundary: last, at: today)
        plan.coverageAfter = plan.coverageAhead
        let cutoff = policy.cutoff(at: today)
        let tablesOn = boundarySets.map(\.0)

        // 1. Ahead: SPLIT the empty end range.
        let target = policy.targetLastBoundary(at: today)
        var added: [CivilDate] = []
        var g = policy.adding(1, to: last)
        while g <= target {
            if cutoff.map({ g >= $0 }) ?? true { added.append(g) }
            g = policy.adding(1, to: g)
        }
        var all = boundaries
        if !added.isEmpty {
            var endRows: [(PartitionedTable, Int64)] = []
            for t in tablesOn {
                let n = try count(t, pf.literalText(last), nil)
                if n > 0 { endRows.append((t, n)) }
            }
            if !endRows.isEmpty && !allowDataMovement {
                for (t, n) in endRows {
                    plan.refusals.append("\(t.name): the end range [\(last.iso), MAX) of \(pf.name) holds \(n) row(s); splitting it would move them under a schema lock (up to 4× the log). Nothing was split. Fix: move or delete those rows, or run 'oeedb partitions maintain --allow-data-movement' in a maintenance window")
                }
            } else {
                var previous = last
                for b in added {
                    plan.steps.append(.split(function: pf.name, boundary: b.iso, previousLast: previous.iso, tables: tablesOn, movesRows: !endRows.isEmpty))
                    previous = b
                }
                all += added
                plan.coverageAfter = policy.coverageAhead(lastBoundary: added.last!, at: today)
            }
        }

        // 2. Expire partitions wholly before the cutoff, then merge their boundaries.
        if let cutoff, let j = all.lastIndex(where: { $0 <= cutoff }) {
            for t in tablesOn {
                var expired: [PartitionRange] = []
                for i in 0...j {
                    let lower = i == 0 ? nil : all[i - 1]
                    let n = try count(t, lower.map(pf.literalText), pf.literalText(all[i]))
                    if n > 0 { expired.append(PartitionRange(number: i + 1, lower: lower?.iso, upper: all[i].iso, rows: n)) }
                }
                if expired.isEmpty { continue }
                if case .switch = policy.expiry {
                    for p in expired { plan.steps.append(.expire(function: pf.name, table: t, partitions: [p], expiry: policy.expiry)) }
                } else {
                    plan.steps.append(.expire(function: pf.name, table: t, partitions: expired, expiry: policy.expiry))
                }
            }
            for i in 0..<j {
                plan.steps.append(.merge(function: pf.name, boundary: all[i].iso, upper: all[i + 1].iso, tables: tablesOn))
            }
        }
        return plan
    }

    /// Rebuild steps for every rolling index whose live bound differs from the policy's at `asOf`.
    public func indexSteps(live: LivePartitionState) -> (steps: [PartitionStep], refusals: [String]) {
        var steps: [PartitionStep] = []
        var refusals: [String] = []
        for (q, index) in PartitionPlanner.rollingIndexes(model) {
            guard let r = index.rolling else { continue }
            let want = r.lowerBound(at: asOf).literalText
            let key = "\(q).\(index.name)"
            guard let text = live.indexLowerBounds[key] else {
                refusals.append("\(key): the index is missing or has no literal lower bound in the database; nothing was rolled. Fix: 'oeedb drift --against model --sql' shows the repair")
                continue
            }
            let current = UTCInstant(boundary: text)
            if current?.literalText != want {
                steps.append(.rollIndex(table: q, index: index.name, from: current?.literalText ?? text, to: want))
            }
        }
        return (steps, refusals)
    }
}

extension PartitionFunction {
    /// The literal text of a grid date for this function (`2026-10-01T00:00:00`).
    public func literalText(_ date: CivilDate) -> String {
        if case .string(let s, _) = literal(for: date) { return s }
        return date.iso
    }
}

/// The first single-quoted literal of a catalog filter text
/// (`([ts_utc]>='2026-11-28T00:00:00.000')`, `(ts_utc >= '2026-11-28 00:00:00'::timestamp…)`).
/// A scan rather than a parser: filters of rolling indexes are `column >= literal`
/// by validation, so the first string literal is the bound.
public func firstQuotedLiteral(_ text: String) -> String? {
    guard let open = text.firstIndex(of: "'") else { return nil }
    let rest = text[text.index(after: open)...]
    guard let close = rest.firstIndex(of: "'") else { return nil }
    return String(rest[..<close])
}
