import ArgumentParser
import Foundation
import ODBC
import Runner

extension Oeedb {
    struct Migrate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "migrate",
            abstract: "Apply pending migrations to a database, each in its own transaction.",
            discussion: """
                Before anything runs, every file of the migration directory is checked (headers \
                and directives, snapshots, the integrity file) and every applied migration must \
                match its file; otherwise nothing runs and every problem is listed. One session \
                lock (sp_getapplock / pg_advisory_lock) serialises concurrent runners. Each \
                migration runs in a transaction together with its history row, its pre-checks \
                (data conditions for risky changes) and its post-checks (the catalog must match \
                the version's model snapshot); the first failure rolls it back and stops.

                When a migration fails, the ones applied before it stay applied: plain output \
                lists them, then the error (once, on standard error); --json prints one document \
                with "applied" and "failed" (migration, batch, line, sqlState, message).

                Exit status: 0 done or up to date; 1 a migration failed or the directory is not \
                intact; 2 connection or usage error.

                Examples:
                  oeedb migrate --connection postgres://oeedb@127.0.0.1:5432/oee
                  OEEDB_PASSWORD=… oeedb migrate --connection 'sqlserver://deploy@db:1433/oee?encrypt=require'
                  oeedb migrate --target 3 --dry-run
                  oeedb migrate --json > report.json
                """
        )

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var directory: DirectoryOptions

        @Option(name: .long, help: ArgumentHelp("Apply up to and including this version (1 or more).", valueName: "version"))
        var target: Int?

        @Flag(name: .long, help: "Print the pending migrations and their checks; change nothing.")
        var dryRun = false

        @OptionGroup var output: OutputOptions

        @OptionGroup var lock: LockOptions

        @Option(name: .long, help: ArgumentHelp("Milliseconds a statement waits for a table lock before the migration is rolled back and retried (0 = engine default, at most 3600000).", valueName: "ms"))
        var ddlLockTimeout: Int = 5_000

        @Option(name: .long, help: ArgumentHelp("Retries of a migration rolled back by a lock timeout (0 to 20).", valueName: "n"))
        var lockRetries: Int = 3

        @Flag(name: .long, help: "Skip the catalog post-checks (pre-checks and directive checks still run). For measuring their cost; not for routine use.")
        var noPostCheck = false

        func validate() throws {
            if let target, target < 1 {
                throw ValidationError("--target \(target): versions start at 1; pass the version to migrate up to, e.g. --target 3")
            }
            guard (0...3_600_000).contains(ddlLockTimeout), (0...20).contains(lockRetries) else {
                throw ValidationError("--ddl-lock-timeout \(ddlLockTimeout) / --lock-retries \(lockRetries): give 0 to 3600000 ms and 0 to 20 retries")
            }
        }

        func run() throws {
            try reportingErrors {
                let context = try RunnerContext.open(connection, migrations: directory.migrations, dialectOverride: directory.dialect)
                let runner = context.runner
                runner.lockTimeoutMilliseconds = lock.milliseconds
                runner.lockRetry = LockRetryPolicy(timeoutMilliseconds: ddlLockTimeout, retries: lockRetries)
                runner.progress = { Progress.line($0) }
                var report: RunReport
                do {
                    report = try runner.migrate(.init(target: target, dryRun: dryRun, postChecks: !noPostCheck))
                } catch let e as ODBCError {
                    // The connection or the server failed outside a migration (lock, history).
                    throw CLIError(e.description, exitCode: 2)
                } catch let e as RunnerError {
                    var failed = RunReport(database: context.spec.summary, dialect: context.dialect.id, dryRun: dryRun)
                    failed.applied = e.applied
                    failed.failed = e.failure
                    if output.isJSON {
                        Console.outData(try JSONEncoder.stable.encode(failed) + Data("\n".utf8))
                        // On a terminal the document already shows the error: once is enough.
                        if isatty(STDOUT_FILENO) == 1 { throw ExitCode(1) }
                    } else {
                        // What was applied goes to standard output; the error, once, to standard error.
                        for line in Self.appliedLines(failed.applied) { Console.out(line) }
                        if let migration = e.migration {
                            Console.out("\(context.spec.summary): stopped at \(migration); \(e.applied.count) migration(s) applied before it stay applied")
                        }
                    }
                    throw CLIError(e.description, exitCode: 1)
                }
                report.database = context.spec.summary
                if output.isJSON {
                    Console.outData(try JSONEncoder.stable.encode(report) + Data("\n".utf8))
                    return
                }
                if dryRun {
                    if report.pending.isEmpty { Console.out("\(context.spec.summary): up to date; nothing to apply") }
                    for stem in report.pending {
                        Console.out("pending \(stem)")
                        if let m = context.directory.migrations.first(where: { $0.file.stem == stem }), let header = try? m.header {
                            Console.out("  transaction: \(header.mode.rawValue)\(header.mode == .batches ? " (at most \(header.batchLimit) runs)" : "")")
                            for c in header.checks { Console.out("  \(c.phase.rawValue)-check \(c.name): \(c.query)") }
                            Console.out("  post-check: catalog compared with \(stem).json")
                        }
                    }
                    return
                }
                if report.applied.isEmpty {
                    Console.out("\(context.spec.summary): up to date (\(context.directory.latest?.file.stem ?? "no migrations"))")
                } else {
                    for line in Self.appliedLines(report.applied) { Console.out(line) }
                    Console.out("\(context.spec.summary): at \(context.directory.migrations.last { m in report.applied.contains { $0.version == m.file.version } }?.file.stem ?? "?")")
                }
            }
        }

        /// One line per applied migration, as plain output prints them.
        static func appliedLines(_ applied: [RunReport.Applied]) -> [String] {
            applied.map { a in
                "applied V\(String(format: "%04d", a.version))__\(a.name) in \(a.milliseconds) ms (\(a.batches) batches, \(a.preChecks) pre-checks, \(a.postChecks) tables post-checked)"
            }
        }
    }
}
