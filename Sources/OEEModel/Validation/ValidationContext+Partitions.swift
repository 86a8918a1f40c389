extension ValidationContext {
    /// Partition functions (type, boundaries) and schemes (function, filegroups).
    mutating func checkPartitionObjects() {
        for pf in database.partitionFunctions {
            let path = pf.name
            checkIdentifier(pf.name, kind: "partition function", path: path)
            checkType(pf.inputType, what: "partition function input", path: path)
            if pf.inputType.length == .max {
                error(path, "partition function input type \(pf.inputType) cannot be a max type", rule: "partition.type")
            }
            checkBoundaries(pf, path: path)
        }
        for ps in database.partitionSchemes {
            let path = ps.name
            checkIdentifier(ps.name, kind: "partition scheme", path: path)
            guard let pf = functionsByName[ps.function] else {
                error(path, "partition scheme references missing partition function '\(ps.function)'", rule: "ref.partition-function")
                continue
            }
            if ps.filegroups.isEmpty {
                error(path, "partition scheme maps no filegroups; use [\"PRIMARY\"] for ALL TO ([PRIMARY])", rule: "partition.filegroups")
            } else if ps.filegroups.count > 1 && ps.filegroups.count < pf.partitionCount {
                error(path, "partition scheme lists \(ps.filegroups.count) filegroups but \(pf.name) makes \(pf.partitionCount) partitions; list one per partition or a single filegroup", rule: "partition.filegroups")
            }
        }
    }

    mutating func checkBoundaries(_ pf: PartitionFunction, path: String) {
        if case .window(let start, let unit, let count) = pf.boundaries {
            switch pf.inputType.family {
            case .date, .timestamp, .timestampWithOffset: break
            default:
                error(path, "partition function uses a \(unit) window but its input type \(pf.inputType) is not a date or datetime2; give explicit boundary values", rule: "partition.window-type")
                return
            }
            if CivilDate(iso: start) == nil {
                error(path, "partition window start '\(start)' is not a date (YYYY-MM-DD)", rule: "partition.boundary-literal")
                return
            }
            if count < 1 { error(path, "partition window count \(count) must be at least 1", rule: "partition.window-count") }
            if count > 14_999 { error(path, "partition window count \(count) exceeds SQL Server's 15,000 partitions", rule: "partition.window-count") }
        }
        var previous: BoundaryKey?
        for (i, literal) in pf.boundaryValues.enumerated() {
            guard let key = BoundaryKey(literal, type: pf.inputType) else {
                error(path, "boundary \(i + 1) (\(literal.displayText)) does not parse as \(pf.inputType)", rule: "partition.boundary-literal")
                previous = nil
                continue
            }
            if let p = previous, !(p < key) {
                error(path, "boundary \(i + 1) (\(literal.displayText)) is not greater than the one before it; boundaries must be strictly ascending", rule: "partition.boundary-order")
            }
            previous = key
        }
    }

    /// A partitioned table's scheme and column exist and fit, and its clustered
    /// and unique indexes carry the partition column; other indexes are aligned.
    mutating func checkPartitioning(_ table: Table, path: String, columns: [String: Column]) {
        guard let p = table.partitioning else {
            for index in table.indexes {
                if case .partitionScheme(let s, let c) = index.placement {
                    checkSchemePlacement(scheme: s, column: c, what: "index \(index.name)", path: path, columns: columns)
                }
            }
            return
        }
        checkSchemePlacement(scheme: p.partitionScheme, column: p.partitionColumn, what: "table", path: path, columns: columns)
        let col = p.partitionColumn
        if let pk = table.primaryKey, !pk.columns.contains(where: { $0.column == col }) {
            error(path, "primary key \(pk.name) does not include partition column '\(col)'; a \(pk.isClustered ? "clustered" : "unique") index on a partitioned table must include it", rule: "partition.key-column")
        }
        for uq in table.uniqueConstraints where !uq.columns.contains(where: { $0.column == col }) {
            error(path, "unique constraint \(uq.name) does not include partition column '\(col)'; a unique index on a partitioned table must include it", rule: "partition.key-column")
        }
        for index in table.indexes {
            let aligned: Bool
            switch index.placement {
            case .table: aligned = true
            case .partitionScheme(let s, let c):
                checkSchemePlacement(scheme: s, column: c, what: "index \(index.name)", path: path, columns: columns)
                aligned = s == p.partitionScheme && c == col
            case .filegroup: aligned = false
            }
            if aligned && index.kind != .clusteredColumnstore && (index.kind == .clustered || index.isUnique)
                && !index.keys.contains(where: { $0.column == col }) {
                error(path, "index \(index.name) does not include partition column '\(col)'; a \(index.kind == .clustered ? "clustered" : "unique") index on a partitioned table must include it", rule: "partition.key-column")
            }
            if !aligned && index.kind.isClustered {
                error(path, "index \(index.name) is clustered but placed off the table's partition scheme \(p.partitionScheme)(\(col)); move the table's partitioning instead", rule: "partition.clustered-placement")
            } else if !aligned && !index.allowsUnaligned {
                warning(path, "index \(index.name) is not aligned with partition scheme \(p.partitionScheme)(\(col)); it blocks partition SWITCH and TRUNCATE … WITH (PARTITIONS). Mark it allowsUnaligned if intended", rule: "partition.unaligned-index")
            }
        }
    }

    mutating func checkSchemePlacement(scheme: String, column: String, what: String, path: String, columns: [String: Column]) {
        guard let ps = schemesByName[scheme] else {
            error(path, "\(what) references missing partition scheme '\(scheme)'", rule: "ref.partition-scheme")
            return
        }
        guard let c = columns[column] else {
            error(path, "\(what) references missing partition column '\(column)'", rule: "ref.column")
            return
        }
        if let pf = functionsByName[ps.function], pf.inputType != c.type {
            error(path, "\(what) partition column '\(column)' is \(c.type) but partition function \(pf.name) takes \(pf.inputType); the types must match", rule: "partition.column-type")
        }
        if c.computed != nil && c.computed?.isPersisted == false {
            error(path, "\(what) partition column '\(column)' is computed and must be PERSISTED", rule: "partition.column-computed")
        }
    }
}

