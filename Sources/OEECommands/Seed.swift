// Compiles to nothing until Package.swift gives OEECommands the Seeds target.
import ArgumentParser
import Foundation
import ODBC
import OEEModel
import Seeds

extension Oeedb {
    struct Seed: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "seed",
            abstract: "Load reference data (seeds/<set>/*.csv) idempotently: insert missing rows, update changed ones.",
            discussion: """
                Each file seeds/<set>/<schema>.<table>.csv loads one table; its header names the \
                table's columns. Every file is validated against the model before the database is \
                touched (types and ranges, NOT NULL, keys, CHECK constraints, foreign-key parents in \
                the seed or the database); all errors are listed as file:line:column. The load runs \
                in one transaction, parents first: MERGE on SQL Server, INSERT … ON CONFLICT on \
                PostgreSQL, keyed on each table's primary key. A second run changes nothing. \
                Database rows the seed lacks are listed, and deleted only with --prune. Rows seeded \
                by another set are never extra.

                Sets: 'standard' (default: loss buckets, reason codes, event types, machine states) \
                and 'demo' (an enterprise, site, lines, machines, products and shifts to try things \
                on; load it after or together with the standard set).

                Exit status: 0 loaded or up to date; 1 invalid seed or load failed (nothing \
                written); 2 connection or usage error.

                Examples:
                  oeedb seed --connection postgres://oeedb@127.0.0.1:5432/oee
                  oeedb seed --dry-run                     # what would change
                  oeedb seed --set standard --set demo     # both sets, one transaction
                  oeedb seed --prune --json > seed.json
                """
        )

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var source: ModelSourceOptions

        @Option(name: .long, help: ArgumentHelp("Seed set to load (a folder under --seeds); repeat to load several in one transaction. Default: standard.", valueName: "name"))
        var set: [String] = []

        @Option(name: .long, help: ArgumentHelp("The folder holding one folder per seed set.", valueName: "dir"))
        var seeds: String = "seeds"

        @Option(name: .long, help: ArgumentHelp("sqlserver or postgres (default: from the connection).", valueName: "id"))
        var dialect: String?

        @Flag(name: .long, help: "Delete database rows the seed lacks (children first).")
        var prune = false

        @Flag(name: .long, help: "Validate and report what would change; write nothing.")
        var dryRun = false

        @OptionGroup var output: OutputOptions

        func run() throws {
            try reportingErrors {
                let sets = set.isEmpty ? [SeedDirectory.defaultSet] : set
                let model = try source.load()
                let directory = SeedDirectory(root: seeds)
                // The files are read and validated on another thread while this
                // one connects and reads the database's rows (SeedLoader waits
                // for them before planning); their errors come first, as before.
                let preparing = Background { try PreparedSeed.load(directory, sets: sets, model: model) }
                func prepared() throws -> PreparedSeed {
                    do {
                        return try preparing.value()
                    } catch let e as SeedSetError {
                        throw CLIError(e.message)
                    }
                }
                let sql: any SeedSQL
                let conn: ODBCConnection
                var report: SeedReport
                do {
                    let spec = try connection.resolve()
                    switch dialect ?? spec.engine.rawValue {
                    case "sqlserver": sql = SQLServerSeedSQL()
                    case "postgres": sql = PostgreSQLSeedSQL()
                    default:
                        throw CLIError("cannot tell the database engine from the connection (\(spec.masked)); pass --dialect sqlserver or --dialect postgres")
                    }
                    report = SeedReport(database: spec.summary, dialect: sql.id, sets: sets, dryRun: dryRun, prune: prune)
                    conn = try connection.connect(environment: try ODBCEnvironment(), spec: spec)
                    Progress.line("seeding \(sets.joined(separator: " + ")) into \(spec.summary)…")
                } catch {
                    _ = try prepared()  // a missing seed set is reported before a connection problem
                    throw error
                }
                defer { conn.close() }
                // With --json, the report of a load that goes through is written while the database runs it.
                var written: Background<[UInt8]>?
                let base = report
                do {
                    let plan = try SeedLoader(connection: conn, sql: sql, model: model).load(
                        reading: directory.tableNames(sets: sets), prepared: prepared, prune: prune, dryRun: dryRun,
                        onPlanned: { plan in
                            guard output.isJSON else { return }
                            written = Background {
                                var done = base
                                done.add(plan)
                                done.ok = true
                                return done.jsonBytes()
                            }
                        })
                    if written == nil {  // with --json, the background has added the plan already
                        report.add(plan)
                        report.ok = true
                    }
                } catch let e as SeedValidationError {
                    report.errors = e.diagnostics
                    try emit(report)
                    throw CLIError("\(e.diagnostics.count) seed error(s); nothing was written", exitCode: 1)
                } catch let e as SeedLoadError {
                    report.failure = e.message
                    try emit(report)
                    throw CLIError(e.message, exitCode: 1)
                } catch let e as ODBCError {
                    report.failure = e.description
                    try emit(report)
                    // The migration hint only where a table or column is really missing.
                    let hint = DatabaseRefusal(e).hint.map { "; \($0)" } ?? ""
                    throw CLIError("\(e.description)\nnothing was written (rolled back)\(hint)", exitCode: 1)
                }
                if let written {
                    Console.outData(Data(try written.value() + [0x0A]))
                    return
                }
                try emit(report)
            }
        }

        func emit(_ report: SeedReport) throws {
            if output.isJSON {
                // Hand-written, byte for byte JSONEncoder.stable (see SeedReport.jsonBytes).
                Console.outData(Data(report.jsonBytes() + [0x0A]))
                return
            }
            for e in report.errors { Console.err("error: \(e)") }
            guard report.failure == nil, report.errors.isEmpty else { return }
            Console.out("\(report.sets.joined(separator: " + ")) → \(report.database ?? "?") (\(report.dialect ?? "?"))\(report.dryRun ? " — dry run, nothing written" : "")")
            Console.out(SeedTableText.render(report))
        }
    }
}

