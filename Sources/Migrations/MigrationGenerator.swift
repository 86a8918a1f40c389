import Foundation
import OEEDiff
import OEEModel

/// Plans and writes the next migration of one dialect's directory:
/// `V<NNNN>__<name>.sql`, its model snapshot `V<NNNN>__<name>.json` (the full
/// model for version 1, the delta from the previous version after that), and
/// the refreshed integrity file.
public struct MigrationGenerator {
    public var directory: MigrationDirectory
    public var dialect: any SQLDialect

    public init(directory: MigrationDirectory, dialect: any SQLDialect) {
        self.directory = directory
        self.dialect = dialect
    }

    /// What generating would do, without writing anything.
    public struct Pending {
        public var file: MigrationFileName
        public var plan: MigrationPlan
        public var sql: String
        public var snapshot: Data
        /// `U<NNNN>__name.sql`: the reverse plan (this version's snapshot back
        /// to the previous one), with its own checks.
        public var undoSQL: String?
    }

    /// Plans the next migration; `nil` when the model matches the latest snapshot.
    /// Throws when the directory is not intact, the plan is refused, or it holds
    /// destructive changes not allowed.
    /// `version` overrides the next version number (to keep dialect
    /// directories aligned); it must be above the directory's latest.
    public func pending(model: Database, name: String?, allowDestructive: Bool, version requested: Int? = nil) throws -> Pending? {
        let problems = try directory.verify()
        guard problems.isEmpty else {
            throw MigrationError("\(directory.url.path) is not intact:\n" + problems.map { "  - \($0)" }.joined(separator: "\n"))
        }
        let previous = try directory.latestModel(fallbackName: model.name)
        let version = max(requested ?? 0, (directory.latest?.file.version ?? 0) + 1)
        let chosen = MigrationFileName.sanitize(name ?? (version == 1 ? "baseline" : "update"))
        let file = MigrationFileName(version: version, name: chosen)
        // Two halves of about equal work run side by side: the forward plan,
        // its script and the snapshot delta; the undo plan and its script.
        // Each step's outcome is kept, and errors are reported in the order
        // of one step after the other: the forward plan's, then the name's,
        // the script's, the undo plan's, the snapshot's, the undo script's.
        let latestFile = directory.latest?.file
        let (forward, reverse) = Parallel.both({
            let plan = try Differ.plan(from: previous, to: model, options: .for(dialect: dialect.id))
            return (plan: plan,
                    script: Result { try dialect.render(plan) },
                    snapshot: Result { try MigrationGenerator.snapshotFile(model, previous: previous, after: latestFile) })
        }, {
            let undo = try Differ.undoPlan(from: model, to: previous)
            return Result { try self.undoText(file: file, plan: undo) }
        })
        let (plan, rendered, snapshotDelta) = try forward.get()
        if plan.isEmpty { return nil }
        let destructive = plan.destructiveChanges
        if !destructive.isEmpty && !allowDestructive {
            throw MigrationError("the model holds \(destructive.count) destructive change(s); review them and pass --allow-destructive to generate anyway:\n"
                + destructive.map { "  - \($0.reason)" }.joined(separator: "\n"))
        }
        guard !chosen.isEmpty else { throw MigrationError("migration name '\(name ?? "")' has no letters or digits; use e.g. --name add_note") }
        let script = try rendered.get()
        var header = MigrationHeader(version: version, name: chosen)
        var explanations: [String] = []
        if let runner = dialect as? any RunnerDialect {
            for check in plan.preChecks {
                let query = try runner.checkQuery(check).split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
                header.checks.append(MigrationCheck(phase: .pre, name: check.name, expectation: .empty, query: query))
                explanations.append("pre-check \(check.name): fails when \(check.description)")
            }
        }
        let sql = MigrationGenerator.compose(file: file, dialect: dialect.id, header: header, plan: plan, body: dialect.scriptText(script), notes: explanations)
        let undoScript = try reverse.get()
        let snapshot = try snapshotDelta.get()
        let undo = try undoScript.get()
        return Pending(file: file, plan: plan, sql: sql, snapshot: snapshot, undoSQL: undo)
    }

    /// The `.json` of a new version: the delta from the previous version's
    /// model (only the objects that changed), or the full snapshot for the
    /// first version and whenever a delta could not reproduce `model` exactly.
    public static func snapshotFile(_ model: Database, previous: Database, after latest: MigrationFileName?) throws -> Data {
        if let latest, let delta = ModelDelta.between(previous, model, previous: latest.stem) {
            return try ModelSnapshot.encode(delta)
        }
        return try ModelSnapshot.encode(model)
    }

