import OEEDiff

/// Whether every statement of a migration only changes the catalog: its cost
/// does not depend on how much data any table holds. Such a migration is sent
/// as one message (``PostgreSQLDialect/oneMessage(_:)``), and if it fails the
/// runner can afford to run it again statement by statement, rolled back, to
/// say which statement failed (psqlODBC reports neither the failing
/// statement nor the server's error position).
///
/// Conservative by construction: a statement is accepted only when its kind
/// is listed here; anything else — DML, `SET`, transaction control, `CREATE
/// TABLE … AS`, `CREATE TABLE … PARTITION OF` (it scans a default partition),
/// `CREATE INDEX` or `ALTER TABLE` on a table the migration did not just
/// create, `ATTACH PARTITION` — sends the migration statement by statement,
/// as before.
enum CatalogOnlyStatements {
    /// Kinds that write catalog rows only, after `CREATE [OR REPLACE]`.
    static let createdKinds: Set<String> = [
        "schema", "sequence", "type", "domain", "function", "procedure", "view", "policy", "trigger",
    ]

    static func all(_ batches: [ScriptBatch]) -> Bool {
        var created: Set<[String]> = []
        return batches.allSatisfy { $0.repeatCount == 1 && accepts(StatementWords($0.sql).top, created: &created) }
    }

    /// One statement's depth-0 tokens; `created` gathers the tables the
    /// migration created (without IF NOT EXISTS), which are empty.
    static func accepts(_ t: [StatementWords.Token], created: inout Set<[String]>) -> Bool {
        var i = 0
        func word(_ w: String) -> Bool {
            if i < t.count, t[i] == .word(w) { i += 1; return true }
            return false
        }
        func words(_ ws: String...) -> Bool {
            let start = i
            for w in ws where !word(w) { i = start; return false }
            return true
        }
        func name() -> [String]? {
            var parts: [String] = []
            while i < t.count {
                switch t[i] {
                case .word(let w): parts.append(w)
                case .quoted(let q): parts.append(q)
                default: return nil
                }
                i += 1
                guard i < t.count, t[i] == .dot else { break }
                i += 1
            }
            return parts.isEmpty ? nil : parts
        }
        func rest() -> ArraySlice<StatementWords.Token> { t[min(i, t.count)...] }
        if words("comment", "on") || word("grant") || word("revoke") || word("drop") { return true }
        if word("create") {
            _ = words("or", "replace")
            if word("table") || ((word("temp") || word("temporary") || word("unlogged")) && word("table")) {
                let ifNotExists = words("if", "not", "exists")
                guard let table = name() else { return false }
                let tail = rest()
                if tail.contains(.word("as")) || tail.contains(.word("partition")) && tail.contains(.word("of")) { return false }
                if !ifNotExists { created.insert(table) }
                return true
            }
            _ = word("unique")
            if word("index") {
                guard !word("concurrently") else { return false }
                _ = words("if", "not", "exists")
                if i < t.count, t[i] != .word("on") { guard name() != nil else { return false } }
                guard word("on") else { return false }
                _ = word("only")
                guard let table = name() else { return false }
                return created.contains(table)
            }
            if case .word(let kind) = t.count > i ? t[i] : .other, createdKinds.contains(kind) { return true }
            return false
        }
        if words("alter", "table") {
            _ = words("if", "exists")
            _ = word("only")
            guard let table = name() else { return false }
            let tail = rest()
            if tail.contains(.word("attach")) { return false }
            if created.contains(table) { return true }
            // Row-level security switches on any table: catalog flags.
            return [["enable"], ["disable"], ["force"], ["no", "force"]].contains { head in
                Array(tail) == head.map { StatementWords.Token.word($0) } + [.word("row"), .word("level"), .word("security")]
            }
        }
        return false
    }
}
