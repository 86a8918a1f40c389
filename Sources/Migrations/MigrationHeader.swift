/// The runner directives at the top of a migration file, in `-- oeedb:` comment
/// lines, so the file stays plain SQL that any client can run:
///
///     -- oeedb:version 0002
///     -- oeedb:name add_note
///     -- oeedb:transaction on
///     -- oeedb:check pre no_null_qty empty: SELECT 1 FROM [fact].[cycle] WHERE [qty] IS NULL
///     -- oeedb:check post one_site scalar=1: SELECT COUNT(*) FROM [ref].[site]
///
/// A batched backfill says `-- oeedb:transaction batches` (and optionally
/// `-- oeedb:max-batches 5000`): its single statement runs again and again,
/// each run in its own transaction, until it affects no rows.
public struct MigrationHeader: Hashable, Sendable {
    public var version: Int
    public var name: String
    /// How the runner wraps the migration: one transaction (`on`, the
    /// default), none (`off`), or one per run of a repeated statement (`batches`).
    public var mode: TransactionMode
    /// `batches` only: the most runs before the loop stops with an error.
    public var maxBatches: Int?
    public var checks: [MigrationCheck]
    /// Online-operation directives (`step`, `accept-blocking`, `pre-checks`);
    /// see MigrationHeader+Online.swift.
    public var online = OnlineDirectives()

    public enum TransactionMode: String, Hashable, Sendable, CaseIterable {
        case on, off, batches
    }

    /// The default loop limit of a `transaction batches` migration.
    public static let defaultMaxBatches = 10_000

    /// Whether the runner wraps the whole migration in one transaction.
    public var transaction: Bool {
        get { mode == .on }
        set { mode = newValue ? .on : .off }
    }

    public init(version: Int, name: String, transaction: Bool = true, checks: [MigrationCheck] = []) {
        self.init(version: version, name: name, mode: transaction ? .on : .off, checks: checks)
    }

    public init(version: Int, name: String, mode: TransactionMode, maxBatches: Int? = nil, checks: [MigrationCheck] = []) {
        self.version = version
        self.name = name
        self.mode = mode
        self.maxBatches = maxBatches
        self.checks = checks
    }

    /// The loop limit in force (`batches` only).
    public var batchLimit: Int { maxBatches ?? MigrationHeader.defaultMaxBatches }

    /// The directive lines, in a fixed order.
    public var directiveLines: [String] {
        var lines = [
            "-- oeedb:version \(MigrationFileName(version: version, name: name).versionText)",
            "-- oeedb:name \(name)",
            "-- oeedb:transaction \(mode.rawValue)",
        ]
        if let maxBatches { lines.append("-- oeedb:max-batches \(maxBatches)") }
        lines += checks.map(\.directive)
        lines += online.headerLines
        return lines
    }

    /// The directive names the runner knows.
    public static let knownDirectives = ["version", "name", "transaction", "max-batches", "check"] + OnlineDirectives.names

    /// Reads the directives from a file's text. Unknown `oeedb:` directives are
    /// errors (a typo must not silently disable a check); so are header comments
    /// that look like directives with a misspelt prefix (`-- oedb:check …`).
    /// Throws every problem of the file at once.
    public static func parse(_ text: String, file: String) throws -> MigrationHeader {
        let (header, problems) = scan(text, file: file)
        guard problems.isEmpty, let header else { throw MigrationError(problems.joined(separator: "\n")) }
        return header
    }

    /// The header and every problem with it (each `file:line: message`); the
    /// header is nil when a problem makes it unusable.
    /// Whether `line` contains `oeedb:` (every directive does).
    static func mayHoldDirective(_ line: Substring) -> Bool {
        let needle: [UInt8] = Array("oeedb:".utf8)
        let bytes = line.utf8
        var i = bytes.startIndex
        while i != bytes.endIndex {
            if bytes[i] == needle[0] {
                var j = bytes.index(after: i), k = 1
                while k < needle.count, j != bytes.endIndex, bytes[j] == needle[k] { j = bytes.index(after: j); k += 1 }
                if k == needle.count { return true }
            }
            i = bytes.index(after: i)
        }
        return false
    }

