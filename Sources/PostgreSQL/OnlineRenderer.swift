import OEEDiff
import OEEModel

/// Changes on tables that already hold rows, rendered so writers keep writing:
///
///     -- oeedb:step no-transaction index=fact.ix_cycle_site
///     CREATE INDEX CONCURRENTLY IF NOT EXISTS "ix_cycle_site" ON "fact"."cycle" ("site_id" ASC);
///
///     ALTER TABLE "fact"."cycle" ADD CONSTRAINT "fk_cycle_site" FOREIGN KEY (…) REFERENCES … NOT VALID;
///     …
///     -- oeedb:step transaction
///     ALTER TABLE "fact"."cycle" VALIDATE CONSTRAINT "fk_cycle_site";
///
/// CREATE INDEX CONCURRENTLY cannot run in a transaction block, so it is a
/// `no-transaction` step of its own; a failed build leaves an INVALID index
/// that IF NOT EXISTS would skip, so the step names its indexes and the runner
/// drops INVALID ones before (re)running it. FOREIGN KEY and CHECK are added
/// NOT VALID (a brief lock, no scan) and validated at the end of the
/// migration in a transaction of their own, under SHARE UPDATE EXCLUSIVE.
/// Partitioned tables keep the plain forms: PostgreSQL 15 refuses CONCURRENTLY
/// and NOT VALID foreign keys on them.
enum OnlineRenderer {
    static func render(_ change: SchemaChange, state: PlanState, plan: MigrationPlan, validations: inout [String]) throws -> Rendered? {
        func existing(_ q: QualifiedName) -> Table? {
            if plan.changes.contains(where: { if case .createTable(q, _) = $0 { return true } else { return false } }) { return nil }
            guard let t = state.tables[q] ?? plan.to.table(q), t.partitioning == nil else { return nil }
            return t
        }
        switch change {
        case .createIndex(let q, let i) where !i.kind.isColumnstore:
            guard let table = existing(q) else { return nil }
            var rendered = try IndexRenderer.create(q, i, table: table, concurrently: true)
            rendered.comment = "create index \(i.name) on \(q) concurrently"
            rendered.step = BatchStep(transactional: false, indexes: [QualifiedName(q.schema, i.name)])
            return rendered
        case .recreateIndex(let q, let from, let to) where !from.kind.isColumnstore && !to.kind.isColumnstore:
            guard let table = existing(q) else { return nil }
            let created = try IndexRenderer.create(q, to, table: table, concurrently: true)
            return Rendered(comment: "recreate index \(to.name) on \(q) concurrently",
                            statements: ["DROP INDEX CONCURRENTLY IF EXISTS \(PGSQL.qualified(QualifiedName(q.schema, from.name)));"] + created.statements,
                            notes: created.notes,
                            step: BatchStep(transactional: false, indexes: [QualifiedName(q.schema, to.name)]))
        case .addForeignKey(let q, let fk):
            guard existing(q) != nil else { return nil }
            validations.append(ConstraintRenderer.validate(q, constraint: fk.name))
            return Rendered(comment: "add foreign key \(fk.name) on \(q) NOT VALID (validated at the end)",
                            statements: [try ConstraintRenderer.addForeignKey(q, fk, notValid: true)])
        case .addCheck(let q, let c):
            guard let table = existing(q) else { return nil }
            validations.append(ConstraintRenderer.validate(q, constraint: c.name))
            return Rendered(comment: "add check constraint \(c.name) on \(q) NOT VALID (validated at the end)",
                            statements: [try ConstraintRenderer.addCheck(q, c, table: table, notValid: true)])
        default:
            return nil
        }
    }
}
