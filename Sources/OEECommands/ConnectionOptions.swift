import ArgumentParser
import Foundation
import ODBC

/// `--connection`, `--password-file`, `--driver`: where the database is.
struct ConnectionOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "A URL (postgres://user@host:5432/db, sqlserver://user@host:1433/db?encrypt=require), an ODBC connection string, or a DSN. Default: $OEEDB_CONNECTION.",
        valueName: "url"))
    var connection: String?

    @Option(name: .long, help: ArgumentHelp("Read the password from this file (first line). Precedence: --password-file, then $OEEDB_PASSWORD_FILE, then $OEEDB_PASSWORD, then a password in the URL; an empty variable counts as unset.", valueName: "file"))
    var passwordFile: String?

    @Option(name: .long, help: ArgumentHelp("The ODBC driver to use, e.g. 'ODBC Driver 18 for SQL Server' (default: FreeTDS / PostgreSQL Unicode).", valueName: "name"))
    var driver: String?

    /// A password and where it came from (never the value in messages).
    struct Password {
        var value: String
        /// `--password-file /path`, `OEEDB_PASSWORD_FILE (/path)`, `OEEDB_PASSWORD`.
        var source: String
    }

    /// The password from outside the connection text. Precedence:
    /// --password-file > OEEDB_PASSWORD_FILE > OEEDB_PASSWORD (> the URL's,
    /// applied by ConnectionSpec). An empty variable counts as unset, with a
    /// warning; an empty password file is an error.
    func password(environment env: [String: String] = ProcessInfo.processInfo.environment, warn: (String) -> Void = { Console.err("warning: \($0)") }) throws -> Password? {
        for name in ["OEEDB_PASSWORD_FILE", "OEEDB_PASSWORD"] where env[name] == "" {
            warn("\(name) is set but empty; ignored")
        }
        let envFile = env["OEEDB_PASSWORD_FILE"].flatMap { $0.isEmpty ? nil : $0 }
        let envPassword = env["OEEDB_PASSWORD"].flatMap { $0.isEmpty ? nil : $0 }
        if let path = passwordFile ?? envFile {
            let source = passwordFile != nil ? "--password-file \(path)" : "OEEDB_PASSWORD_FILE (\(path))"
            if envPassword != nil { warn("OEEDB_PASSWORD is ignored: \(source) takes precedence") }
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw CLIError("cannot read the password file \(path) (\(passwordFile != nil ? "--password-file" : "OEEDB_PASSWORD_FILE")); check the path and its permissions")
            }
            // "\r\n" is one Character in Swift: split on any line break.
            let first = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).first.map(String.init) ?? ""
            guard !first.isEmpty else {
                throw CLIError("the password file \(path) (\(passwordFile != nil ? "--password-file" : "OEEDB_PASSWORD_FILE")) is empty; write the password on its first line")
            }
            return Password(value: first, source: source)
        }
        return envPassword.map { Password(value: $0, source: "OEEDB_PASSWORD") }
    }

    /// Where the password of `spec` came from, for `doctor` (never the value).
    static func passwordSource(_ password: Password?, spec: ConnectionSpec) -> String {
        if spec.passwordFromConnection {
            return password == nil ? "from the connection" : "from the connection (PWD= in the connection string wins over \(password!.source))"
        }
        if let password { return "from \(password.source)" }
        return spec.dsn != nil ? "none given (the DSN may supply one from odbc.ini)" : "none given"
    }

    /// The resolved connection; a usage error when none is given.
    func resolve() throws -> ConnectionSpec {
        try resolveReportingSource().spec
    }

    /// The resolved connection and where its password came from (for doctor).
    func resolveReportingSource() throws -> (spec: ConnectionSpec, passwordSource: String) {
        guard let text = connection ?? ProcessInfo.processInfo.environment["OEEDB_CONNECTION"] else {
            throw CLIError("no database given: pass --connection URL or set OEEDB_CONNECTION (e.g. postgres://oeedb@127.0.0.1:5432/oee; scripts/pg-sandbox.sh start prints one)")
        }
        let password = try password()
        do {
            let spec = try ConnectionSpec.resolve(text, password: password?.value, driver: driver)
            return (spec, Self.passwordSource(password, spec: spec))
        } catch let e as ConnectionError {
            // The text may be malformed: mask whatever in it looks like a secret.
            throw CLIError(SecretMask.redact(e.description, secrets: [password?.value].compactMap { $0 }))
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
