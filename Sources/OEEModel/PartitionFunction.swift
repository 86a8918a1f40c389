/// A partition function: `CREATE PARTITION FUNCTION pf_day (datetime2(3))
/// AS RANGE RIGHT FOR VALUES (…)`.
///
/// Boundaries are declared as a window (start, unit, count) and expanded to
/// literals by ``boundaryValues`` — never from the current date, so the same
/// model always renders the same SQL.
public struct PartitionFunction: Hashable, Sendable, Codable {
    public var name: String
    public var inputType: SQLType
    public var range: RangeDirection
    public var boundaries: Boundaries
    public var description: String?
    /// The lifecycle policy; nil for a static window. Optional so snapshots
    /// written before it existed still decode.
    public var rolling: RollingWindow?

    public enum RangeDirection: String, Hashable, Sendable, Codable {
        case left = "LEFT"
        case right = "RIGHT"
    }

    public enum Unit: String, Hashable, Sendable, Codable {
        case day, month
    }

    public enum Boundaries: Hashable, Sendable, Codable {
        /// `count` boundaries at `start`, `start + 1 unit`, … (start is `YYYY-MM-DD`).
        case window(start: String, unit: Unit, count: Int)
        /// Explicit boundary literals.
        case values([Literal])
    }

    public init(name: String, inputType: SQLType, range: RangeDirection = .right, boundaries: Boundaries, description: String? = nil,
                rolling: RollingWindow? = nil) {
        self.rolling = rolling
        self.name = name
        self.inputType = inputType
        self.range = range
        self.boundaries = boundaries
        self.description = description
    }

    /// The boundary literals, expanded from the window. Date-family functions get
    /// ISO 8601 strings (`2026-01-01`, or `2026-01-01T00:00:00` for datetime2).
    /// A window whose start does not parse expands to no values (validation reports it).
    public var boundaryValues: [Literal] {
        switch boundaries {
        case .values(let values):
            return values
        case .window(let start, let unit, let count):
            guard let first = CivilDate(iso: start), count > 0 else { return [] }
            let withTime = inputType.family == .timestamp || inputType.family == .timestampWithOffset
            return (0..<count).map { i in
                let d = unit == .day ? first.addingDays(i) : first.addingMonths(i)
                return .string(withTime ? d.iso + "T00:00:00" : d.iso, unicode: false)
            }
        }
    }

    /// Number of partitions the function creates (boundaries + 1).
    public var partitionCount: Int { boundaryValues.count + 1 }
}

/// A partition scheme mapping a function's partitions to filegroups.
public struct PartitionScheme: Hashable, Sendable, Codable {
    public var name: String
    public var function: String
    /// One filegroup means `ALL TO (fg)`; several are listed in order.
    public var filegroups: [String]
    public var description: String?

    public init(name: String, function: String, filegroups: [String] = ["PRIMARY"], description: String? = nil) {
        self.name = name
        self.function = function
        self.filegroups = filegroups
        self.description = description
    }
}
