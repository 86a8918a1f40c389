import ArgumentParser
import Foundation
import Migrations
import OEEDiff
import OEEModel
import Runner

extension Oeedb {
    struct Drift: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "drift",
            abstract: "Compare a live database with the model and report every difference (for CI).",
            discussion: """
                Reads the whole catalog with a fixed handful of queries, reduces both sides to \
                what the engine can store (so formatting, re-parenthesised defaults and type \
                spellings never show up as noise), and prints each difference with the object \
                path, what the model expects and what the database has.

                --against applied (default) compares with the model snapshot of the latest \
                applied migration; --against model compares with the current schema model.

                Exit status: 0 no drift, 1 drift, 2 error.

                Examples:
                  oeedb drift --connection postgres://oeedb@127.0.0.1:5432/oee
                  oeedb drift --against model --format json
                  oeedb drift --ignore 'fact.event.ix_*' --sql
                """
        )

        enum Against: String, ExpressibleByArgument, CaseIterable { case applied, model }

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var directory: DirectoryOptions
        @OptionGroup var source: ModelSourceOptions

        @Option(name: .long, help: "Compare with the latest applied version's snapshot (applied) or the current model (model).")
        var against: Against = .applied

        @OptionGroup var output: OutputOptions

        @Option(name: .long, parsing: .upToNextOption, help: ArgumentHelp("Ignore differences on object paths matching these globs (e.g. 'fact.event.*').", valueName: "pattern"))
        var ignore: [String] = []

        @Flag(name: .long, help: "Also print the SQL that would bring the database back to the model.")
        var sql = false

        /// Drift is exit 1; every error is exit 2, so CI never reads a broken run as drift.
        func run() throws {
            do {
                try body()
            } catch let e as ExitCode {
                throw e
            } catch let e as CLIError {
                Console.err("error: \(e.message)")
                throw ExitCode(2)
            } catch {
                Console.err("error: \(error)")
                throw ExitCode(2)
            }
        }

        func body() throws {
            let context = try RunnerContext.open(connection, migrations: directory.migrations, dialectOverride: directory.dialect)
            guard let inspector = context.dialect as? any InspectorDialect else {
                throw CLIError("dialect \(context.dialect.id) cannot read its catalog yet")
            }
            let reader = CatalogReader(connection: context.connection, dialect: inspector)
            let expected: Database
            let label: String
            let policies: Database?
            let prefetched: PrefetchedCatalog
            switch against {
            case .model:
                // The server reads the catalog while the model is decoded.
                (expected, prefetched) = try reader.prefetch { try source.load() }
                policies = nil
                label = source.model ?? "the schema model"
            case .applied:
                let statuses = try context.runner.status()
                if let bad = statuses.first(where: { [.failed, .checksumMismatch, .missingFile].contains($0.state) }) {
                    throw CLIError("V\(bad.version) \(bad.name) is \(bad.state.rawValue) in \(context.spec.summary); the applied state is unclear, so drift against it would mislead. Run 'oeedb validate', or use --against model")
                }
                let applied = statuses.filter { $0.state == .applied }.map(\.version).max()
                guard let version = applied, let m = context.directory.migrations.first(where: { $0.file.version == version }) else {
                    throw CLIError("no migration is applied to \(context.spec.summary); run 'oeedb migrate' first or use --against model")
                }
                // The server reads the catalog while the snapshot and the model are decoded.
                ((expected, policies), prefetched) = try reader.prefetch {
                    let snapshot: Database
                    do { snapshot = try m.snapshot() } catch let e as MigrationError { throw CLIError(e.message) }
                    return (snapshot, try? source.load())
                }
                label = m.file.stem + ".json"
            }
            let result: DriftResult
            do { result = try reader.drift(expected: expected, ignore: ignore, policies: policies, prefetched: prefetched) } catch let e as RunnerError { throw CLIError(e.description) }
            var script: String?
            if sql && !result.items.isEmpty {
                do { script = context.dialect.scriptText(try context.dialect.render(result.plan)) } catch {
                    script = "-- cannot render a repair script: \(error)\n"
                }
            }
            switch output.isJSON ? OutputFormat.json : .text {
            case .json:
                struct Report: Codable { var database: String; var against: String; var drift: Bool; var items: [DriftItem]; var catalogQueries: Int; var sql: String? }
                let report = Report(database: context.spec.summary, against: label, drift: !result.items.isEmpty, items: result.items,
                                    catalogQueries: result.queryCount, sql: script)
                Console.outData(try JSONEncoder.stable.encode(report) + Data("\n".utf8))
            case .text:
                if result.items.isEmpty {
                    Console.out("\(context.spec.summary): no drift from \(label) (\(result.queryCount) catalog queries)")
                } else {
                    Console.out("\(context.spec.summary): \(result.items.count) difference(s) from \(label):")
                    for item in result.items { Console.out("  " + item.description.replacingOccurrences(of: "\n", with: "\n  ")) }
                    if let script { Console.out("\n-- SQL to bring the database back to the model:\n" + script) }
                }
            }
            if !result.items.isEmpty { throw ExitCode(1) }
        }
    }
}
