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
