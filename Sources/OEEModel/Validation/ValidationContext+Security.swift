extension ValidationContext {
    mutating func checkFunction(_ function: InlineFunction, in schema: Schema) {
        let path = "\(schema.name).\(function.name)"
        checkIdentifier(function.name, kind: "function", path: path)
        checkIdentifier(function.resultColumn, kind: "result column", path: path)
        checkDuplicates(function.parameters.map { ($0.name, "parameter") }, scope: "function \(path)", path: path)
        for p in function.parameters {
            checkIdentifier(p.name, kind: "parameter", path: path)
            checkType(p.type, what: "parameter @\(p.name)", path: path)
        }
        let declared = Set(function.parameters.map(\.name))
        for p in function.predicate.referencedParameters where !declared.contains(p) {
            error(path, "predicate references undeclared parameter '@\(p)'", rule: "ref.parameter")
        }
        if let c = function.predicate.referencedColumns.first {
            error(path, "predicate references column '\(c)'; an inline predicate function sees only its parameters", rule: "ref.column")
        }
    }

    mutating func checkPolicy(_ policy: SecurityPolicy, in schema: Schema) {
        let path = "\(schema.name).\(policy.name)"
        checkIdentifier(policy.name, kind: "security policy", path: path)
        if policy.predicates.isEmpty {
            error(path, "security policy has no predicates", rule: "policy.empty")
        }
        var seen: Set<String> = []
        for predicate in policy.predicates {
            let what = "\(predicate.kind.rawValue.lowercased()) predicate on \(predicate.table)"
            if !seen.insert("\(predicate.table)|\(predicate.kind.rawValue)").inserted {
                error(path, "\(what) is declared twice", rule: "policy.duplicate-predicate")
            }
            guard let function = functions[predicate.function] else {
                error(path, "\(what) references missing function '\(predicate.function)'", rule: "ref.function")
                continue
            }
            if policy.isSchemaBound && !function.isSchemaBound {
                error(path, "\(what) uses \(predicate.function), which is not WITH SCHEMABINDING; a schema-bound policy requires it", rule: "policy.schemabinding")
            }
            guard schemaNames.contains(predicate.table.schema) else {
                error(path, "\(what) targets missing schema '\(predicate.table.schema)'", rule: "ref.schema")
                continue
            }
            guard let columns = columnsByTable[predicate.table] else {
                error(path, "\(what) targets missing table '\(predicate.table)'", rule: "ref.table")
                continue
            }
            if predicate.arguments.count != function.parameters.count {
                error(path, "\(what) passes \(predicate.arguments.count) column(s) but \(predicate.function) takes \(function.parameters.count) parameter(s)", rule: "policy.argument-count")
            }
            for (arg, param) in zip(predicate.arguments, function.parameters) {
                guard let c = columns[arg] else {
                    error(path, "\(what) references missing column '\(arg)'", rule: "ref.column")
                    continue
                }
                if c.type != param.type {
                    error(path, "\(what) binds column '\(arg)' (\(c.type)) to parameter @\(param.name) (\(param.type)); the types must match", rule: "policy.argument-type")
                }
            }
        }
    }
}
