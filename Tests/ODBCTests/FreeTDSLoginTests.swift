import Foundation
import Testing
@testable import ODBC

/// What the FreeTDS ODBC driver puts on the wire for oeedb's connection
/// strings, read by ``TDSLoginListener`` (no SQL Server needed): user,
/// password and database must arrive byte-exact, whatever their characters.
@Suite(.serialized) struct FreeTDSLoginTests {
    static var freeTDSRegistered: Bool {
        TestEngines.environment.drivers().contains { $0.name == ConnectionSpec.defaultSQLServerDriver }
    }

    struct Attempt {
        var login: TDSLoginListener.Login?
        var prelogin: TDSLoginListener.Prelogin?
        var error: ConnectionError?
        var listenerFailure: String?
    }

    /// Connects through unixODBC + FreeTDS to a fresh listener.
    func attempt(user: String = "plant_app", password: String?, database: String = "oee", query: String = "") throws -> Attempt {
        let listener = try TDSLoginListener(timeoutSeconds: 8)
        let encodedUser = user.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        let encodedDB = database.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        let spec = try ConnectionSpec.resolve("sqlserver://\(encodedUser)@127.0.0.1:\(listener.port)/\(encodedDB)\(query)", password: password)
        var result = Attempt()
        do {
            let conn = try ODBCConnector.connect(spec, environment: TestEngines.environment, loginTimeout: 5)
            conn.close()
        } catch let e as ConnectionError {
            result.error = e
        }
        listener.wait()
        result.login = listener.login
        result.prelogin = listener.prelogin
        result.listenerFailure = listener.failure
        return result
    }

    static let passwords = [
        "Pw12345", "semi;colon", "{leading-brace", "mid{brace", "trailing}", "close}mid", "}}", "a;b}", "k=v=w",
        " leading and trailing space ", "with space", "Grüße-ü", "🏭plant", "%41+plus",
    ]

    @Test(.enabled(if: freeTDSRegistered), arguments: passwords)
    func passwordArrivesByteExact(password: String) throws {
        let a = try attempt(password: password)
        #expect(a.listenerFailure == nil)
        let login = try #require(a.login, "the listener saw no LOGIN7: \(a.listenerFailure ?? "")")
        #expect(login.passwordUnits == Array(password.utf16), "password arrived as \(login.password.debugDescription)")
        #expect(login.userName == "plant_app")
        #expect(login.database == "oee")
        // The refusal is classified as a failed login, and the password is not in it.
        let error = try #require(a.error)
        #expect(error.kind == .loginFailed)
        #expect(!error.description.contains(password) || password.count < 3)
    }

    @Test(.enabled(if: freeTDSRegistered), arguments: [("plant app", "oee"), ("bediener", "Öl-Linie_ü"), ("user;semi", "db;semi"), ("ü{x", "{db")])
    func userAndDatabaseArriveByteExact(user: String, database: String) throws {
        let a = try attempt(user: user, password: "Pw12345", database: database)
        let login = try #require(a.login, "the listener saw no LOGIN7: \(a.listenerFailure ?? "")")
        #expect(login.userUnits == Array(user.utf16), "user arrived as \(login.userName.debugDescription)")
        #expect(login.databaseUnits == Array(database.utf16), "database arrived as \(login.database.debugDescription)")
        #expect(login.password == "Pw12345")
    }

    @Test(.enabled(if: freeTDSRegistered))
    func asksForTDS74AndNoEncryptionByDefault() throws {
        let a = try attempt(password: "Pw12345")
        let login = try #require(a.login)
        #expect(login.tdsVersion == 0x7400_0004, "TDS version 0x\(String(login.tdsVersion, radix: 16))")
        let prelogin = try #require(a.prelogin)
        // FreeTDS's default (no Encryption keyword) is "request": ENCRYPT_OFF in PRELOGIN.
        #expect(prelogin.encryption == 0x00)
    }

    @Test(.enabled(if: freeTDSRegistered))
    func encryptRequireAsksForEncryptionAndStopsWhenTheServerCannot() throws {
        let a = try attempt(password: "Pw12345", query: "?encrypt=require")
        let prelogin = try #require(a.prelogin)
        #expect(prelogin.encryption == 0x01)
        #expect(a.login == nil, "no login may be sent in clear text when encryption is required")
        #expect(a.error != nil)
    }

    @Test func aPasswordFreeTDSCannotCarryIsRefusedNamingTheCharacters() {
        do {
            _ = try ConnectionSpec.resolve("sqlserver://u@h:1433/db", password: "abc};def")
            Issue.record("expected a refusal")
        } catch let e as ConnectionError {
            #expect(e.kind == .badInput)
            #expect(e.message.contains("'};'"))
            #expect(e.message.contains("ODBC Driver 18"))
            #expect(!e.description.contains("abc") && !e.description.contains("def"))
        } catch { Issue.record("unexpected \(error)") }
    }
}
