import ArgumentParser
import Foundation
import ODBC

extension Oeedb {
    struct Doctor: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "doctor",
            abstract: "Check the ODBC setup and the connection: drivers, resolved (masked) connection, server version.",
            discussion: """
                The first command to run on a new machine. It lists the ODBC drivers unixODBC \
                knows, shows how --connection resolves (passwords masked), connects and prints \
                the server product and version. Exit status: 0 connected (or no connection \
                given), 2 failed, with the reason: driver not installed, host unreachable, login \
                failed, database missing, or encryption the driver cannot do.

                Examples:
                  oeedb doctor
                  oeedb doctor --connection postgres://oeedb@127.0.0.1:5432/oee
                  OEEDB_PASSWORD=… oeedb doctor --connection 'sqlserver://sa@db:1433/oee?encrypt=require'
                """
        )

        @OptionGroup var connection: ConnectionOptions

        @OptionGroup var output: OutputOptions

        struct Report: Codable {
            var drivers: [String: String]
            var connection: String?
            /// Where the password came from (`from OEEDB_PASSWORD_FILE (/path)`), never the value.
            var password: String?
            var connected: Bool
            var server: String?
            var serverVersion: String?
            var driver: String?
            var error: String?
        }

        func run() throws {
            try reportingErrors {
                let env = try ODBCEnvironment()
                var report = Report(drivers: [:], connection: nil, connected: false)
                for d in env.drivers() { report.drivers[d.name] = d.attributes["Driver"] ?? "" }
                let hasConnection = connection.connection != nil || ProcessInfo.processInfo.environment["OEEDB_CONNECTION"] != nil
                var failure: CLIError?
                if hasConnection {
                    let (spec, source) = try connection.resolveReportingSource()
                    report.connection = spec.masked
                    report.password = source
                    do {
                        let conn = try connection.connect(environment: env, spec: spec)
                        let info = conn.serverInfo
                        report.connected = true
                        report.server = info.product
                        report.serverVersion = info.version
                        report.driver = "\(info.driver) \(info.driverVersion)"
                        conn.close()
                    } catch let e as CLIError {
                        report.error = e.message
                        failure = e
                    }
                }
                switch output.isJSON ? OutputFormat.json : .text {
                case .json:
                    let encoder = JSONEncoder()
                    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
                    Console.outData(try encoder.encode(report) + Data("\n".utf8))
                case .text:
                    Console.out("ODBC drivers:")
                    if report.drivers.isEmpty { Console.out("  none — install unixodbc and a driver (apt-get install odbc-postgresql tdsodbc)") }
                    for name in env.drivers().map(\.name) { Console.out("  \(name) → \(report.drivers[name] ?? "")") }
                    guard let masked = report.connection else {
                        Console.out("connection: none given (pass --connection or set OEEDB_CONNECTION)")
                        return
                    }
                    Console.out("connection: \(masked)")
                    Console.out("password: \(report.password ?? "none given")")
                    if report.connected {
                        Console.out("server: \(report.server ?? "?") \(report.serverVersion ?? "")")
                        Console.out("driver: \(report.driver ?? "?")")
                        Console.out("ok")
                    }
                }
                if let failure { throw failure }
            }
        }
    }
}
