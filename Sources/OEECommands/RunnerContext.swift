import Foundation
import Migrations
import ODBC
import OEEDiff
import Runner

/// Connection, dialect and migration directory for the commands that touch a
/// live database.
struct RunnerContext {
    var spec: ConnectionSpec
    var connection: ODBCConnection
    var dialect: any RunnerDialect
    var directory: MigrationDirectory
    var runner: MigrationRunner

    static func open(_ options: ConnectionOptions, migrations: String, dialectOverride: String?) throws -> RunnerContext {
        let spec = try options.resolve()
        let id = dialectOverride ?? spec.engine.rawValue
        guard let dialect = Dialects.all.first(where: { $0.id == id }) as? any RunnerDialect else {
            throw CLIError("cannot tell the database engine from the connection (\(spec.masked)); pass --dialect sqlserver or --dialect postgres")
        }
        let url = URL(fileURLWithPath: migrations).appendingPathComponent(dialect.id)
        let directory: MigrationDirectory
        do { directory = try MigrationDirectory.load(url) } catch let e as MigrationError { throw CLIError(e.message, exitCode: 1) }
        let env = try ODBCEnvironment()
        let connection = try options.connect(environment: env, spec: spec)
        let runner = MigrationRunner(connection: connection, dialect: dialect, directory: directory)
        return RunnerContext(spec: spec, connection: connection, dialect: dialect, directory: directory, runner: runner)
    }
}

/// `--migrations DIR` and `--dialect ID` shared by the runner commands.
import ArgumentParser

struct DirectoryOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The migrations folder holding one folder per dialect.", valueName: "dir"))
    var migrations: String = "migrations"

    @Option(name: .long, help: ArgumentHelp("sqlserver or postgres (default: from the connection).", valueName: "id"))
    var dialect: String?
}

/// Writes progress to standard error when it is a terminal; quiet when piped.
enum Progress {
    static var enabled: Bool { isatty(STDERR_FILENO) == 1 }
    static func line(_ text: String) {
        if enabled { Console.err(text) }
    }
}

extension JSONEncoder {
    static var stable: JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return e
    }
}