    public static func scan(_ text: String, file: String) -> (MigrationHeader?, [String]) {
        var version: Int?
        var name: String?
        var mode = TransactionMode.on
        var maxBatches: Int?
        var maxBatchesAt = ""
        var checks: [MigrationCheck] = []
        var online = OnlineDirectives()
        var problems: [String] = []
        var seen: Set<String> = []
        // The header is the leading block of comment and blank lines; only there
        // is a directive lookalike an error (the body may say anything).
        var inHeader = true
        // Lines by byte search (not `split`, which builds every line of a
        // large file). Past the header, only a line holding "oeedb:" can be
        // a directive: the body's other lines are skipped untrimmed.
        // Body lines are found and skipped on the raw bytes (a 4 MB baseline
        // is ~100,000 lines, almost none holding "oeedb:"); a String is made
        // only for the lines looked at.
        var text = text
        text.makeContiguousUTF8()
        let utf8 = text.utf8
        let lines = utf8.withContiguousStorageIfAvailable { LineScan.lines(in: $0) } ?? LineScan.lines(in: Array(utf8))
        for (i, span) in lines.enumerated() {
            if !inHeader && !span.mayHoldDirective { continue }
            let raw = text[utf8.index(utf8.startIndex, offsetBy: span.start)..<utf8.index(utf8.startIndex, offsetBy: span.end)]
            let line = String(raw.trimmingHorizontalSpace)
            let at = "\(file):\(i + 1)"
            if inHeader && !line.isEmpty && !line.hasPrefix("--") { inHeader = false }
            guard line.hasPrefix("-- oeedb:") else {
                if inHeader, let problem = lookalike(line) { problems.append("\(at): \(problem)") }
                continue
            }
            let body = line.dropFirst("-- oeedb:".count)
            let keyEnd = body.firstIndex(of: " ") ?? body.endIndex
            let key = String(body[..<keyEnd])
            let value = String(body[keyEnd...].trimmingHorizontalSpace)
            if OnlineDirectives.names.contains(key) {
                if let problem = online.read(key, value, line: i + 1, at: at) { problems.append(problem) }
                continue
            }
            if knownDirectives.contains(key) && key != "check" {
                if seen.contains(key) { problems.append("\(at): oeedb:\(key) is given twice; keep one") }
                seen.insert(key)
            }
            switch key {
            case "version":
                guard let v = Int(value), v > 0 else { problems.append("\(at): oeedb:version '\(value)' is not a positive number"); continue }
                version = v
            case "name":
                guard !value.isEmpty else { problems.append("\(at): oeedb:name is empty"); continue }
                name = value
            case "transaction":
                guard let m = TransactionMode(rawValue: value) else {
                    problems.append("\(at): oeedb:transaction must be 'on', 'off' or 'batches', not '\(value)'")
                    continue
                }
                mode = m
            case "max-batches":
                guard let n = Int(value), n > 0 else {
                    problems.append("\(at): oeedb:max-batches '\(value)' is not a positive number; write e.g. '-- oeedb:max-batches 5000'")
                    continue
                }
                maxBatches = n
                maxBatchesAt = at
            case "check":
                do { checks.append(try MigrationCheck(parsing: value, at: at)) } catch let e as MigrationError { problems.append(e.message) } catch { problems.append("\(at): \(error)") }
            default:
                var message = "\(at): unknown directive 'oeedb:\(key)'; known: \(knownDirectives.joined(separator: ", "))"
                if let guess = EditDistance.closest(to: key, in: knownDirectives) { message += "; did you mean '\(guess)'?" }
                problems.append(message)
            }
        }
        guard let version, let name else {
            problems.append("\(file): missing '-- oeedb:version' or '-- oeedb:name' header; was the file written by 'oeedb generate'?")
            return (nil, problems)
        }
        if maxBatches != nil && mode != .batches {
            problems.append("\(maxBatchesAt): oeedb:max-batches applies only to '-- oeedb:transaction batches'; remove it or change the transaction directive")
        }
        var header = MigrationHeader(version: version, name: name, mode: mode, maxBatches: maxBatches, checks: checks)
        header.online = online
        return (header, problems)
    }

    /// Why a header comment line that is not exactly `-- oeedb:…` looks like a
    /// directive a DBA mistyped (`-- oedb:check`, `--oeedb:`, `--- oeedb:`,
    /// `-- OEEDB:`, `-- oeedb :`, `-- oeedb check`), or nil for an ordinary comment.
    static func lookalike(_ line: String) -> String? {
        // Bytes first: almost every header comment is ruled out by the first
        // letter after the dashes and spaces (it must be an o).
        var bytes = line.utf8.makeIterator()
        guard bytes.next() == 0x2D, bytes.next() == 0x2D else { return nil }
        var b = bytes.next()
        while let c = b, c == 0x20 || c == 0x09 || c == 0x2D { b = bytes.next() }
        guard let c = b, c | 0x20 == 0x6F else { return nil }
        let rest = line.dropFirst(2)
        let afterDashes = rest.drop { $0 == " " || $0 == "\t" || $0 == "-" }
        let word = String(afterDashes.prefix { $0.isLetter })
        // Prefixes a DBA would mistype start with o (checked above) and are
        // within two edits (so 3 to 7 letters long).
        guard (3...7).contains(word.count) else { return nil }
        let lower = word.lowercased()
        guard lower == "oeedb" || EditDistance.between(lower, "oeedb") <= 2 else { return nil }
        let tail = afterDashes.dropFirst(word.count)
        let spaces = tail.prefix { $0 == " " || $0 == "\t" }
        let afterWord = tail.dropFirst(spaces.count)
        let key: String
        if afterWord.hasPrefix(":") {
            key = String(afterWord.dropFirst().drop { $0 == " " }.prefix { $0.isLetter })
        } else {
            // `-- oeedb check …` (no colon) only when a directive name follows.
            let next = String(afterWord.prefix { $0.isLetter })
            guard lower == "oeedb", knownDirectives.contains(next.lowercased()) else { return nil }
            key = next
        }
        let fixed = "-- oeedb:" + (key.isEmpty ? "" : key)
        return "'\(line.prefix(40))' looks like a runner directive but the runner reads only lines starting exactly '-- oeedb:'; write '\(fixed)…' (or reword the comment)"
    }
}

/// A named validation query the runner executes inside the migration's transaction.
public struct MigrationCheck: Hashable, Sendable {
    /// `pre` and `post` run before and after the SQL; `data-loss` runs before
    /// it too, in undo scripts, and is skipped by `oeedb undo --allow-data-loss`.
    public enum Phase: String, Hashable, Sendable, CaseIterable {
        case pre, post
        case dataLoss = "data-loss"
    }
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
            throw MigrationError("\(at): oeedb:check needs 'pre|post|data-loss NAME empty|scalar=VALUE: QUERY'")
        }
        let head = text[..<colon].split(separator: " ")
        let query = String(text[text.index(after: colon)...].trimmingHorizontalSpace)
        guard head.count == 3, let phase = Phase(rawValue: String(head[0])), !query.isEmpty else {
            throw MigrationError("\(at): oeedb:check needs 'pre|post|data-loss NAME empty|scalar=VALUE: QUERY'")
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
