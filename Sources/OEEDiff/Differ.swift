import OEEModel

/// Compares two models and plans the typed changes from one to the other.
///
///     let plan = try Differ.plan(from: shipped, to: model)
///     let baseline = try Differ.baseline(model)   // from an empty database
///
/// Renames come only from explicit `renamedFrom` hints, never from guessing;
/// partition boundaries change by SPLIT/MERGE, never by rebuilding a table;
/// security predicates are dropped around table changes they would block and
/// restored after.
public enum Differ {
    /// The plan that creates `model` in an empty database.
    public static func baseline(_ model: Database) throws -> MigrationPlan {
        try plan(from: Database(name: model.name), to: model)
    }

    public static func plan(from old: Database, to new: Database, options: DiffOptions = DiffOptions()) throws -> MigrationPlan {
        let (plan, problems) = planCollectingProblems(from: old, to: new, options: options)
        if !problems.isEmpty { throw DiffError(problems) }
        return plan
    }

    /// The plan of everything that can be planned, and the differences it
    /// refuses to plan (identity changes, partitioning moves, …) as text.
    /// Drift reporting uses this: a refused change is still a difference.
    public static func planCollectingProblems(from old: Database, to new: Database, options: DiffOptions = DiffOptions()) -> (MigrationPlan, [String]) {
        var diff = DiffRun(old: old, new: new)
        diff.options = options
        diff.run()
        return (MigrationPlan(from: old, to: new, changes: diff.builder.changes), diff.problems)
    }
}

/// One table present in both models (possibly renamed).
struct TablePair {
    var old: QualifiedName
    var new: QualifiedName
    var before: Table
    var after: Table
}

/// The state of one diff: lookups over both models, and the changes found.
struct DiffRun {
    let old: Database
    let new: Database
    var builder = PlanBuilder()
    var problems: [String] = []
    var options = DiffOptions()

    /// Tables matched across the models, keyed by their new name.
    var pairs: [TablePair] = []
    var droppedTables: [(QualifiedName, Table)] = []
    var createdTables: [(QualifiedName, Table)] = []
    /// Old qualified name → new qualified name, for matched tables.
    var renamedTo: [QualifiedName: QualifiedName] = [:]
    /// Column renames (old name → new name) per table, by the table's new name.
    var columnRenames: [QualifiedName: [String: String]] = [:]

    /// Foreign keys (by owning new table and name) that must be dropped and re-added.
    var foreignKeysToRebuild: Set<String> = []
    /// Old columns, per old table name, that are altered, dropped or renamed:
    /// schema-bound predicates passing them must be lifted around the change.
    var securityTouchedColumns: [QualifiedName: Set<String>] = [:]

    init(old: Database, new: Database) {
        self.old = old
        self.new = new
    }

    mutating func run() {
        diffSchemasCreated()
        diffPartitions()
        matchTables()
        for pair in pairs { columnRenames[pair.new] = DiffRun.columnRenames(pair) }
        // With no renames in the diff, a table equal on both sides yields no
        // change (see isUnchanged): skip its part-by-part diff.
        let renames = !renamedTo.isEmpty || columnRenames.values.contains { !$0.isEmpty }
        for pair in pairs where renames || !DiffRun.isUnchanged(pair) { diffTable(pair) }
        diffForeignKeys()
        diffFunctionsAndPolicies()
        diffSchemasDropped()
        diffDatabaseDescriptions()
    }

    /// Whether `pair` is the same table under the same name: equal but for
    /// the order of its indexes and constraints, with unique column, index
    /// and constraint names. ``diffTable(_:)`` matches those parts by name
    /// (their order is never a change), so then, and when nothing in the diff
    /// is renamed, it finds no change. A live table lists its parts by name,
    /// a model in declaration order: comparing in order would miss most.
    static func isUnchanged(_ pair: TablePair) -> Bool {
        guard pair.old == pair.new else { return false }
        let a = pair.before, b = pair.after
        guard a.indexes.count == b.indexes.count, a.checks.count == b.checks.count, a.foreignKeys.count == b.foreignKeys.count,
              a.uniqueConstraints.count == b.uniqueConstraints.count, hasUniqueNames(b) else { return false }
        if a == b { return true }
        var bare = (a, b)
        bare.0.indexes = []; bare.0.checks = []; bare.0.foreignKeys = []; bare.0.uniqueConstraints = []
        bare.1.indexes = []; bare.1.checks = []; bare.1.foreignKeys = []; bare.1.uniqueConstraints = []
        guard bare.0 == bare.1 else { return false }
        func byName<T: Equatable>(_ x: [T], _ y: [T], _ name: (T) -> String) -> Bool {
            let old = Dictionary(x.map { (name($0), $0) }, uniquingKeysWith: { p, _ in p })
            return old.count == x.count && y.allSatisfy { old[name($0)] == $0 }
        }
        return byName(a.indexes, b.indexes, \.name) && byName(a.checks, b.checks, \.name)
            && byName(a.foreignKeys, b.foreignKeys, \.name) && byName(a.uniqueConstraints, b.uniqueConstraints, \.name)
    }

    /// No column, index or constraint name twice in `t`.
    static func hasUniqueNames(_ t: Table) -> Bool {
        var names = Set<String>()
        for c in t.columns where !names.insert(c.name).inserted { return false }
        names.removeAll(keepingCapacity: true)
        for i in t.indexes where !names.insert(i.name).inserted { return false }
        names.removeAll(keepingCapacity: true)
        let constraints = t.uniqueConstraints.map(\.name) + t.checks.map(\.name) + t.foreignKeys.map(\.name) + [t.primaryKey?.name].compactMap { $0 }
        for n in constraints where !names.insert(n).inserted { return false }
        return true
    }

    mutating func diffSchemasCreated() {
        let oldNames = Set(old.schemas.map(\.name))
        for s in new.schemas where !oldNames.contains(s.name) {
            builder.add(.createSchemas, .createSchema(s.name))
        }
    }

    mutating func diffSchemasDropped() {
        let newNames = Set(new.schemas.map(\.name))
        for s in old.schemas.reversed() where !newNames.contains(s.name) {
            builder.add(.dropSchemas, .dropSchema(s.name))
        }
    }

    /// Descriptions of schemas and partition objects.
    mutating func diffDatabaseDescriptions() {
        let oldSchemas = Dictionary(old.schemas.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        for s in new.schemas {
            describe(.schema(s.name), from: oldSchemas[s.name]?.description, to: s.description)
        }
        let oldFunctions = Dictionary(old.partitionFunctions.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        for f in new.partitionFunctions {
            describe(.partitionFunction(f.name), from: oldFunctions[f.name]?.description, to: f.description)
        }
        let oldSchemes = Dictionary(old.partitionSchemes.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        for s in new.partitionSchemes {
            describe(.partitionScheme(s.name), from: oldSchemes[s.name]?.description, to: s.description)
        }
    }

    mutating func describe(_ target: DescriptionTarget, from: String?, to: String?) {
        let a = from?.isEmpty == true ? nil : from
        let b = to?.isEmpty == true ? nil : to
        if a != b { builder.add(.descriptions, .setDescription(target, from: a, to: b)) }
    }
}
