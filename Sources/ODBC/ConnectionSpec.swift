import Foundation

/// What `--connection` / `OEEDB_CONNECTION` names, resolved to an ODBC
/// connection string plus a masked form that is safe to print.
///
/// Accepted forms:
///   - `sqlserver://user@host:1433/db?encrypt=require` → FreeTDS keywords (Server, Port, TDS_Version=7.4, Encryption)
///   - `postgres://user@host:5432/db` → PostgreSQL Unicode (psqlODBC)
///   - `sqlite:///path/to/file.db` → SQLite3
///   - an ODBC connection string (`Driver={…};Server=…`), used as given
///   - a DSN name from odbc.ini
/// The password comes from `OEEDB_PASSWORD` or `--password-file`, never from
/// output: ``masked`` replaces it everywhere.
public struct ConnectionSpec: Hashable, Sendable {
    public enum Engine: String, Hashable, Sendable { case sqlserver, postgres, sqlite, unknown }

    public var engine: Engine
    /// The string handed to `SQLDriverConnect` (holds the password).
    public var odbcString: String
    /// The same connection with every secret replaced by `***`.
    public var masked: String
    /// The driver named, if any.
    public var driver: String?
    public var host: String?
    public var port: Int?
    public var database: String?
    public var user: String?

    public static let defaultSQLServerDriver = "FreeTDS"
    public static let defaultPostgresDriver = "PostgreSQL Unicode"

    public static func resolve(_ input: String, password: String? = nil, driver: String? = nil) throws -> ConnectionSpec {
        let text = input.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else {
            throw ConnectionError(.badInput, "no connection given; pass --connection or set OEEDB_CONNECTION (e.g. postgres://oeedb@127.0.0.1:5432/oee)")
        }
        if let scheme = text.range(of: "://").map({ String(text[..<$0.lowerBound]).lowercased() }) {
            return try fromURL(text, scheme: scheme, password: password, driver: driver)
        }
        if text.contains("=") {
            var pairs = ConnectionSpec.parsePairs(text)
            if let driver { pairs.removeAll { $0.key.lowercased() == "driver" }; pairs.insert(("Driver", driver), at: 0) }
            if let password, !pairs.contains(where: { ["pwd", "password"].contains($0.key.lowercased()) }) {
                pairs.append(("PWD", password))
            }
            let d = pairs.first { $0.key.lowercased() == "driver" }?.value
            var spec = ConnectionSpec(engine: engine(forDriver: d), odbcString: render(pairs), masked: render(pairs, masking: true), driver: d)
            spec.host = pairs.first { ["server", "host", "servername"].contains($0.key.lowercased()) }?.value
            spec.database = pairs.first { $0.key.lowercased() == "database" }?.value
            spec.user = pairs.first { ["uid", "user", "username"].contains($0.key.lowercased()) }?.value
            return spec
        }
        // A DSN name.
        var pairs: [(key: String, value: String)] = [("DSN", text)]
        if let password { pairs.append(("PWD", password)) }
        return ConnectionSpec(engine: .unknown, odbcString: render(pairs), masked: render(pairs, masking: true), driver: nil)
    }

    static func fromURL(_ text: String, scheme: String, password urlPasswordFallback: String?, driver: String?) throws -> ConnectionSpec {
        // A password with an unencoded '/' or '@' would spill into the host or
        // path (and into messages): refuse it, showing the URL masked.
        if let scheme = text.range(of: "://"), text[scheme.upperBound...].filter({ $0 == "@" }).count > 1
            || (text.range(of: "@").map { at in text[scheme.upperBound..<at.lowerBound].contains("/") } ?? false) {
            throw ConnectionError(.badInput, "'\(maskURL(text))' has '@' or '/' in its user or password part; percent-encode them (%40, %2F) or pass the password in OEEDB_PASSWORD")
        }
        guard let components = URLComponents(string: text) else {
            throw ConnectionError(.badInput, "'\(maskURL(text))' is not a valid URL; expected e.g. postgres://user@host:5432/db")
        }
        var password = urlPasswordFallback
        if let p = components.password, !p.isEmpty { password = password ?? p.removingPercentEncoding ?? p }
        let user = components.user?.removingPercentEncoding
        let host = components.host ?? ""
        let database = String(components.path.drop { $0 == "/" }).removingPercentEncoding ?? ""
        let query = Dictionary((components.queryItems ?? []).map { ($0.name.lowercased(), $0.value ?? "") }, uniquingKeysWith: { _, b in b })
        var pairs: [(key: String, value: String)] = []
        var spec: ConnectionSpec
        switch scheme {
        case "sqlserver", "mssql":
            let d = driver ?? defaultSQLServerDriver
            let port = components.port ?? 1433
            let microsoft = d.lowercased().contains("odbc driver") || d.lowercased().contains("msodbcsql")
            pairs.append(("Driver", d))
            if microsoft {
                pairs.append(("Server", "tcp:\(host),\(port)"))
            } else {
                pairs += [("Server", host), ("Port", String(port)), ("TDS_Version", query["tds_version"] ?? "7.4")]
            }
            if !database.isEmpty { pairs.append(("Database", database)) }
            if let user { pairs.append(("UID", user)) }
            if let password { pairs.append(("PWD", password)) }
            if let encrypt = query["encrypt"] {
                let allowed = ["off", "request", "require", "strict", "true", "false", "yes", "no", "optional", "mandatory"]
                guard allowed.contains(encrypt.lowercased()) else {
                    throw ConnectionError(.badInput, "encrypt=\(encrypt) is not understood; use off, request, require or strict")
                }
                if microsoft {
                    let map = ["off": "no", "request": "optional", "require": "yes", "strict": "strict"]
                    pairs.append(("Encrypt", map[encrypt.lowercased()] ?? encrypt))
                } else {
                    if encrypt.lowercased() == "strict" {
                        throw ConnectionError(.encryptionUnsupported, "encrypt=strict (TDS 8.0) is not supported by FreeTDS; install Microsoft ODBC Driver 18 and pass --driver 'ODBC Driver 18 for SQL Server'")
                    }
                    let map = ["true": "require", "yes": "require", "mandatory": "require", "false": "off", "no": "off", "optional": "request"]
                    pairs.append(("Encryption", map[encrypt.lowercased()] ?? encrypt.lowercased()))
                }
            }
            if microsoft, let trust = query["trust_server_certificate"] { pairs.append(("TrustServerCertificate", trust)) }
            // Microsoft's driver silently reconnects idle sessions; a new session
            // would not hold the runner's session lock or its settings.
            if microsoft { pairs.append(("ConnectRetryCount", "0")) }
            spec = ConnectionSpec(engine: .sqlserver, odbcString: render(pairs), masked: "", driver: d)
            spec.port = port
        case "postgres", "postgresql":
            let d = driver ?? defaultPostgresDriver
            let port = components.port ?? 5432
            pairs += [("Driver", d), ("Server", host), ("Port", String(port))]
            if !database.isEmpty { pairs.append(("Database", database)) }
            if let user { pairs.append(("UID", user)) }
            if let password { pairs.append(("PWD", password)) }
            if let ssl = query["sslmode"] { pairs.append(("SSLMode", ssl)) }
            // Transaction-level rollback: no SAVEPOINT around every statement
            // (about 2× faster); oeedb stops at the first error and rolls back itself.
            pairs.append(("Protocol", "7.4-1"))
            spec = ConnectionSpec(engine: .postgres, odbcString: render(pairs), masked: "", driver: d)
            spec.port = port
        case "sqlite":
            let d = driver ?? "SQLite3"
            let path = components.path
            pairs += [("Driver", d), ("Database", path)]
            spec = ConnectionSpec(engine: .sqlite, odbcString: render(pairs), masked: "", driver: d)
        default:
            throw ConnectionError(.badInput, "unknown URL scheme '\(scheme)'; use sqlserver://, postgres:// or sqlite://, an ODBC connection string, or a DSN name")
        }
        spec.masked = render(pairs, masking: true)
        spec.host = host.isEmpty ? nil : host
        spec.database = database.isEmpty ? nil : database
        spec.user = user
        return spec
    }

