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
        // A table equal on both sides (same name, every part equal, names
        // unique within it) yields no change: skip its column-by-column diff.
        for pair in pairs where !DiffRun.isUnchanged(pair) { diffTable(pair) }
        diffForeignKeys()
        diffFunctionsAndPolicies()
        diffSchemasDropped()
        diffDatabaseDescriptions()
    }

    /// Whether `pair` is the same table under the same name, with unique
    /// column, index and constraint names (``diffTable(_:)`` matches parts by
    /// name, so only then is "equal" sure to mean "no change").
    static func isUnchanged(_ pair: TablePair) -> Bool {
        guard pair.old == pair.new, pair.before == pair.after else { return false }
        let t = pair.after
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
