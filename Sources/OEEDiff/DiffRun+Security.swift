import OEEModel

extension DiffRun {
    /// Inline functions and security policies. A schema-bound policy blocks
    /// ALTER FUNCTION on its predicate function and column/table changes on the
    /// tables it covers: such predicates are dropped before the change and
    /// restored after it.
    mutating func diffFunctionsAndPolicies() {
        var oldFunctions: [QualifiedName: InlineFunction] = [:]
        var newFunctions: [QualifiedName: InlineFunction] = [:]
        for s in old.schemas { for f in s.functions { oldFunctions[QualifiedName(s.name, f.name)] = f } }
        for s in new.schemas { for f in s.functions { newFunctions[QualifiedName(s.name, f.name)] = f } }
        var alteredFunctions: Set<QualifiedName> = []

        for s in new.schemas {
            for f in s.functions {
                let q = QualifiedName(s.name, f.name)
                if let was = oldFunctions[q] {
                    if was.withoutDescription != f.withoutDescription {
                        builder.add(.functions, .alterFunction(q, from: was, to: f))
                        alteredFunctions.insert(q)
                    }
                    describe(.function(q), from: was.description, to: f.description)
                } else {
                    builder.add(.functions, .createFunction(q, f))
                    describe(.function(q), from: nil, to: f.description)
                }
            }
        }

        var oldPolicies: [QualifiedName: SecurityPolicy] = [:]
        var newPolicies: [QualifiedName: SecurityPolicy] = [:]
        for s in old.schemas { for p in s.securityPolicies { oldPolicies[QualifiedName(s.name, p.name)] = p } }
        for s in new.schemas { for p in s.securityPolicies { newPolicies[QualifiedName(s.name, p.name)] = p } }
        let droppedTableNames = Set(droppedTables.map(\.0))
        let renamedOld = Set(pairs.filter { $0.old != $0.new }.map(\.old))
        func isBlocked(_ pred: SecurityPredicate) -> Bool {
            renamedOld.contains(pred.table) || droppedTableNames.contains(pred.table)
                || !(securityTouchedColumns[pred.table] ?? []).isDisjoint(with: pred.arguments)
        }

        for s in old.schemas {
            for p in s.securityPolicies {
                let q = QualifiedName(s.name, p.name)
                guard let now = newPolicies[q] else {
                    builder.add(.dropSecurity, .dropSecurityPolicy(q, p))
                    continue
                }
                // A policy whose function changes is dropped whole and recreated
                // (ALTER FUNCTION fails while a schema-bound policy uses it).
                if p.predicates.contains(where: { alteredFunctions.contains($0.function) }) || p.isSchemaBound != now.isSchemaBound {
                    builder.add(.dropSecurity, .dropSecurityPolicy(q, p))
                    builder.add(.createSecurity, .createSecurityPolicy(q, now))
                    continue
                }
                let mappedNew = Set(now.predicates)
                var restored: [SecurityPredicate] = []
                for pred in p.predicates {
                    let newTable = renamedTo[pred.table] ?? pred.table
                    var moved = pred
                    moved.table = newTable
                    let stays = mappedNew.contains(moved)
                    let blocked = p.isSchemaBound && isBlocked(pred)
                    if !stays || blocked {
                        builder.add(.dropSecurity, .dropSecurityPredicate(policy: q, pred))
                        if stays { restored.append(moved) }
                    }
                }
                let oldMapped = Set(p.predicates.map { pred -> SecurityPredicate in
                    var m = pred
                    m.table = renamedTo[pred.table] ?? pred.table
                    return m
                })
                for pred in now.predicates where !oldMapped.contains(pred) || restored.contains(pred) {
                    builder.add(.createSecurity, .addSecurityPredicate(policy: q, pred))
                }
                if p.isEnabled != now.isEnabled {
                    builder.add(.createSecurity, .setSecurityPolicyState(q, enabled: now.isEnabled))
                }
            }
        }
        for s in new.schemas {
            for p in s.securityPolicies where oldPolicies[QualifiedName(s.name, p.name)] == nil {
                builder.add(.createSecurity, .createSecurityPolicy(QualifiedName(s.name, p.name), p))
            }
        }
        for s in old.schemas.reversed() {
            for f in s.functions.reversed() where newFunctions[QualifiedName(s.name, f.name)] == nil {
                builder.add(.functions, .dropFunction(QualifiedName(s.name, f.name), f))
            }
        }
    }
}

extension InlineFunction {
    var withoutDescription: InlineFunction { var f = self; f.description = nil; return f }
}