    /// The undo script of `file`: the plan from `current` back to `previous`,
    /// its data-loss checks (dropped tables empty, dropped columns NULL,
    /// narrowed values fitting) and the pre-checks its other changes need.
    public func undoText(file: MigrationFileName, current: Database, previous: Database) throws -> String {
        try undoText(file: file, plan: Differ.undoPlan(from: current, to: previous))
    }

    /// The undo script of `file` for an undo plan already made.
    func undoText(file: MigrationFileName, plan: MigrationPlan) throws -> String {
        let script = try dialect.render(plan)
        var header = MigrationHeader(version: file.version, name: file.name)
        var notes: [String] = []
        if let runner = dialect as? any RunnerDialect {
            let loss = plan.dataLossChecks
            let lossNames = Set(loss.map(\.name))
            for (phase, checks) in [(MigrationCheck.Phase.dataLoss, loss), (.pre, plan.preChecks.filter { !lossNames.contains($0.name) })] {
                for check in checks {
                    let query = try runner.checkQuery(check).split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
                    header.checks.append(MigrationCheck(phase: phase, name: check.name, expectation: .empty, query: query))
                    notes.append("\(phase.rawValue)-check \(check.name): fails when \(check.description)")
                }
            }
        }
        var lines = [
            "-- oeedb undo \(file.undo.stem) (\(dialect.id))",
            "-- Generated by 'oeedb generate': takes the database from \(file.stem) back to the previous version",
            "-- (\(FixCommand.quoted("undo --to \(file.version - 1)"))). Data-loss checks refuse to run it while it would destroy",
            "-- data, unless run as \(FixCommand.quoted("undo --to \(file.version - 1) --allow-data-loss")). \(IntegrityFile.fileName) records its checksum.",
        ]
        lines += notes.map { "-- " + $0 }
        lines += header.directiveLines
        lines.append("--")
        lines += MigrationGenerator.summary(plan).map { "-- " + $0 }
        return lines.joined(separator: "\n") + "\n\n" + dialect.scriptText(script)
    }

    /// Writes a pending migration and refreshes the integrity file.
    public func write(_ pending: Pending) throws -> [URL] {
        try FileManager.default.createDirectory(at: directory.url, withIntermediateDirectories: true)
        let sqlURL = directory.url.appendingPathComponent(pending.file.stem + ".sql")
        let jsonURL = directory.url.appendingPathComponent(pending.file.stem + ".json")
        try Data(pending.sql.utf8).write(to: sqlURL, options: .atomic)
        try pending.snapshot.write(to: jsonURL, options: .atomic)
        var written = [sqlURL, jsonURL]
        if let undo = pending.undoSQL {
            let undoURL = directory.url.appendingPathComponent(pending.file.undo.stem + ".sql")
            try Data(undo.utf8).write(to: undoURL, options: .atomic)
            written.append(undoURL)
        }
        // The files read at load keep the checksums verified then (no second
        // read of a 13 MB snapshot); the new ones are hashed from disk.
        try directory.writeIntegrity()
        return written + [directory.url.appendingPathComponent(IntegrityFile.fileName)]
    }

    /// The file text: a comment header with the runner directives and a summary
    /// of the changes, then the dialect's script.
    public static func compose(file: MigrationFileName, dialect: String, header: MigrationHeader, plan: MigrationPlan, body: String, notes: [String] = []) -> String {
        var lines = [
            "-- oeedb migration \(file.stem) (\(dialect))",
            "-- Generated by 'oeedb generate' from the schema model. Never edit a shipped",
            "-- migration: \(IntegrityFile.fileName) records its checksum. Change the model and generate anew.",
        ]
        lines += notes.map { "-- " + $0 }
        lines += header.directiveLines
        lines.append("--")
        lines += summary(plan).map { "-- " + $0 }
        return lines.joined(separator: "\n") + "\n\n" + body
    }

    /// Up to 40 changes listed one per line; beyond that, counted by kind.
    static func summary(_ plan: MigrationPlan) -> [String] {
        let descriptions = plan.changes.map(\.description)
        if descriptions.count <= 40 {
            return ["\(descriptions.count) change(s):"] + descriptions.map { "  " + $0 }
        }
        var counts: [String: Int] = [:]
        var order: [String] = []
        for change in plan.changes {
            let kind = change.kind
            if counts[kind] == nil { order.append(kind) }
            counts[kind, default: 0] += 1
        }
        return ["\(descriptions.count) changes:"] + order.map { "  \($0) × \(counts[$0]!)" }
    }
}
