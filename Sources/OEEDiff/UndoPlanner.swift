import OEEModel

extension Differ {
    /// The plan that takes a database at `current` (version N) back to
    /// `previous` (N−1): the ordinary diff in reverse, with each rename of
    /// N turned round (a hint on N−1's object naming N's), so that undoing a
    /// rename renames back instead of dropping and re-adding.
    ///
    ///     let undo = try Differ.undoPlan(from: snapshotN, to: snapshotNMinus1)
    public static func undoPlan(from current: Database, to previous: Database) throws -> MigrationPlan {
        var undo = try plan(from: current, to: reversedHints(previous, renamedIn: current))
        undo.allowsOnlineSteps = false  // one transaction with its history change
        return undo
    }

    /// `previous` with every rename hint removed, then one added for each
    /// rename `current` declares (and still applies: its source is in `previous`).
    static func reversedHints(_ previous: Database, renamedIn current: Database) -> Database {
        var target = previous
        for si in target.schemas.indices {
            for ti in target.schemas[si].tables.indices {
                target.schemas[si].tables[ti].renamedFrom = nil
                for ci in target.schemas[si].tables[ti].columns.indices { target.schemas[si].tables[ti].columns[ci].renamedFrom = nil }
                for ii in target.schemas[si].tables[ti].indexes.indices { target.schemas[si].tables[ti].indexes[ii].renamedFrom = nil }
            }
        }
        for (q, t) in current.allTables {
            var oldName = q
            if let hint = t.renamedFrom, previous.table(QualifiedName(q.schema, hint)) != nil, previous.table(q) == nil {
                oldName = QualifiedName(q.schema, hint)
            }
            guard let si = target.schemas.firstIndex(where: { $0.name == oldName.schema }),
                  let ti = target.schemas[si].tables.firstIndex(where: { $0.name == oldName.name }) else { continue }
            let before = target.schemas[si].tables[ti]
            if oldName != q { target.schemas[si].tables[ti].renamedFrom = q.name }
            for c in t.columns {
                if let hint = c.renamedFrom, before.column(named: hint) != nil, before.column(named: c.name) == nil,
                   let ci = before.columns.firstIndex(where: { $0.name == hint }) {
                    target.schemas[si].tables[ti].columns[ci].renamedFrom = c.name
                }
            }
            for i in t.indexes {
                if let hint = i.renamedFrom, before.indexes.contains(where: { $0.name == hint }), !before.indexes.contains(where: { $0.name == i.name }),
                   let ii = before.indexes.firstIndex(where: { $0.name == hint }) {
                    target.schemas[si].tables[ti].indexes[ii].renamedFrom = i.name
                }
            }
        }
        return target
    }
}
