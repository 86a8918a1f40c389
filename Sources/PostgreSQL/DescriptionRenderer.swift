import OEEDiff
import OEEModel

/// Descriptions as `COMMENT ON`:
///
///     COMMENT ON COLUMN "ref"."site"."code" IS 'Site code';
///     COMMENT ON CONSTRAINT "pk_site" ON "ref"."site" IS 'One row per site';
///     COMMENT ON FUNCTION "sec"."fn_site_filter"(smallint) IS 'Rows of the session''s site';
///     COMMENT ON TABLE "ref"."site" IS NULL;   -- removes it
///
/// Partition functions and schemes, columnstore indexes and default
/// constraints have no PostgreSQL object to comment on: their descriptions
/// are omitted with a note.
enum DescriptionRenderer {
    static func render(_ target: DescriptionTarget, from: String?, to: String?, state: PlanState, plan: MigrationPlan) throws -> Rendered {
        let path = path(target)
        if from == nil && to == nil {
            throw RenderError(path, "setDescription changes nothing (from and to are both nil)")
        }
        let verb = from == nil ? "add" : to == nil ? "drop" : "update"
        var rendered = Rendered(comment: "\(verb) description of \(target)")
        let object: String
        switch target {
        case .schema(let s): object = "SCHEMA \(PGSQL.quote(s))"
        case .table(let q): object = "TABLE \(PGSQL.qualified(q))"
        case .column(let q, let c): object = "COLUMN \(PGSQL.qualified(q)).\(PGSQL.quote(c))"
        case .index(let q, let i):
            let index = (state.tables[q] ?? plan.to.table(q) ?? plan.from.table(q))?.indexes.first { $0.name == i }
            if let index, index.kind.isColumnstore {
                rendered.notes.append(Note(.columnstore, "description of \(index.kind.rawValue) index \(i) on \(q)"))
                return rendered
            }
            object = "INDEX \(PGSQL.qualified(QualifiedName(q.schema, i)))"
        case .constraint(let q, let c):
            let table = state.tables[q] ?? plan.to.table(q) ?? plan.from.table(q)
            if let column = table?.columns.first(where: { $0.defaultConstraint?.name == c }) {
                rendered.notes.append(Note(.defaultConstraintName, "description of default \(c) on \(q).\(column.name)"))
                return rendered
            }
            object = "CONSTRAINT \(PGSQL.quote(c)) ON \(PGSQL.qualified(q))"
        case .function(let q):
            guard let fn = state.functions[q] ?? plan.to.schema(named: q.schema)?.functions.first(where: { $0.name == q.name })
                ?? plan.from.schema(named: q.schema)?.functions.first(where: { $0.name == q.name }) else {
                throw RenderError(path, "function is not in the plan's models, so its parameter types (which COMMENT ON FUNCTION needs) are unknown; declare it")
            }
            object = "FUNCTION \(try SecurityRenderer.signature(q, fn))"
        case .partitionFunction(let f):
            rendered.notes.append(Note(.partitionFunction, "description of partition function \(f)"))
            return rendered
        case .partitionScheme(let s):
            rendered.notes.append(Note(.partitionScheme, "description of partition scheme \(s)"))
            return rendered
        }
        var value = "NULL"
        if let to {
            try PGSQL.checkText(to, path: path, what: "description")
            value = PGSQL.string(to)
        }
        rendered.statements.append("COMMENT ON \(object) IS \(value);")
        return rendered
    }

    /// The object whose descriptions may share a batch: a table with its
    /// columns, indexes and constraints; any other object alone.
    static func owner(_ target: DescriptionTarget) -> String {
        switch target {
        case .schema(let s): return "schema \(s)"
        case .table(let q), .column(let q, _), .index(let q, _), .constraint(let q, _): return "table \(q)"
        case .function(let q): return "function \(q)"
        case .partitionFunction(let f): return "partition function \(f)"
        case .partitionScheme(let s): return "partition scheme \(s)"
        }
    }

    static func path(_ target: DescriptionTarget) -> String {
        switch target {
        case .schema(let s): return s
        case .table(let q), .function(let q): return q.description
        case .column(let q, let c), .index(let q, let c), .constraint(let q, let c): return "\(q).\(c)"
        case .partitionFunction(let f): return "partition function \(f)"
        case .partitionScheme(let s): return "partition scheme \(s)"
        }
    }
}
