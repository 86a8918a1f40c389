import ArgumentParser
import OEEDiff
import PostgreSQL
import SQLServer

/// The SQL dialects oeedb renders, by id. Each writes `migrations/<id>/`.
enum Dialects {
    static let all: [any SQLDialect] = [SQLServerDialect(), PostgreSQLDialect()]

    static func named(_ id: String) throws -> any SQLDialect {
        guard let d = all.first(where: { $0.id == id }) else {
            throw CLIError("unknown dialect '\(id)'; known: \(all.map(\.id).joined(separator: ", "))")
        }
        return d
    }
}
