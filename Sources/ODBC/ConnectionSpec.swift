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
public struct ConnectionSpec: Hashable, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    public enum Engine: String, Hashable, Sendable { case sqlserver, postgres, sqlite, unknown }

    public var engine: Engine
    /// The string handed to `SQLDriverConnect` (holds the password).
    public var odbcString: String
    /// The same connection with every secret replaced by `***`.
    public var masked: String
    /// The driver named, if any (secrets masked).
    public var driver: String?
    public var host: String?
    public var port: Int?
    public var database: String?
    public var user: String?
    /// How the driver reads the connection string (quoting rules).
    public var family: DriverFamily = .other
    /// The DSN name when the connection names one.
    public var dsn: String?
    /// Whether a password is in the string sent, and whether it came from the
    /// connection text itself (URL or `PWD=`) rather than the `password:` argument.
    public var hasPassword = false
    public var passwordFromConnection = false
    /// Every value that may be a secret (the password given, the URL's, each
    /// secret keyword's value however a driver might read it): ``redact(_:)``
    /// removes them from any text.
    var secrets: [String] = []

    public static let defaultSQLServerDriver = "FreeTDS"
    public static let defaultPostgresDriver = "PostgreSQL Unicode"

    init(engine: Engine, odbcString: String, masked: String, driver: String?) {
        self.engine = engine
        self.odbcString = odbcString
        self.masked = masked
        self.driver = driver
    }

    public var description: String { summary }
    public var debugDescription: String { "ConnectionSpec(\(masked))" }

    /// `text` with every secret of this connection masked: use it on anything
    /// that may echo the connection (driver diagnostics, messages).
    public func redact(_ text: String) -> String {
        SecretMask.redact(text, secrets: secrets)
    }

    /// Resolves `input`. `password`, when given, comes from outside the
    /// connection text (file or environment) and wins over a URL's password;
    /// a connection string that spells `PWD=` itself is used as written.
    public static func resolve(_ input: String, password: String? = nil, driver: String? = nil) throws -> ConnectionSpec {
        let text = input.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else {
            throw ConnectionError(.badInput, "no connection given; pass --connection or set OEEDB_CONNECTION (e.g. postgres://oeedb@127.0.0.1:5432/oee)")
        }
        var spec: ConnectionSpec
        if let scheme = text.range(of: "://").map({ String(text[..<$0.lowerBound]).lowercased() }), !scheme.contains("="), !scheme.contains(";") {
            spec = try fromURL(text, scheme: scheme, password: password, driver: driver)
        } else if text.contains("=") {
            spec = try fromConnectionString(text, password: password, driver: driver)
        } else {
            // A DSN name: its driver is configured in odbc.ini, out of sight.
            var pairs: [(key: String, value: String)] = [("DSN", text)]
            if let password { pairs.append(("PWD", password)) }
            spec = ConnectionSpec(engine: .unknown, odbcString: "", masked: "", driver: nil)
            spec.dsn = text
            spec.secrets = password.map { [$0] } ?? []
            spec.hasPassword = password != nil
            spec.odbcString = try spec.render(pairs, family: .other, context: "DSN '\(text)'")
        }
        spec.masked = spec.redact(spec.odbcString)
        spec.driver = spec.driver.map(spec.redact)
        spec.host = spec.host.map(spec.redact)
        spec.user = spec.user.map(spec.redact)
        spec.database = spec.database.map(spec.redact)
        spec.dsn = spec.dsn.map(spec.redact)
        return spec
    }

    /// An ODBC connection string, sent as written (only a password from
    /// outside is appended) unless `--driver` replaces its driver.
    static func fromConnectionString(_ text: String, password: String?, driver: String?) throws -> ConnectionSpec {
        var unclosed: String?
        var pairs = ConnectionSpec.parsePairs(text, unclosed: &unclosed)
        if let unclosed {
            let example = SecretMask.isSecretKey(unclosed) ? "\(unclosed)={…}" : "\(unclosed)={\(pairs.first { $0.key == unclosed }?.value.prefix { $0 != ";" } ?? "…")}"
            throw ConnectionError(.badInput, "the connection string opens '{' in the \(unclosed) value and never closes it, so everything after it would be read as that value; close it: \(SecretMask.maskKeys(example));…")
        }
        let d = driver ?? pairs.first { $0.key.lowercased() == "driver" }?.value
        let family = DriverFamily.of(driver: d)
        var spec = ConnectionSpec(engine: engine(forDriver: d), odbcString: text, masked: "", driver: d)
        spec.family = family
        spec.dsn = pairs.first { $0.key.lowercased() == "dsn" }?.value
        // Secret values as the generic parser, and as FreeTDS, would read them.
        spec.secrets = pairs.filter { SecretMask.isSecretKey($0.key) }.map(\.value) + freeTDSSecretValues(text) + (password.map { [$0] } ?? [])
        let spelled = pairs.contains { SecretMask.isSecretKey($0.key) }
        spec.hasPassword = spelled || password != nil
        spec.passwordFromConnection = spelled
        if let driver {
            pairs.removeAll { $0.key.lowercased() == "driver" }
            pairs.insert(("Driver", driver), at: 0)
            if let password, !spelled { pairs.append(("PWD", password)) }
            spec.odbcString = try spec.render(pairs, family: family, context: "the connection")
        } else {
            var out = text
            if let password, !spelled {
                if !out.hasSuffix(";") { out += ";" }
                out += try spec.render([("PWD", password)], family: family, context: "the connection")
            }
            // FreeTDS keeps the closing brace of a braced value at the very end
            // of the string; a trailing `;` (an empty pair to every driver) ends it.
            if family == .freetds && !out.hasSuffix(";") { out += ";" }
            spec.odbcString = out
        }
        spec.host = pairs.first { ["server", "host", "servername"].contains($0.key.lowercased()) }?.value
        spec.database = pairs.first { $0.key.lowercased() == "database" }?.value
        spec.user = pairs.first { ["uid", "user", "username"].contains($0.key.lowercased()) }?.value
        return spec
    }

    /// Secret values as FreeTDS reads them (braced: to the first `};` or the end).
    static func freeTDSSecretValues(_ text: String) -> [String] {
        var result: [String] = []
        for piece in text.components(separatedBy: ";") where piece.contains("=") {
            let key = piece[..<piece.firstIndex(of: "=")!]
            guard SecretMask.isSecretKey(String(key)) else { continue }
            let start = text.range(of: piece)!.lowerBound
            let valueStart = text.index(after: text[start...].firstIndex(of: "=")!)
            let rest = text[valueStart...]
            if rest.hasPrefix("{") {
                let body = rest.dropFirst()
                let end = body.range(of: "};")?.lowerBound ?? body.endIndex
                result.append(String(body[..<end]))
            } else {
                result.append(String(rest.prefix { $0 != ";" }))
            }
        }
        return result
    }

    static func fromURL(_ text: String, scheme: String, password givenPassword: String?, driver: String?) throws -> ConnectionSpec {
        // A password with an unencoded '/' or '@' would spill into the host or
        // path (and into messages): refuse it, showing the URL masked.
        if let scheme = text.range(of: "://"), text[scheme.upperBound...].filter({ $0 == "@" }).count > 1
            || (text.range(of: "@").map { at in text[scheme.upperBound..<at.lowerBound].contains("/") } ?? false) {
            throw ConnectionError(.badInput, "'\(maskURL(text))' has '@' or '/' in its user or password part; percent-encode them (%40, %2F) or pass the password in OEEDB_PASSWORD")
        }
        guard let components = URLComponents(string: text) else {
            throw ConnectionError(.badInput, "'\(maskURL(text))' is not a valid URL; expected e.g. postgres://user@host:5432/db (percent-encode spaces and other special characters)")
        }
        let urlPassword = components.password.flatMap { $0.isEmpty ? nil : ($0.removingPercentEncoding ?? $0) }
        let password = givenPassword ?? urlPassword
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
            let microsoft = DriverFamily.of(driver: d) == .microsoft
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
            spec = ConnectionSpec(engine: .sqlserver, odbcString: "", masked: "", driver: d)
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
            spec = ConnectionSpec(engine: .postgres, odbcString: "", masked: "", driver: d)
            spec.port = port
        case "sqlite":
            let d = driver ?? "SQLite3"
            let path = components.path
            pairs += [("Driver", d), ("Database", path)]
            spec = ConnectionSpec(engine: .sqlite, odbcString: "", masked: "", driver: d)
        default:
            throw ConnectionError(.badInput, "unknown URL scheme '\(scheme)'; use sqlserver://, postgres:// or sqlite://, an ODBC connection string, or a DSN name")
        }
        spec.family = DriverFamily.of(driver: spec.driver)
        spec.secrets = [givenPassword, urlPassword, components.password].compactMap { $0 }
        spec.hasPassword = password != nil
        spec.passwordFromConnection = givenPassword == nil && urlPassword != nil
        spec.odbcString = try spec.render(pairs, family: spec.family, context: spec.summaryWith(user: user, host: host, database: database))
        spec.host = host.isEmpty ? nil : host
        spec.database = database.isEmpty ? nil : database
        spec.user = user
        return spec
    }

    /// Renders pairs with `family`'s quoting, refusing a value the driver
    /// cannot read back intact (the message names the key and characters).
    func render(_ pairs: [(key: String, value: String)], family: DriverFamily, context: String) throws -> String {
        var parts: [String] = []
        for (key, value) in pairs {
            let secret = SecretMask.isSecretKey(key)
            do {
                parts.append("\(key)=\(try family.quote(value, secret: secret))")
            } catch let refusal as DriverFamily.Refusal {
                let what = secret ? "the password" : "the \(key) value"
                let advice: String
                switch family {
                case .freetds:
                    advice = secret ? "change the password, or use Microsoft's driver (--driver 'ODBC Driver 18 for SQL Server')" : "change it, or use Microsoft's driver (--driver 'ODBC Driver 18 for SQL Server')"
                case .psqlodbc, .microsoft:
                    advice = "choose a \(key == "UID" ? "user name" : "name") without it"
                case .other:
                    advice = dsn != nil ? "pass a URL (postgres://…, sqlserver://…) or a Driver=… connection string instead of the DSN, so oeedb knows the driver's quoting, or change the password" : "change the value or name a known driver (FreeTDS, PostgreSQL Unicode, ODBC Driver 18 for SQL Server)"
                }
                throw ConnectionError(.badInput, "\(redact(context)): \(what) contains \(refusal.characters), which \(family == .other ? "oeedb cannot pass safely to this driver" : "the \(family.displayName) driver cannot receive intact") (\(refusal.reason)); \(advice)")
            }
        }
        // FreeTDS keeps a braced value's `}` at the very end of the string: always end with `;`.
        return parts.joined(separator: ";") + (family == .freetds ? ";" : "")
    }

    func summaryWith(user: String?, host: String, database: String) -> String {
        "\(engine.rawValue)://\(user.map { $0 + "@" } ?? "")\(host.isEmpty ? "?" : host)\(port.map { ":\($0)" } ?? "")/\(database)"
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
        var unclosed: String?
        return parsePairs(text, unclosed: &unclosed)
    }

    /// As above; `unclosed` names the first key whose `{` is never closed.
    static func parsePairs(_ text: String, unclosed: inout String?) -> [(key: String, value: String)] {
        var pairs: [(key: String, value: String)] = []
        var i = text.startIndex
        while i < text.endIndex {
            guard let eq = text[i...].firstIndex(of: "=") else { break }
            let key = text[i..<eq].trimmingCharacters(in: .whitespaces)
            var j = text.index(after: eq)
            var value = ""
            if j < text.endIndex && text[j] == "{" {
                j = text.index(after: j)
                var closed = false
                defer { if !closed && unclosed == nil { unclosed = key } }
                while j < text.endIndex {
                    if text[j] == "}" {
                        let next = text.index(after: j)
                        if next < text.endIndex && text[next] == "}" { value.append("}"); j = text.index(after: next); continue }
                        j = next
                        closed = true
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

    /// A URL with any embedded password replaced by `***` (also when the URL
    /// does not parse: everything after the first `:` of the user part).
    public static func maskURL(_ text: String) -> String {
        guard let scheme = text.range(of: "://") else { return SecretMask.maskKeys(text) }
        // The last '@' ends the user part even when an unencoded '/' precedes it.
        if let at = text[scheme.upperBound...].lastIndex(of: "@") {
            guard let colon = text[scheme.upperBound..<at].firstIndex(of: ":") else { return text }
            return String(text[..<colon]) + ":***" + String(text[at...])
        }
        let authorityEnd = text[scheme.upperBound...].firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? text.endIndex
        let authority = text[scheme.upperBound..<authorityEnd]
        // No '@': `host:port` is fine, but `user:secret` (forgot the host) is not.
        if let colon = authority.firstIndex(of: ":"), !authority[authority.index(after: colon)...].allSatisfy(\.isNumber) {
            return String(text[..<colon]) + ":***" + String(text[authorityEnd...])
        }
        return text
    }

    /// `postgres://oeedb@127.0.0.1:5432/oee` style summary for messages.
    public var summary: String {
        switch engine {
        case .sqlserver, .postgres:
            return redact("\(engine.rawValue)://\(user.map { $0 + "@" } ?? "")\(host ?? "?")\(port.map { ":\($0)" } ?? "")/\(database ?? "")")
        default:
            return dsn.map { "DSN \($0)" } ?? masked
        }
    }
}
