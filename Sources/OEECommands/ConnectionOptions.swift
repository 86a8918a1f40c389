import ArgumentParser
import Foundation
import ODBC

/// `--connection`, `--password-file`, `--driver`: where the database is.
struct ConnectionOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "A URL (postgres://user@host:5432/db, sqlserver://user@host:1433/db?encrypt=require), an ODBC connection string, or a DSN. Default: $OEEDB_CONNECTION.",
        valueName: "url"))
    var connection: String?

    @Option(name: .long, help: ArgumentHelp("Read the password from this file (first line). Default: $OEEDB_PASSWORD, then $OEEDB_PASSWORD_FILE.", valueName: "file"))
    var passwordFile: String?

    @Option(name: .long, help: ArgumentHelp("The ODBC driver to use, e.g. 'ODBC Driver 18 for SQL Server' (default: FreeTDS / PostgreSQL Unicode).", valueName: "name"))
    var driver: String?

    func password() throws -> String? {
        let env = ProcessInfo.processInfo.environment
        if let path = passwordFile ?? (env["OEEDB_PASSWORD"] == nil ? env["OEEDB_PASSWORD_FILE"] : nil) {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw CLIError("cannot read the password file \(path); check the path and its permissions")
            }
            let first = text.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
            return first.hasSuffix("\r") ? String(first.dropLast()) : first
        }
        return env["OEEDB_PASSWORD"]
    }

    /// The resolved connection; a usage error when none is given.
    func resolve() throws -> ConnectionSpec {
        guard let text = connection ?? ProcessInfo.processInfo.environment["OEEDB_CONNECTION"] else {
            throw CLIError("no database given: pass --connection URL or set OEEDB_CONNECTION (e.g. postgres://oeedb@127.0.0.1:5432/oee; scripts/pg-sandbox.sh start prints one)")
        }
        do {
            return try ConnectionSpec.resolve(text, password: try password(), driver: driver)
        } catch let e as ConnectionError {
            throw CLIError(e.description)
        }
    }

    /// Connects, turning failures into exit code 2 with a classified message.
    func connect(environment: ODBCEnvironment, spec: ConnectionSpec) throws -> ODBCConnection {
        do {
            return try ODBCConnector.connect(spec, environment: environment)
        } catch let e as ConnectionError {
            throw CLIError(e.description, exitCode: 2)
        }
    }
}