/// A boundary literal made comparable for the ascending check.
enum BoundaryKey: Comparable {
    case number(Double)
    case text([Int])  // date/time components, compared lexicographically

    static func < (a: BoundaryKey, b: BoundaryKey) -> Bool {
        switch (a, b) {
        case (.number(let x), .number(let y)): return x < y
        case (.text(let x), .text(let y)): return x.lexicographicallyPrecedes(y)
        case (.number, .text): return true
        case (.text, .number): return false
        }
    }

    init?(_ literal: Literal, type: SQLType) {
        switch (type.family, literal) {
        case (.integer, .int(let v)): self = .number(Double(v))
        case (.exactNumeric, .int(let v)): self = .number(Double(v))
        case (.exactNumeric, .decimal(let s)), (.approximateNumeric, .decimal(let s)):
            guard let d = Double(s) else { return nil }
            self = .number(d)
        case (.approximateNumeric, .int(let v)): self = .number(Double(v))
        case (.date, .string(let s, _)):
            guard let d = CivilDate(iso: s) else { return nil }
            self = .text([d.dayNumber])
        case (.timestamp, .string(let s, _)), (.timestampWithOffset, .string(let s, _)):
            guard let parts = BoundaryKey.parseDateTime(s) else { return nil }
            self = .text(parts)
        case (.text, .string(let s, _)):
            self = .text(s.unicodeScalars.map { Int($0.value) })
        default: return nil
        }
    }

    /// `YYYY-MM-DD[( |T)hh:mm[:ss[.fffffff]]]` → [day, seconds, fraction as 7 digits].
    static func parseDateTime(_ s: String) -> [Int]? {
        let datePart = String(s.prefix(10))
        guard let d = CivilDate(iso: datePart) else { return nil }
        var rest = s.dropFirst(10)
        if rest.isEmpty { return [d.dayNumber, 0, 0] }
        guard rest.first == "T" || rest.first == " " else { return nil }
        rest = rest.dropFirst()
        let fields = rest.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(fields.count), let h = Int(fields[0]), let m = Int(fields[1]),
              (0...23).contains(h), (0...59).contains(m) else { return nil }
        var seconds = 0, fraction = 0
        if fields.count == 3 {
            let secParts = fields[2].split(separator: ".", omittingEmptySubsequences: false)
            guard let sec = Int(secParts[0]), (0...59).contains(sec), secParts.count <= 2 else { return nil }
            seconds = sec
            if secParts.count == 2 {
                let digits = secParts[1]
                guard (1...7).contains(digits.count), let f = Int(digits) else { return nil }
                fraction = f * Int(pow10(7 - digits.count))
            }
        }
        return [d.dayNumber, h * 3600 + m * 60 + seconds, fraction]
    }

    private static func pow10(_ n: Int) -> Int { (0..<n).reduce(1) { r, _ in r * 10 } }
}

extension Literal {
    /// A short human form for messages: `'2026-01-01'`, `42`, `NULL`.
    public var displayText: String {
        switch self {
        case .null: return "NULL"
        case .bool(let b): return b ? "true" : "false"
        case .int(let v): return String(v)
        case .decimal(let s): return s
        case .string(let s, _): return "'\(s)'"
        }
    }
}
