extension PartitionFunction {
    /// `PartitionFunction("pf_day", .datetime2(3), .right, .days(from: "2026-09-01", count: 92))`.
    public init(_ name: String, _ inputType: SQLType, _ range: RangeDirection, _ boundaries: Boundaries, _ description: String? = nil) {
        self.init(name: name, inputType: inputType, range: range, boundaries: boundaries, description: description)
    }
}

extension PartitionFunction.Boundaries {
    /// Daily boundaries: `count` of them starting at `start` (`YYYY-MM-DD`).
    public static func days(from start: String, count: Int) -> Self { .window(start: start, unit: .day, count: count) }
    /// Monthly boundaries: `count` of them starting at `start` (`YYYY-MM-01`).
    public static func months(from start: String, count: Int) -> Self { .window(start: start, unit: .month, count: count) }
}

extension PartitionScheme {
    /// `PartitionScheme("ps_day", function: "pf_day")` maps every partition to PRIMARY.
    public init(_ name: String, function: String, allTo filegroup: String = "PRIMARY", _ description: String? = nil) {
        self.init(name: name, function: function, filegroups: [filegroup], description: description)
    }
}

extension PartitionFunction {
    /// A rolling window: `oeedb partitions maintain` keeps `ahead` units
    /// covered beyond the current one, expires partitions older than `retain`
    /// units as `expire` says, and merges the emptied boundaries. The declared
    /// boundaries stay the initial window of the baseline.
    ///
    ///     PartitionFunction("pf_day", .datetime2(3), .right, .days(from: "2026-10-01", count: 92))
    ///         .rolling(.day, ahead: 7, retain: 90, expire: .truncate)
    public func rolling(_ unit: Unit, ahead: Int, retain: Int, expire: PartitionExpiry) -> PartitionFunction {
        var pf = self
        pf.rolling = RollingWindow(unit: unit, ahead: ahead, retain: retain, expiry: expire)
        return pf
    }
}
