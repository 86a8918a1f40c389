import ArgumentParser
import Foundation
import ODBC
import Runner

extension Oeedb {
    struct Undo: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "undo",
            abstract: "Take a database back to an earlier version by running undo scripts, newest first.",
            discussion: """
                Runs U<NNNN>__<name>.sql of every applied version above --to, newest first, under \
                the same session lock as migrate. 'oeedb generate' writes an undo script for \
                every version (the reverse of its plan); a hand-written migration may carry a \
                hand-written one. Each runs in its own transaction with its history change (the \
                version's row deleted, an audit row added), after its data-loss checks (a table \
                or column it drops must hold no data, a narrowed column's values must fit) and \
                pre-checks; the catalog is then compared with the earlier version's snapshot. \
                If any version to undo has no undo script, nothing runs and it is named.

                Exit status: 0 done or nothing to undo; 1 refused or a script or check failed \
                (the versions undone before it stay undone); 2 connection or usage error.

                Examples:
                  oeedb undo --to 3 --dry-run --connection postgres://oeedb@127.0.0.1:5432/oee
                  oeedb undo --to 3
                  oeedb undo --to 1 --allow-data-loss   # also when dropped columns or tables hold data
                """
        )

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var directory: DirectoryOptions

        @Option(name: .long, help: ArgumentHelp("The version to go back to (0 = before the first).", valueName: "version"))
        var to: Int

        @Flag(name: .long, help: "List the undo scripts that would run; change nothing.")
        var dryRun = false

        @Flag(name: .long, help: "Skip the data-loss checks: drop tables and columns that hold data.")
        var allowDataLoss = false

        @OptionGroup var lock: LockOptions

        @OptionGroup var output: OutputOptions

        func validate() throws {
            guard to >= 0 else {
                throw ValidationError("--to \(to): pass the version to go back to, e.g. --to 3 (0 undoes every version)")
            }
        }

        func run() throws {
            try reportingErrors {
                let context = try RunnerContext.open(connection, migrations: directory.migrations, dialectOverride: directory.dialect)
                let runner = context.runner
                runner.lockTimeoutMilliseconds = lock.milliseconds
                runner.progress = { Progress.line($0) }
                var report: UndoReport
                do {
                    report = try runner.undo(.init(to: to, dryRun: dryRun, allowDataLoss: allowDataLoss))
                } catch let e as ODBCError {
                    throw CLIError(e.description, exitCode: 2)
                } catch let e as RunnerError {
                    var failed = UndoReport(database: context.spec.summary, dialect: context.dialect.id, to: to, dryRun: dryRun)
                    failed.undone = e.undone
                    failed.failed = e.failure
                    if output.isJSON {
                        Console.outData(try JSONEncoder.stable.encode(failed) + Data("\n".utf8))
                        if isatty(STDOUT_FILENO) == 1 { throw ExitCode(1) }
                    } else {
                        for line in Self.undoneLines(failed.undone) { Console.out(line) }
                    }
                    throw CLIError(e.description, exitCode: 1)
                }
                report.database = context.spec.summary
                if output.isJSON {
                    Console.outData(try JSONEncoder.stable.encode(report) + Data("\n".utf8))
                    return
                }
                if report.upToDate {
                    Console.out("\(context.spec.summary): nothing to undo (at or below V\(to))")
                    return
                }
                if dryRun {
                    for stem in report.pending {
                        Console.out("would run \(stem)")
                        if let u = context.directory.undos.first(where: { $0.file.stem == stem }), let header = try? u.header {
                            for c in header.checks { Console.out("  \(c.phase.rawValue)-check \(c.name)\(c.phase == .dataLoss && allowDataLoss ? " (skipped: --allow-data-loss)" : ""): \(c.query)") }
                        }
                    }
                    return
                }
                for line in Self.undoneLines(report.undone) { Console.out(line) }
                Console.out("\(context.spec.summary): at \(to == 0 ? "no version" : "V\(String(format: "%04d", to))")")
            }
        }

        static func undoneLines(_ undone: [UndoReport.Undone]) -> [String] {
            undone.map { u in
                "undid V\(String(format: "%04d", u.version))__\(u.name) in \(u.milliseconds) ms (\(u.batches) batches, \(u.dataLossChecks) data-loss checks, \(u.preChecks) pre-checks, \(u.postChecks) tables post-checked)"
            }
        }
    }
}
