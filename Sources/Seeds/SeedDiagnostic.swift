/// A problem in a seed file, at `file:line:column` (the column is the CSV
/// column's name, or its 1-based number when the header does not name it).
public struct SeedDiagnostic: Error, Hashable, Sendable, Codable, CustomStringConvertible, Comparable {
    public var file: String
    public var line: Int
    public var column: String?
    public var message: String

    public init(file: String, line: Int, column: String?, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var location: String { "\(file):\(line)" + (column.map { ":\($0)" } ?? "") }
    public var description: String { "\(location): \(message)" }

    public static func < (a: SeedDiagnostic, b: SeedDiagnostic) -> Bool {
        (a.file, a.line, a.column ?? "", a.message) < (b.file, b.line, b.column ?? "", b.message)
    }
}

/// Everything wrong with a seed set, reported at once; nothing was written.
public struct SeedValidationError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [SeedDiagnostic]

    public init(_ diagnostics: [SeedDiagnostic]) {
        self.diagnostics = diagnostics
    }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
