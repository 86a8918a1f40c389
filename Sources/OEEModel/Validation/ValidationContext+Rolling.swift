extension ValidationContext {
    /// Rolling windows on partition functions and rolling filters on indexes.
    mutating func checkRollingPolicies() {
        for pf in database.partitionFunctions {
            guard let r = pf.rolling else { continue }
            let path = pf.name
            switch pf.inputType.family {
            case .date, .timestamp: break
            default:
                error(path, "a rolling window needs a date or datetime2 partition function, not \(pf.inputType)", rule: "partition.rolling-type")
                continue
            }
            if pf.range != .right {
                error(path, "a rolling window needs RANGE RIGHT boundaries (each boundary starts its day or month)", rule: "partition.rolling-range")
            }
            if r.ahead < 1 { error(path, "rolling window ahead \(r.ahead) must be at least 1", rule: "partition.rolling-ahead") }
            if r.retain < 1 { error(path, "rolling window retain \(r.retain) must be at least 1", rule: "partition.rolling-retain") }
            if r.ahead + r.retain + 3 > 14_999 { error(path, "rolling window needs \(r.ahead + r.retain + 3) partitions; SQL Server allows 15,000", rule: "partition.rolling-size") }
            if case .window(_, let unit, _) = pf.boundaries, unit != r.unit {
                error(path, "rolling window is \(r.unit)ly but the initial window is \(unit)ly; make them the same unit", rule: "partition.rolling-unit")
            }
            for literal in pf.boundaryValues {
                guard let d = PartitionFunction.gridDate(literal), r.isOnGrid(d) else {
                    error(path, "initial boundary \(literal.displayText) is not on the rolling \(r.unit) grid (UTC midnight\(r.unit == .month ? " of the first" : ""))", rule: "partition.rolling-grid")
                    break
                }
            }
            if let archive = r.expiry.archiveSchema {
                checkIdentifier(archive, kind: "archive schema", path: path)
                if schemaNames.contains(archive) {
                    error(path, "archive schema '\(archive)' is a schema of the model; archive tables must live in a schema of their own", rule: "partition.rolling-archive")
                }
            }
        }
        for (q, table) in database.allTables {
            for index in table.indexes {
                guard let r = index.rolling else { continue }
                let path = "\(q).\(index.name)"
                guard case .binary(.column(let c), .greaterOrEqual, .literal(.string(let s, _)))? = index.filter, c == r.column,
                      UTCInstant(boundary: s) != nil else {
                    error(path, "a rolling filter needs .filtered(col(\"<datetime column>\") >= \"YYYY-MM-DDThh:mm:ss\") before .rolling(keepHours:)", rule: "index.rolling-filter")
                    continue
                }
                if let column = table.column(named: c), column.type.family != .timestamp {
                    error(path, "rolling filter column \(c) is \(column.type); it must be datetime2", rule: "index.rolling-filter")
                }
                if r.keepHours < 1 || r.stepHours < 1 || 24 % r.stepHours != 0 && r.stepHours % 24 != 0 {
                    error(path, "rolling filter keepHours must be ≥ 1 and stepHours a divisor or multiple of 24", rule: "index.rolling-filter")
                }
            }
        }
    }
}
