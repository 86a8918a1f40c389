import OEEModel

/// Seed sets read, validated against the model and put in load order: all
/// that can be known without a database. Problems are collected, not thrown,
/// so that the database checks can still add theirs and every error is
/// reported at once.
public struct PreparedSeed: Sendable {
    public var sets: [String]
    /// Valid rows of every seeded table, parents first.
    public var tables: [SeedTable]
    public var diagnostics: [SeedDiagnostic]
    /// Keys seeded by sets not being loaded (never extra, never pruned),
    /// given up front; see also ``otherSets``.
    public var otherSetKeys: [QualifiedName: Set<SeedKey>]
    /// The seeds folder whose other sets are read, lazily, for the keys they
    /// own: only a table whose database rows the seed lacks needs them, and
    /// then only that table's file in each other set is read. Nil: none.
    public var otherSets: SeedDirectory?

    /// Validates parsed files (from one or more sets) against `model`.
    public init(files: [SeedFile], model: Database, sets: [String] = [], fileDiagnostics: [SeedDiagnostic] = [],
                otherSetKeys: [QualifiedName: Set<SeedKey>] = [:]) {
        let outcome = SeedValidator(model: model).validate(files)
        var diagnostics = fileDiagnostics + outcome.diagnostics
        var tables = outcome.tables
        switch LoadOrder.sort(tables, model: model) {
        case .success(let ordered): tables = ordered
        case .failure(let d): diagnostics.append(d)
        }
        self.sets = sets
        self.tables = tables
        self.diagnostics = diagnostics.sorted()
        self.otherSetKeys = otherSetKeys
        self.otherSets = nil
    }

    /// Reads and validates the named sets of a seeds folder.
    public static func load(_ directory: SeedDirectory, sets: [String], model: Database) throws -> PreparedSeed {
        var files: [SeedFile] = []
        var diagnostics: [SeedDiagnostic] = []
        for set in sets {
            let read = try directory.files(set: set)
            files += read.files
            diagnostics += read.diagnostics
        }
        // Other sets are not read here: `plan` asks for a table's keys only when it has extra rows.
        var prepared = PreparedSeed(files: files, model: model, sets: sets, fileDiagnostics: diagnostics)
        prepared.otherSets = directory
        return prepared
    }

    /// Plans against a database state (pure); every problem, file and database, at once.
    public func plan(state: SeedDatabaseState, model: Database, prune: Bool) -> (plan: SeedPlan, diagnostics: [SeedDiagnostic]) {
        var planner = SeedPlanner(model: model, prune: prune, otherSetKeys: otherSetKeys)
        if let directory = otherSets {
            let sets = self.sets
            planner.otherSetLookup = { table in directory.keysOwned(byOtherThan: sets, table: table, model: model) }
        }
        let (plan, found) = planner.plan(tables, state: state)
        return (plan, (diagnostics + found).sorted())
    }
}
