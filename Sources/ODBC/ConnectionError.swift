/// A connection problem classified into what the user must fix.
public struct ConnectionError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Hashable, Sendable {
        case badInput = "bad connection"
        case driverMissing = "driver not installed"
        case unreachable = "host unreachable"
        case loginFailed = "login failed"
        case passwordMissing = "password missing"
        case databaseMissing = "database missing"
        case encryptionUnsupported = "encryption unsupported"
        case other = "connection failed"
    }

    public var kind: Kind
    public var message: String
    /// The driver's diagnostics, when there were any.
    public var records: [ODBCError.Record]

    public init(_ kind: Kind, _ message: String, records: [ODBCError.Record] = []) {
        self.kind = kind
        self.message = message
        self.records = records
    }

    public var description: String {
        let details = records.map { "\n  [\($0.sqlState)] (\($0.nativeCode)) \($0.message)" }.joined()
        return "\(kind.rawValue): \(message)\(details)"
    }

    /// Turns a failed connect into a specific, actionable error.
    /// Every message and driver record has the connection's secrets masked:
    /// drivers echo the connection string back (`Can't open lib '…'`).
    public static func classify(_ error: ODBCError, spec: ConnectionSpec, installedDrivers: [String]) -> ConnectionError {
        let raw = classifyUnmasked(error, spec: spec, installedDrivers: installedDrivers)
        // The message is built from the spec's already-masked parts.
        return ConnectionError(raw.kind, raw.message, records: raw.records.map {
            ODBCError.Record(sqlState: $0.sqlState, nativeCode: $0.nativeCode, message: spec.redact($0.message))
        })
    }

    static func classifyUnmasked(_ error: ODBCError, spec: ConnectionSpec, installedDrivers: [String]) -> ConnectionError {
        let text = error.records.map { "\($0.sqlState) \($0.nativeCode) \($0.message)" }.joined(separator: " ").lowercased()
        let states = Set(error.records.map(\.sqlState))
        let target = spec.summary
        if let dsn = spec.dsn, states.contains("IM002") || text.contains("data source name not found") {
            return ConnectionError(.badInput, "DSN '\(dsn)' is not defined in odbc.ini (/etc/odbc.ini or ~/.odbc.ini); `odbcinst -q -s` lists the DSNs unixODBC knows. Define it there, or pass a URL such as sqlserver://user@host:1433/db", records: error.records)
        }
        if text.contains("can't open lib") || states.contains("IM002") || text.contains("data source name not found") {
            let name = spec.driver ?? "?"
            return ConnectionError(.driverMissing, "ODBC driver '\(name)' is not installed or not registered. Installed drivers: \(installedDrivers.isEmpty ? "none" : installedDrivers.joined(separator: ", ")). Install it (apt-get install tdsodbc for FreeTDS, odbc-postgresql for PostgreSQL) or name another with --driver", records: error.records)
        }
        if text.contains("no password supplied") || text.contains("fe_sendauth") {
            return ConnectionError(.passwordMissing, "\(target) asks for a password and none was given; set OEEDB_PASSWORD_FILE or OEEDB_PASSWORD, or pass --password-file", records: error.records)
        }
        if text.contains("password authentication failed") || states.contains("28P01") || states.contains("28000") || text.contains("login failed") || text.contains("18456") {
            return ConnectionError(.loginFailed, "login to \(target) failed for user '\(spec.user ?? "?")'; \(spec.hasPassword ? "check the user name and the password (--password-file, OEEDB_PASSWORD_FILE or OEEDB_PASSWORD; oeedb doctor says which was used)" : "no password was given: set OEEDB_PASSWORD_FILE or OEEDB_PASSWORD, or pass --password-file")", records: error.records)
        }
        if states.contains("3D000") || (text.contains("database") && text.contains("does not exist")) || text.contains("cannot open database") || text.contains("4060") {
            return ConnectionError(.databaseMissing, "database '\(spec.database ?? "?")' does not exist on \(spec.host ?? "the server"); create it or fix the database in the connection", records: error.records)
        }
        if text.contains("too many clients") || states.contains("53300") || text.contains("too many connections") {
            return ConnectionError(.other, "\(target) refuses more connections (too many clients); close idle sessions or raise the server's connection limit", records: error.records)
        }
        if text.contains("encrypt") || text.contains("ssl") || text.contains("tls") || text.contains("certificate") {
            let advice = spec.engine == .sqlserver
                ? "the server demands encryption FreeTDS cannot provide (TDS 8.0 strict, or a certificate it cannot verify); use Microsoft ODBC Driver 18 with --driver 'ODBC Driver 18 for SQL Server', or set encrypt=require with a CA file in freetds.conf"
                : "TLS negotiation failed; check sslmode and the server's certificate"
            return ConnectionError(.encryptionUnsupported, "\(target): \(advice)", records: error.records)
        }
        if text.contains("connection refused") || text.contains("could not connect") || text.contains("unable to connect") || text.contains("20009")
            || states.contains("08001") || states.contains("08S01") || text.contains("timeout expired") || text.contains("no route") {
            return ConnectionError(.unreachable, "cannot reach \(spec.host ?? "the server")\(spec.port.map { ":\($0)" } ?? ""); is the server running, the port open and the host name right?", records: error.records)
        }
        return ConnectionError(.other, "connecting to \(target) failed", records: error.records)
    }
}
