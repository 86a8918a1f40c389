import OEEModel

extension DiffRun {
    /// Partition functions and schemes: create, drop, and move boundaries by
    /// SPLIT (after NEXT USED on every scheme) and MERGE — never a rebuild.
    mutating func diffPartitions() {
        let oldFunctions = Dictionary(old.partitionFunctions.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let newFunctions = Dictionary(new.partitionFunctions.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let oldSchemes = Dictionary(old.partitionSchemes.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let newSchemes = Dictionary(new.partitionSchemes.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })

        for pf in new.partitionFunctions {
            guard let before = oldFunctions[pf.name] else {
                builder.add(.createPartitions, .createPartitionFunction(pf))
                continue
            }
            if before.inputType != pf.inputType || before.range != pf.range {
                problems.append("partition function \(pf.name): changing its type or RANGE direction (\(before.inputType) RANGE \(before.range.rawValue) → \(pf.inputType) RANGE \(pf.range.rawValue)) needs every table on it rebuilt; create a new function and scheme and move the tables deliberately")
                continue
            }
            // A rolling window's boundaries belong to 'oeedb partitions maintain'.
            if pf.rolling != nil { continue }
            let was = before.boundaryValues, now = pf.boundaryValues
            let wasSet = Set(was), nowSet = Set(now)
            // Every scheme on this function when the split runs: those of the old
            // model (a scheme dropped later in this migration still exists then).
            // A scheme created in this migration already covers the new boundaries.
            let schemes = old.partitionSchemes.filter { $0.function == pf.name }.map(\.name)
            for b in now where !wasSet.contains(b) {
                builder.add(.createPartitions, .splitRange(function: pf.name, schemes: schemes, boundary: b))
            }
            for b in was where !nowSet.contains(b) {
                builder.add(.partitionCleanup, .mergeRange(function: pf.name, boundary: b))
            }
        }
        for ps in new.partitionSchemes {
            guard let before = oldSchemes[ps.name] else {
                builder.add(.createPartitions, .createPartitionScheme(ps))
                continue
            }
            if before.function != ps.function || before.filegroups != ps.filegroups {
                problems.append("partition scheme \(ps.name): its function or filegroups changed; a scheme cannot be altered in place except by NEXT USED — create a new scheme and move the tables deliberately")
            }
        }
        for ps in old.partitionSchemes.reversed() where newSchemes[ps.name] == nil {
            builder.add(.partitionCleanup, .dropPartitionScheme(ps))
        }
        for pf in old.partitionFunctions.reversed() where newFunctions[pf.name] == nil {
            builder.add(.partitionCleanup, .dropPartitionFunction(pf))
        }
    }
}