/// The terminal form of a seed report: one line per table, then the rows
/// that change or are extra.
enum SeedTableText {
    static func render(_ report: SeedReport) -> String {
        let header = ["table", "rows", report.dryRun ? "to insert" : "inserted", report.dryRun ? "to update" : "updated", "unchanged", "extra",
                      report.dryRun ? "to delete" : "deleted"]
        var rows = [header]
        for t in report.tables {
            rows.append([t.table] + [t.rows, t.inserted, t.updated, t.unchanged, t.extra, t.deleted].map(String.init))
        }
        let widths = header.indices.map { i in rows.map { $0[i].count }.max() ?? 0 }
        var lines = rows.map { row in
            row.enumerated().map { i, cell in
                i == 0 ? cell.padding(toLength: widths[i], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[i] - cell.count) + cell
            }.joined(separator: "  ")
        }
        for t in report.tables {
            let listed = t.changes.filter { $0.action != "insert" }
            for change in listed.prefix(20) {
                let key = change.key.keys.sorted().map { "\($0)=\(change.key[$0].flatMap { $0 } ?? "NULL")" }.joined(separator: ", ")
                switch change.action {
                case "update":
                    let columns = (change.columns ?? []).map { "\($0.column): \($0.old ?? "NULL") → \($0.new ?? "NULL")" }.joined(separator: "; ")
                    lines.append("\(report.dryRun ? "would update" : "updated") \(t.table) \(key): \(columns)")
                case "delete":
                    lines.append("\(report.dryRun ? "would delete" : "deleted") \(t.table) \(key)")
                default:
                    lines.append("extra \(t.table) \(key): not in the seed (kept; --prune deletes it)")
                }
            }
            if listed.count > 20 { lines.append("… and \(listed.count - 20) more in \(t.table) (see --json)") }
        }
        let sum = { (f: (SeedReport.TableReport) -> Int) in report.tables.map(f).reduce(0, +) }
        let verb = report.dryRun ? "would insert" : "inserted"
        lines.append("\(verb) \(sum(\.inserted)), \(report.dryRun ? "update" : "updated") \(sum(\.updated)), unchanged \(sum(\.unchanged)), extra \(sum(\.extra)), \(report.dryRun ? "delete" : "deleted") \(sum(\.deleted))")
        return lines.joined(separator: "\n")
    }
}
