import OEEDiff
import OEEModel

/// Predicate functions and row-level security.
///
///     CREATE FUNCTION "sec"."fn_site_filter"("site_id" smallint)
///     RETURNS boolean
///     LANGUAGE sql
///     STABLE
///     AS $$
///     SELECT "fn_site_filter"."site_id" = CAST(NULLIF(current_setting('oeedb.site_id', true), '') AS smallint)
///     $$;
///
/// A SQL Server security policy becomes row-level security on each table it
/// covers, with one PostgreSQL policy per predicate, named after the policy:
///
///     ALTER TABLE "fact"."cycle" ENABLE ROW LEVEL SECURITY;
///     ALTER TABLE "fact"."cycle" FORCE ROW LEVEL SECURITY;
///     CREATE POLICY "site_policy_filter" ON "fact"."cycle" AS PERMISSIVE FOR ALL
///         USING ("sec"."fn_site_filter"("site_id")) WITH CHECK (true);
///     CREATE POLICY "site_policy_block_insert" ON "fact"."cycle" AS RESTRICTIVE FOR INSERT
///         WITH CHECK ("sec"."fn_site_filter"("site_id"));
///
/// (one line per statement in the output). A filter is permissive: it hides
/// rows from reads, updates and deletes but lets any row be inserted, as on
/// SQL Server. Block predicates are restrictive; a table with block
/// predicates and no filter also gets `<policy>_allow` (USING (true) WITH
/// CHECK (true)), without which the restrictive policies would deny everything.
/// FORCE makes the table's owner subject to the policies too (superusers and
/// BYPASSRLS roles never are).
enum SecurityRenderer {
    // MARK: Functions

    /// `CREATE [OR REPLACE] FUNCTION … RETURNS boolean LANGUAGE sql STABLE AS $$ SELECT <predicate> $$;`.
    /// Parameters are referenced as `"function"."parameter"`, which PostgreSQL
    /// never confuses with a column.
    static func function(_ name: QualifiedName, _ fn: InlineFunction, orReplace: Bool = false) throws -> String {
        let path = name.description
        var parameters: [String] = []
        var types: [String: SQLType] = [:]
        for p in fn.parameters {
            guard types[p.name] == nil else { throw RenderError(path, "declares parameter '\(p.name)' twice") }
            types[p.name] = p.type
            parameters.append("\(PGSQL.quote(p.name)) \(try TypeRenderer.render(p.type, path: "\(path).@\(p.name)"))")
        }
        let predicate = try ExpressionRenderer(context: .function(name: name.name, parameters: types), path: path)
            .render(fn.predicate)
        let body = "SELECT \(predicate)"
        let tag = PGSQL.dollarTag(for: body)
        return [
            "CREATE \(orReplace ? "OR REPLACE " : "")FUNCTION \(PGSQL.qualified(name))(\(parameters.joined(separator: ", ")))",
            "RETURNS boolean",
            "LANGUAGE sql",
            "STABLE",
            "AS \(tag)",
            body,
            "\(tag);",
        ].joined(separator: "\n")
    }

    /// `"s"."f"(smallint)`: the signature DROP and COMMENT ON FUNCTION need.
    static func signature(_ name: QualifiedName, _ fn: InlineFunction) throws -> String {
        let types = try fn.parameters.map { try TypeRenderer.render($0.type, path: "\(name).@\($0.name)") }
        return "\(PGSQL.qualified(name))(\(types.joined(separator: ", ")))"
    }

    /// `DROP FUNCTION "s"."f"(smallint);`.
    static func dropFunction(_ name: QualifiedName, _ fn: InlineFunction) throws -> String {
        "DROP FUNCTION \(try signature(name, fn));"
    }

    /// CREATE OR REPLACE when the parameter list is unchanged; otherwise DROP
    /// and CREATE (PostgreSQL cannot rename or retype parameters in place; the
    /// differ drops the policies using the function beforehand).
    static func alterFunction(_ name: QualifiedName, from: InlineFunction, to: InlineFunction) throws -> String {
        func parameters(_ fn: InlineFunction) throws -> [String] {
            try fn.parameters.map { "\($0.name) \(try TypeRenderer.render($0.type, path: name.description))" }
        }
        if try parameters(from) == parameters(to) { return try function(name, to, orReplace: true) }
        return try dropFunction(name, from) + "\n" + (try function(name, to))
    }

    // MARK: Row-level security

    /// The PostgreSQL side of one table's security: its policies (name and
    /// CREATE POLICY text, in a fixed order) and whether RLS is on.
    struct TableSecurity: Equatable {
        var policies: [(name: String, sql: String)] = []
        var enabled = false

        static func == (a: TableSecurity, b: TableSecurity) -> Bool {
            a.enabled == b.enabled && a.policies.map(\.name) == b.policies.map(\.name) && a.policies.map(\.sql) == b.policies.map(\.sql)
        }
    }

    /// Suffix of the PostgreSQL policy implementing a predicate kind.
    static func suffix(_ kind: SecurityPredicate.Kind) -> String {
        switch kind {
        case .filter: return "filter"
        case .blockAfterInsert: return "block_insert"
        case .blockAfterUpdate: return "block_update"
        case .blockBeforeUpdate: return "block_before_update"
        case .blockBeforeDelete: return "block_delete"
        }
    }