    static func engine(forDriver driver: String?) -> Engine {
        let d = (driver ?? "").lowercased()
        if d.contains("tds") || d.contains("sql server") || d.contains("msodbcsql") { return .sqlserver }
        if d.contains("postgres") || d.contains("psqlodbc") { return .postgres }
        if d.contains("sqlite") { return .sqlite }
        return .unknown
    }

    /// Splits `k=v;k2={v;2}` respecting `{…}` quoting (with `}}` escapes).
    static func parsePairs(_ text: String) -> [(key: String, value: String)] {
        var pairs: [(key: String, value: String)] = []
        var i = text.startIndex
        while i < text.endIndex {
            guard let eq = text[i...].firstIndex(of: "=") else { break }
            let key = text[i..<eq].trimmingCharacters(in: .whitespaces)
            var j = text.index(after: eq)
            var value = ""
            if j < text.endIndex && text[j] == "{" {
                j = text.index(after: j)
                while j < text.endIndex {
                    if text[j] == "}" {
                        let next = text.index(after: j)
                        if next < text.endIndex && text[next] == "}" { value.append("}"); j = text.index(after: next); continue }
                        j = next
                        break
                    }
                    value.append(text[j])
                    j = text.index(after: j)
                }
                while j < text.endIndex && text[j] != ";" { j = text.index(after: j) }
            } else {
                let end = text[j...].firstIndex(of: ";") ?? text.endIndex
                value = String(text[j..<end]).trimmingCharacters(in: .whitespaces)
                j = end
            }
            if !key.isEmpty { pairs.append((key, value)) }
            i = j < text.endIndex ? text.index(after: j) : j
        }
        return pairs
    }

    static let secretKeys: Set<String> = ["pwd", "password", "accesstoken", "access_token", "token"]

    static func render(_ pairs: [(key: String, value: String)], masking: Bool = false) -> String {
        pairs.map { key, value in
            if masking && secretKeys.contains(key.lowercased()) { return "\(key)=***" }
            let needsBraces = value.contains(";") || value.contains("{") || value.contains("}") || value.hasPrefix(" ") || value.hasSuffix(" ")
                || secretKeys.contains(key.lowercased())
            let v = needsBraces ? "{" + value.replacingOccurrences(of: "}", with: "}}") + "}" : value
            return "\(key)=\(v)"
        }.joined(separator: ";")
    }

    /// A URL with any embedded password replaced by `***`.
    public static func maskURL(_ text: String) -> String {
        guard let at = text.lastIndex(of: "@"), let scheme = text.range(of: "://") else { return text }
        let userInfo = text[scheme.upperBound..<at]
        guard let colon = userInfo.firstIndex(of: ":") else { return text }
        return String(text[..<colon]) + ":***" + String(text[at...])
    }

    /// `postgres://oeedb@127.0.0.1:5432/oee` style summary for messages.
    public var summary: String {
        switch engine {
        case .sqlserver, .postgres:
            return "\(engine.rawValue)://\(user.map { $0 + "@" } ?? "")\(host ?? "?")\(port.map { ":\($0)" } ?? "")/\(database ?? "")"
        default:
            return masked
        }
    }
}
