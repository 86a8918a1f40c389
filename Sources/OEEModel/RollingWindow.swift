/// The lifecycle policy of a partition function: a window that rolls with the
/// clock instead of a fixed list of boundaries.
///
/// The declared boundaries (`.days(from:count:)`) stay the *initial* window the
/// baseline creates — rendered without reading the clock. From then on
/// `oeedb partitions maintain` owns the boundaries: it keeps `ahead` empty
/// partitions beyond the current one (plus one unit of slack, so a daily job
/// that runs late never lets coverage drop below `ahead`), expires partitions
/// whose whole range is older than `retain` units, and merges the emptied
/// boundaries. `generate` and `drift` treat boundaries on the policy's grid as
/// the policy's business, not as model changes.
public struct RollingWindow: Hashable, Sendable, Codable {
    /// Granularity of the boundaries: one per UTC day or per UTC month.
    public var unit: PartitionFunction.Unit
    /// Whole units that must be covered by their own partition beyond the current one.
    public var ahead: Int
    /// Whole units of data kept before the current one; older partitions expire.
    public var retain: Int
    public var expiry: PartitionExpiry

    public init(unit: PartitionFunction.Unit, ahead: Int, retain: Int, expiry: PartitionExpiry) {
        self.unit = unit
        self.ahead = ahead
        self.retain = retain
        self.expiry = expiry
    }

    /// The start of the unit holding `date` (the day itself, or the first of its month).
    public func floor(_ date: CivilDate) -> CivilDate {
        unit == .day ? date : CivilDate(year: date.year, month: date.month, day: 1)!
    }

    public func adding(_ n: Int, to date: CivilDate) -> CivilDate {
        unit == .day ? date.addingDays(n) : date.addingMonths(n)
    }

    /// Whether `date` is a boundary of this grid (any day; the first of a month).
    public func isOnGrid(_ date: CivilDate) -> Bool { unit == .day || date.day == 1 }

    /// Whole units from `a` to `b` (both on the grid).
    public func units(from a: CivilDate, to b: CivilDate) -> Int {
        unit == .day ? b.dayNumber - a.dayNumber : (b.year * 12 + b.month) - (a.year * 12 + a.month)
    }

    /// The last boundary maintenance keeps at `now`: the current unit, `ahead`
    /// units and one of slack have their own partition; the catch-all starts after them.
    public func targetLastBoundary(at now: CivilDate) -> CivilDate { adding(ahead + 2, to: floor(now)) }

    /// Partitions wholly before this date have expired at `now` (nil for `keep`).
    public func cutoff(at now: CivilDate) -> CivilDate? {
        if case .keep = expiry { return nil }
        return adding(-retain, to: floor(now))
    }

    /// Whole units covered beyond the current one when the last boundary is `last`.
    public func coverageAhead(lastBoundary last: CivilDate, at now: CivilDate) -> Int {
        units(from: adding(1, to: floor(now)), to: last)
    }

    public var summary: String {
        let u = unit == .day ? "day" : "month"
        return "\(unit == .day ? "daily" : "monthly"): \(ahead) \(u)(s) ahead, \(retain) \(u)(s) retained, expiry: \(expiry.summary)"
    }
}

/// What happens to a partition once its whole range is older than the retention.
public enum PartitionExpiry: Hashable, Sendable, Codable {
    /// Emptied in place: `TRUNCATE TABLE … WITH (PARTITIONS (…))` on SQL Server
    /// 2016+, DETACH + DROP of the child on PostgreSQL.
    case truncate
    /// Moved into a table of identical structure in the schema `to`
    /// (`<table>_p<lower bound>`): `SWITCH PARTITION` on SQL Server, DETACH +
    /// `SET SCHEMA` on PostgreSQL. The archive tables are the DBA's to back up and drop.
    case `switch`(to: String)
    /// Never removed: boundaries are only added ahead.
    case keep

    public var summary: String {
        switch self {
        case .truncate: return "truncate"
        case .switch(let schema): return "switch to schema \(schema)"
        case .keep: return "keep"
        }
    }

    public var archiveSchema: String? {
        if case .switch(let s) = self { return s }
        return nil
    }
}

/// A filtered index whose `column >= literal` lower bound rolls with the same
/// clock as the partition windows (SQL Server forbids GETDATE() in a filter):
/// the literal is the start of the `stepHours` grid slot holding `now − keepHours`,
/// so the index always covers at least `keepHours` and is rebuilt at most once a slot.
public struct RollingFilter: Hashable, Sendable, Codable {
    public var column: String
    public var keepHours: Int
    public var stepHours: Int

    public init(column: String, keepHours: Int, stepHours: Int = 24) {
        self.column = column
        self.keepHours = keepHours
        self.stepHours = stepHours
    }

    /// The lower bound the index should have at `now`.
    public func lowerBound(at now: UTCInstant) -> UTCInstant {
        let step = Int64(max(1, stepHours)) * 3600
        let t = now.seconds - Int64(keepHours) * 3600
        let floored = t >= 0 ? t / step * step : ((t - step + 1) / step) * step
        return UTCInstant(seconds: floored)
    }

    /// Whether `instant` is on this filter's step grid.
    public func isOnGrid(_ instant: UTCInstant) -> Bool {
        instant.seconds % (Int64(max(1, stepHours)) * 3600) == 0
    }

    public var summary: String { "rolling lower bound on \(column): the last \(keepHours) h, moved every \(stepHours) h" }
}

extension PartitionFunction {
    /// The grid date of a boundary literal (`2026-10-01` or `2026-10-01T00:00:00`);
    /// nil when it has a time of day or does not parse.
    public static func gridDate(_ literal: Literal) -> CivilDate? {
        guard case .string(let s, _) = literal, let instant = UTCInstant(boundary: s),
              instant.seconds % 86_400 == 0 else { return nil }
        return instant.date
    }

    /// The boundary literal this function uses for `date` (with `T00:00:00` for date-times).
    public func literal(for date: CivilDate) -> Literal {
        let withTime = inputType.family == .timestamp || inputType.family == .timestampWithOffset
        return .string(withTime ? date.iso + "T00:00:00" : date.iso, unicode: false)
    }
}
