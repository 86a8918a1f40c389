import OEEModel

/// How `drift` and `generate` treat what the rolling policies own.
///
/// Boundaries of a function with a rolling window, and the lower bound of a
/// rolling index, move every day under `oeedb partitions maintain`. A boundary
/// that moved along the policy's grid is neither drift nor a model change; a
/// boundary off the grid, or a hole in the grid, is reported as drift (as an
/// extra or missing partition boundary, with the SPLIT/MERGE that repairs it).
public enum RollingPolicyDrift {
    /// The archive schemas the policies switch expired partitions into: they
    /// hold maintenance output, not modelled objects, so drift does not read them.
    public static func archiveSchemas(_ model: Database) -> [String] {
        Array(Set(model.partitionFunctions.compactMap { $0.rolling?.expiry.archiveSchema })).sorted()
    }

    /// `expected` with the policies of `policies` (the current model) added where
    /// it has none — an older snapshot predating them — and then, for each
    /// rolling function and index, the live boundaries and bound adopted where
    /// they lie on the policy's grid. The result carries no policies: the
    /// differ compares its boundaries and filters literally.
    public static func adopt(live: Database, expected: Database, policies: Database? = nil) -> Database {
        var want = withPolicies(expected, from: policies)
        for (fi, pf) in want.partitionFunctions.enumerated() {
            // The policy is applied here; the differ must then compare boundaries as they are.
            want.partitionFunctions[fi].rolling = nil
            guard let policy = pf.rolling, let liveBoundaries = liveBoundaries(of: pf, expected: want, live: live) else { continue }
            let dates = liveBoundaries.compactMap(PartitionFunction.gridDate).filter(policy.isOnGrid).sorted()
            guard let first = dates.first, let last = dates.last else { continue }
            var grid: [CivilDate] = []
            var d = first
            while d <= last { grid.append(d); d = policy.adding(1, to: d) }
            want.partitionFunctions[fi].boundaries = .values(grid.map(pf.literal(for:)))
        }
        for si in want.schemas.indices {
            for ti in want.schemas[si].tables.indices {
                let q = QualifiedName(want.schemas[si].name, want.schemas[si].tables[ti].name)
                for ii in want.schemas[si].tables[ti].indexes.indices {
                    let index = want.schemas[si].tables[ti].indexes[ii]
                    want.schemas[si].tables[ti].indexes[ii].rolling = nil
                    guard let r = index.rolling,
                          let liveIndex = live.table(q)?.indexes.first(where: { $0.name == index.name }),
                          let text = literal(of: liveIndex.filter), let bound = UTCInstant(boundary: text), r.isOnGrid(bound) else { continue }
                    want.schemas[si].tables[ti].indexes[ii].filter = .binary(lhs: .column(r.column), op: .greaterOrEqual,
                                                                              rhs: .literal(.string(bound.literalText, unicode: false)))
                }
            }
        }
        return want
    }

    /// Copies rolling windows and rolling filters from `policies` onto objects of `model` that lack one.
    public static func withPolicies(_ model: Database, from policies: Database?) -> Database {
        guard let policies else { return model }
        var db = model
        for i in db.partitionFunctions.indices where db.partitionFunctions[i].rolling == nil {
            db.partitionFunctions[i].rolling = policies.partitionFunction(named: db.partitionFunctions[i].name)?.rolling
        }
        for si in db.schemas.indices {
            for ti in db.schemas[si].tables.indices {
                let q = QualifiedName(db.schemas[si].name, db.schemas[si].tables[ti].name)
                guard let source = policies.table(q) else { continue }
                for ii in db.schemas[si].tables[ti].indexes.indices where db.schemas[si].tables[ti].indexes[ii].rolling == nil {
                    db.schemas[si].tables[ti].indexes[ii].rolling = source.indexes.first { $0.name == db.schemas[si].tables[ti].indexes[ii].name }?.rolling
                }
            }
        }
        return db
    }

    /// The live boundaries of `pf`: those of the live function of the first
    /// table on it (PostgreSQL has one synthetic function per table).
    static func liveBoundaries(of pf: PartitionFunction, expected: Database, live: Database) -> [Literal]? {
        let schemes = Set(expected.partitionSchemes.filter { $0.function == pf.name }.map(\.name))
        for (q, t) in expected.allTables {
            guard let p = t.partitioning, schemes.contains(p.partitionScheme),
                  let lp = live.table(q)?.partitioning, let ls = live.partitionScheme(named: lp.partitionScheme),
                  let lf = live.partitionFunction(named: ls.function) else { continue }
            return lf.boundaryValues
        }
        return nil
    }

    /// The literal lower bound of a `column >= literal` filter, typed or as catalog text.
    static func literal(of filter: Expression?) -> String? {
        switch filter {
        case .binary(_, .greaterOrEqual, .literal(.string(let s, _)))?: return s
        case .raw(let texts)?: return texts.values.sorted().first.flatMap(firstQuotedLiteral)
        default: return nil
        }
    }
}

extension Index {
    /// The definition with a rolling filter's literal blanked, so a bound that
    /// moved (in the model or under maintenance) is not a change.
    func ignoringRollingBound(_ rolling: RollingFilter?) -> Index {
        var i = self
        i.rolling = nil
        if let rolling, case .binary(.column(let c), .greaterOrEqual, .literal)? = filter, c == rolling.column {
            i.filter = .binary(lhs: .column(c), op: .greaterOrEqual, rhs: .literal(.string("", unicode: false)))
        }
        return i
    }
}