    /// What `state` means for `table` in PostgreSQL terms.
    static func security(of table: QualifiedName, in state: PlanState) throws -> TableSecurity {
        var result = TableSecurity(enabled: state.rowSecurityEnabled(table))
        var names: Set<String> = []
        let kinds = SecurityPredicate.Kind.allCases
        for (q, policy) in state.policies.sorted(by: { $0.key < $1.key }) {
            let predicates = policy.predicates.filter { $0.table == table }
                .sorted { kinds.firstIndex(of: $0.kind)! < kinds.firstIndex(of: $1.kind)! }
            guard !predicates.isEmpty else { continue }
            var entries: [(String, String)] = []
            for p in predicates {
                entries.append((q.name + "_" + suffix(p.kind), try createPolicy(q, p, state: state)))
            }
            if !predicates.contains(where: { $0.kind == .filter }) {
                let name = q.name + "_allow"
                entries.append((name, "CREATE POLICY \(PGSQL.quote(name)) ON \(PGSQL.qualified(table)) AS PERMISSIVE FOR ALL USING (true) WITH CHECK (true);"))
            }
            for (name, sql) in entries {
                try PGSQL.checkLength(name, path: q.description, what: "policy")
                guard names.insert(name).inserted else {
                    throw RenderError(q.description, "would create policy '\(name)' on \(table) twice (a predicate of the same kind repeated, or two policies of that name in different schemas); PostgreSQL policy names are per table")
                }
                result.policies.append((name, sql))
            }
        }
        return result
    }

    /// `CREATE POLICY` for one predicate.
    static func createPolicy(_ policy: QualifiedName, _ p: SecurityPredicate, state: PlanState) throws -> String {
        let call = try predicateCall(policy, p, state: state)
        let head = "CREATE POLICY \(PGSQL.quote(policy.name + "_" + suffix(p.kind))) ON \(PGSQL.qualified(p.table))"
        switch p.kind {
        case .filter: return "\(head) AS PERMISSIVE FOR ALL USING (\(call)) WITH CHECK (true);"
        case .blockAfterInsert: return "\(head) AS RESTRICTIVE FOR INSERT WITH CHECK (\(call));"
        case .blockAfterUpdate: return "\(head) AS RESTRICTIVE FOR UPDATE USING (true) WITH CHECK (\(call));"
        case .blockBeforeUpdate: return "\(head) AS RESTRICTIVE FOR UPDATE USING (\(call));"
        case .blockBeforeDelete: return "\(head) AS RESTRICTIVE FOR DELETE USING (\(call));"
        }
    }

    /// `"sec"."fn_site_filter"("site_id")`, casting a column whose type differs
    /// from the parameter's (PostgreSQL resolves functions by exact types).
    static func predicateCall(_ policy: QualifiedName, _ p: SecurityPredicate, state: PlanState) throws -> String {
        guard !p.arguments.isEmpty else {
            throw RenderError(policy.description, "predicate \(p.function) on \(p.table) passes no columns; name the columns its parameters take")
        }
        let fn = state.functions[p.function]
        if let fn, fn.parameters.count != p.arguments.count {
            throw RenderError(policy.description, "predicate passes \(p.arguments.count) column(s) to \(p.function), which takes \(fn.parameters.count)")
        }
        let table = state.tables[p.table]
        var arguments: [String] = []
        for (i, column) in p.arguments.enumerated() {
            var text = PGSQL.quote(column)
            if let parameter = fn?.parameters[i], let type = table?.column(named: column)?.type,
               try TypeRenderer.render(type, path: p.table.description) != TypeRenderer.render(parameter.type, path: p.function.description) {
                text = "CAST(\(text) AS \(try TypeRenderer.render(parameter.type, path: p.function.description)))"
            }
            arguments.append(text)
        }
        return "\(PGSQL.qualified(p.function))(\(arguments.joined(separator: ", ")))"
    }

    /// The statements taking `tables` from their security in `before` to that
    /// in `after`: ENABLE + FORCE when RLS comes on, DROP POLICY for policies
    /// that go or change, CREATE POLICY for ones that come or change, DISABLE
    /// + NO FORCE when RLS goes off.
    static func transition(_ tables: [QualifiedName], from before: PlanState, to after: PlanState) throws -> [String] {
        var statements: [String] = []
        for table in tables {
            let was = try security(of: table, in: before), now = try security(of: table, in: after)
            let t = PGSQL.qualified(table)
            if now.enabled && !was.enabled {
                statements.append("ALTER TABLE \(t) ENABLE ROW LEVEL SECURITY;")
                statements.append("ALTER TABLE \(t) FORCE ROW LEVEL SECURITY;")
            }
            let nowByName = Dictionary(now.policies.map { ($0.name, $0.sql) }, uniquingKeysWith: { a, _ in a })
            let wasByName = Dictionary(was.policies.map { ($0.name, $0.sql) }, uniquingKeysWith: { a, _ in a })
            for (name, sql) in was.policies where nowByName[name] != sql {
                statements.append("DROP POLICY \(PGSQL.quote(name)) ON \(t);")
            }
            for (name, sql) in now.policies where wasByName[name] != sql {
                statements.append(sql)
            }
            if was.enabled && !now.enabled {
                statements.append("ALTER TABLE \(t) DISABLE ROW LEVEL SECURITY;")
                statements.append("ALTER TABLE \(t) NO FORCE ROW LEVEL SECURITY;")
            }
        }
        return statements
    }

    /// Tables a policy has predicates on, in order of first appearance.
    static func tables(of policy: SecurityPolicy?) -> [QualifiedName] {
        var seen: Set<QualifiedName> = []
        return (policy?.predicates ?? []).compactMap { seen.insert($0.table).inserted ? $0.table : nil }
    }
}
