/// One validation finding: which object, what is wrong, how bad.
///
/// Rendered as `fact.cycle: index ix_x references missing column 'foo'`, and
/// prefixed by the dialect when only one dialect refuses it
/// (`postgres: fact.cycle: …`).
public struct Diagnostic: Hashable, Sendable, Codable, CustomStringConvertible {
    public enum Severity: String, Hashable, Sendable, Codable {
        case error, warning
    }

    public var severity: Severity
    /// The object path: `schema.table`, `schema.function`, or a database-scoped name.
    public var path: String
    public var message: String
    /// A stable rule id (`fk.type-mismatch`) for tools and for silencing in tests.
    public var rule: String
    /// The dialect that refuses what the model allows (`postgres`), or nil
    /// for a finding that holds for every dialect.
    public var dialect: String?

    public init(_ severity: Severity, _ path: String, _ message: String, rule: String, dialect: String? = nil) {
        self.severity = severity
        self.path = path
        self.message = message
        self.rule = rule
        self.dialect = dialect
    }

    /// `fact.cycle: …`, or `postgres: fact.cycle: …` for a dialect's own rule.
    public var description: String { (dialect.map { "\($0): " } ?? "") + "\(path): \(message)" }
}

extension Array where Element == Diagnostic {
    public var errors: [Diagnostic] { filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { filter { $0.severity == .warning } }
}
