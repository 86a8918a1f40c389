import Foundation
import Testing
@testable import ODBC
@testable import OEECommands

/// A secret in a connection — well-formed or not — never reaches any output:
/// masked strings, summaries, errors, driver diagnostics, and what the real
/// `oeedb` binary prints on stdout and stderr, text or JSON.
@Suite(.serialized) struct ConnectionSecretsTests {
    static let secret = "S3cretValue"

    /// Malformed and well-formed connections carrying `secret`; every one
    /// points at nothing that answers (port 1, missing driver or DSN).
    static let corpus: [String] = [
        "Driver={PostgreSQL Unicode;Server=127.0.0.1;PWD=\(secret)",
        "Driver={PostgreSQL Unicode};Server=127.0.0.1;Port=1;PWD=x;PWD=\(secret)",
        "Driver={PostgreSQL Unicode};Server=127.0.0.1;Port=1;Password=\(secret)",
        "Driver={PostgreSQL Unicode};Server=127.0.0.1;Port=1; pwd =\(secret);UID=u",
        "Driver={PostgreSQL Unicode};Server=127.0.0.1;Port=1;PWD=\(secret)",
        "Driver=FreeTDS;Server=127.0.0.1;Port=1;UID=u;PWD={\(secret)",
        "Driver=FreeTDS;Server=127.0.0.1;Port=1;UID=u;PWD={\(secret)}",
        "Driver=FreeTDS;Server=127.0.0.1;Port=1;UID=u;PWD={S3cret}Value};",
        "Driver={NoSuchDriver;PWD=\(secret)}",
        "Driver=NoSuchDriver;Server=h;PWD=\(secret)",
        "Server={h;PWD=\(secret)",
        "PWD=\(secret)",
        "DSN=no_such_dsn;PWD=\(secret)",
        "DSN=no_such_dsn;UID=u;Pwd={\(secret)}",
        "postgres://oeedb:\(secret)@127.0.0.1:1/oee",
        "postgres://oeedb:\(secret)@127.0.0.1:1:2/oee",
        "postgres://oeedb:S3cret Value@127.0.0.1:1/oee",
        "postgres://oeedb:\(secret)",
        "postgres://oeedb:\(secret)/x@127.0.0.1:1/oee",
        "sqlserver://sa:\(secret)@127.0.0.1:1/db?encrypt=bogus",
        "sqlserver://sa:\(secret)@127.0.0.1:1/db",
    ]

    /// The secret and the pieces a sloppy masker might leave.
    func leaks(_ text: String) -> Bool {
        text.contains(Self.secret) || text.contains("S3cret") || text.contains("Value}") && text.contains("PWD")
    }

    @Test(arguments: corpus)
    func maskedSummaryAndErrorsNeverShowTheSecret(_ input: String) throws {
        do {
            let spec = try ConnectionSpec.resolve(input)
            #expect(!leaks(spec.masked), "masked: \(spec.masked)")
            #expect(!leaks(spec.summary), "summary: \(spec.summary)")
            #expect(!leaks(String(describing: spec)) && !leaks(String(reflecting: spec)))
            for part in [spec.driver, spec.host, spec.user, spec.database, spec.dsn].compactMap({ $0 }) { #expect(!leaks(part), "part: \(part)") }
            do {
                let conn = try ODBCConnector.connect(spec, environment: ODBCEnvironment(), loginTimeout: 2)
                conn.close()
                Issue.record("connected to \(spec.summary)?")
            } catch let e as ConnectionError {
                #expect(!leaks(e.description), "error: \(e.description)")
            }
        } catch let e as ConnectionError {
            #expect(!leaks(e.description), "error: \(e.description)")
        }
    }

    @Test func maskingCoversKeysAnywhereInAnyText() {
        let text = "[unixODBC][Driver Manager]Can't open lib 'PostgreSQL Unicode;Server=h;PWD=\(Self.secret)' : file not found"
        #expect(SecretMask.maskKeys(text) == "[unixODBC][Driver Manager]Can't open lib 'PostgreSQL Unicode;Server=h;PWD=***")
        #expect(SecretMask.maskKeys("a=1; Password = {x;y}};z};b=2") == "a=1; Password = ***;b=2")
        #expect(SecretMask.maskKeys("PWD={S3cret}Value};UID=u") == "PWD=***;UID=u", "FreeTDS reads up to '};'")
        #expect(SecretMask.maskKeys("password authentication failed for user \"u\"") == "password authentication failed for user \"u\"")
        #expect(SecretMask.redact("the driver said S3cretValue twice: S3cretValue", secrets: [Self.secret]) == "the driver said *** twice: ***")
    }

    // MARK: The real binary

    struct Output { var status: Int32; var stdout: String; var stderr: String }

    static var binary: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(".build/debug/oeedb")
    }

    static var binaryBuilt: Bool { FileManager.default.isExecutableFile(atPath: binary.path) }

