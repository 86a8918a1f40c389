/// The runner directives at the top of a migration file, in `-- oeedb:` comment
/// lines, so the file stays plain SQL that any client can run:
///
///     -- oeedb:version 0002
///     -- oeedb:name add_note
///     -- oeedb:transaction on
///     -- oeedb:check pre no_null_qty empty: SELECT 1 FROM [fact].[cycle] WHERE [qty] IS NULL
///     -- oeedb:check post one_site scalar=1: SELECT COUNT(*) FROM [ref].[site]
public struct MigrationHeader: Hashable, Sendable {
    public var version: Int
    public var name: String
    /// Whether the runner wraps the migration in one transaction (`on` unless
    /// the file says `-- oeedb:transaction off`).
    public var transaction: Bool
    public var checks: [MigrationCheck]

    public init(version: Int, name: String, transaction: Bool = true, checks: [MigrationCheck] = []) {
        self.version = version
        self.name = name
        self.transaction = transaction
        self.checks = checks
    }

    /// The directive lines, in a fixed order.
    public var directiveLines: [String] {
        var lines = [
            "-- oeedb:version \(MigrationFileName(version: version, name: name).versionText)",
            "-- oeedb:name \(name)",
            "-- oeedb:transaction \(transaction ? "on" : "off")",
        ]
        lines += checks.map(\.directive)
        return lines
    }

    /// Reads the directives from a file's text. Unknown `oeedb:` directives are
    /// errors (a typo must not silently disable a check).
    public static func parse(_ text: String, file: String) throws -> MigrationHeader {
        var version: Int?
        var name: String?
        var transaction = true
        var checks: [MigrationCheck] = []
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            guard line.hasPrefix("-- oeedb:") else { continue }
            let body = line.dropFirst("-- oeedb:".count)
            let keyEnd = body.firstIndex(of: " ") ?? body.endIndex
            let key = String(body[..<keyEnd])
            let value = body[keyEnd...].trimmingCharacters(in: .whitespaces)
            let at = "\(file):\(i + 1)"
            switch key {
            case "version":
                guard let v = Int(value) else { throw MigrationError("\(at): oeedb:version '\(value)' is not a number") }
                version = v
            case "name": name = value
            case "transaction":
                switch value {
                case "on": transaction = true
                case "off": transaction = false
                default: throw MigrationError("\(at): oeedb:transaction must be 'on' or 'off', not '\(value)'")
                }
            case "check":
                checks.append(try MigrationCheck(parsing: value, at: at))
            default:
                throw MigrationError("\(at): unknown directive 'oeedb:\(key)'; known: version, name, transaction, check")
            }
        }
        guard let version, let name else {
            throw MigrationError("\(file): missing '-- oeedb:version' or '-- oeedb:name' header; was the file written by 'oeedb generate'?")
        }
        return MigrationHeader(version: version, name: name, transaction: transaction, checks: checks)
    }
}

/// A named validation query the runner executes inside the migration's transaction.
public struct MigrationCheck: Hashable, Sendable {
    public enum Phase: String, Hashable, Sendable { case pre, post }
    public enum Expectation: Hashable, Sendable {
        /// The query returns no rows.
        case empty
        /// The query returns one row whose first column equals this text.
        case scalar(String)
    }

    public var phase: Phase
    public var name: String
    public var expectation: Expectation
    /// One line of SQL.
    public var query: String

    public init(phase: Phase, name: String, expectation: Expectation, query: String) {
        self.phase = phase
        self.name = name
        self.expectation = expectation
        self.query = query
    }

    public var directive: String {
        let expect: String
        switch expectation {
        case .empty: expect = "empty"
        case .scalar(let v): expect = "scalar=\(v)"
        }
        return "-- oeedb:check \(phase.rawValue) \(name) \(expect): \(query)"
    }

    /// Parses `pre NAME empty: QUERY` or `post NAME scalar=VALUE: QUERY`.
    init(parsing text: String, at: String) throws {
        guard let colon = text.firstIndex(of: ":") else {
            throw MigrationError("\(at): oeedb:check needs 'pre|post NAME empty|scalar=VALUE: QUERY'")
        }
        let head = text[..<colon].split(separator: " ")
        let query = text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        guard head.count == 3, let phase = Phase(rawValue: String(head[0])), !query.isEmpty else {
            throw MigrationError("\(at): oeedb:check needs 'pre|post NAME empty|scalar=VALUE: QUERY'")
        }
        let expect = head[2]
        let expectation: Expectation
        if expect == "empty" {
            expectation = .empty
        } else if expect.hasPrefix("scalar=") {
            expectation = .scalar(String(expect.dropFirst("scalar=".count)))
        } else {
            throw MigrationError("\(at): oeedb:check expectation must be 'empty' or 'scalar=VALUE', not '\(expect)'")
        }
        self.init(phase: phase, name: String(head[1]), expectation: expectation, query: query)
    }
}

/// A migration-directory problem, naming the file and what to do.
public struct MigrationError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

import Foundation