    func run(_ arguments: [String], environment extra: [String: String] = [:]) throws -> Output {
        let p = Process()
        p.executableURL = Self.binary
        p.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for key in ["OEEDB_PASSWORD", "OEEDB_PASSWORD_FILE", "OEEDB_CONNECTION"] { env.removeValue(forKey: key) }
        env.merge(extra) { _, b in b }
        p.environment = env
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Output(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    static let commands: [[String]] = [["doctor"], ["doctor", "--format", "json"], ["status"], ["status", "--json"], ["migrate", "--json"], ["drift", "--format", "json"], ["seed", "--json"]]

    @Test(.enabled(if: binaryBuilt), arguments: corpus)
    func noCommandPrintsTheSecret(_ input: String) throws {
        for command in Self.commands {
            let r = try run(command + ["--connection", input])
            #expect(!leaks(r.stdout) && !leaks(r.stderr), "\(command) printed the secret:\n\(r.stdout)\n\(r.stderr)")
            #expect(r.status != 0, "\(command) succeeded against \(input.count) characters of nothing?")
        }
    }

    @Test(.enabled(if: binaryBuilt))
    func theReportedUnclosedBraceIsRefusedWithoutEchoingTheSecret() throws {
        let r = try run(["doctor", "--connection", "Driver={PostgreSQL Unicode;Server=127.0.0.1;PWD=S3cret"])
        #expect(r.status != 0)
        #expect(!r.stdout.contains("S3cret") && !r.stderr.contains("S3cret"))
        #expect(r.stderr.contains("never closes it"))
    }

    @Test(.enabled(if: binaryBuilt))
    func aPasswordFromTheEnvironmentNeverShowsEither() throws {
        for command in Self.commands {
            let r = try run(command + ["--connection", "sqlserver://sa@127.0.0.1:1/db"], environment: ["OEEDB_PASSWORD": Self.secret])
            #expect(!leaks(r.stdout) && !leaks(r.stderr))
        }
    }

    // MARK: Password precedence

    func temporaryFile(_ contents: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("oeedb-pw-\(UUID().uuidString)").path
        try contents.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func passwordPrecedenceIsFileOptionThenFileVariableThenVariable() throws {
        let a = try temporaryFile("from-option\n"), b = try temporaryFile("from-variable-file\r\nsecond line")
        defer { try? FileManager.default.removeItem(atPath: a); try? FileManager.default.removeItem(atPath: b) }
        var warnings: [String] = []
        let both = ["OEEDB_PASSWORD_FILE": b, "OEEDB_PASSWORD": "from-variable"]
        let withOption = try ConnectionOptions.parse(["--password-file", a])
        #expect(try withOption.password(environment: both, warn: { warnings.append($0) })?.value == "from-option")
        #expect(try withOption.password(environment: both, warn: { _ in })?.source == "--password-file \(a)")
        let plain = try ConnectionOptions.parse([])
        #expect(try plain.password(environment: both, warn: { warnings.append($0) })?.value == "from-variable-file")
        #expect(try plain.password(environment: both, warn: { _ in })?.source == "OEEDB_PASSWORD_FILE (\(b))")
        #expect(warnings.allSatisfy { $0.contains("OEEDB_PASSWORD is ignored") } && warnings.count == 2)
        #expect(try plain.password(environment: ["OEEDB_PASSWORD": "from-variable"], warn: { _ in })?.source == "OEEDB_PASSWORD")
        #expect(try plain.password(environment: [:], warn: { _ in }) == nil)
    }

    @Test func anEmptyVariableCountsAsUnsetAndSaysSo() throws {
        let b = try temporaryFile("from-file\n")
        defer { try? FileManager.default.removeItem(atPath: b) }
        var warnings: [String] = []
        let p = try ConnectionOptions.parse([]).password(environment: ["OEEDB_PASSWORD": "", "OEEDB_PASSWORD_FILE": b], warn: { warnings.append($0) })
        #expect(p?.value == "from-file")
        #expect(warnings == ["OEEDB_PASSWORD is set but empty; ignored"])
        #expect(try ConnectionOptions.parse([]).password(environment: ["OEEDB_PASSWORD_FILE": ""], warn: { _ in }) == nil)
    }

    @Test func anEmptyPasswordFileIsAnError() throws {
        let b = try temporaryFile("\n")
        defer { try? FileManager.default.removeItem(atPath: b) }
        #expect(throws: CLIError.self) { try ConnectionOptions.parse(["--password-file", b]).password(environment: [:], warn: { _ in }) }
    }

    @Test func anExplicitPasswordWinsOverTheURLs() throws {
        let spec = try ConnectionSpec.resolve("postgres://u:inurl@h/db", password: "given")
        #expect(spec.odbcString.contains("PWD={given}") && !spec.odbcString.contains("inurl"))
        #expect(!spec.passwordFromConnection)
        let fromURL = try ConnectionSpec.resolve("postgres://u:inurl@h/db")
        #expect(fromURL.passwordFromConnection)
        #expect(ConnectionOptions.passwordSource(nil, spec: fromURL) == "from the connection")
    }

    @Test(.enabled(if: binaryBuilt))
    func doctorSaysWhichSourceWasUsed() throws {
        let file = try temporaryFile("filepw\n")
        defer { try? FileManager.default.removeItem(atPath: file) }
        let r = try run(["doctor", "--connection", "sqlserver://sa@127.0.0.1:1/db"], environment: ["OEEDB_PASSWORD": "", "OEEDB_PASSWORD_FILE": file])
        #expect(r.stdout.contains("password: from OEEDB_PASSWORD_FILE (\(file))"))
        #expect(r.stderr.contains("OEEDB_PASSWORD is set but empty; ignored"))
        #expect(!r.stdout.contains("filepw") && !r.stderr.contains("filepw"))
        let json = try run(["doctor", "--format", "json", "--connection", "sqlserver://sa@127.0.0.1:1/db"], environment: ["OEEDB_PASSWORD": "envpw1"])
        #expect(json.stdout.contains("\"password\" : \"from OEEDB_PASSWORD\""))
        #expect(!json.stdout.contains("envpw1") && !json.stderr.contains("envpw1"))
    }
}
