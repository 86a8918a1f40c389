/// A schema-scoped object name: `ref.machine`.
public struct QualifiedName: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var schema: String
    public var name: String

    public init(_ schema: String, _ name: String) {
        self.schema = schema
        self.name = name
    }

    /// Parses `schema.name`; a bare name gets `defaultSchema`.
    public init(parsing text: String, defaultSchema: String = "dbo") {
        if let dot = text.firstIndex(of: ".") {
            self.init(String(text[..<dot]), String(text[text.index(after: dot)...]))
        } else {
            self.init(defaultSchema, text)
        }
    }

    public var description: String { "\(schema).\(name)" }

    public static func < (lhs: QualifiedName, rhs: QualifiedName) -> Bool {
        (lhs.schema, lhs.name) < (rhs.schema, rhs.name)
    }
}

extension QualifiedName: Codable {
    /// Encoded as the string `schema.name`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard text.contains(".") else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected 'schema.name', got '\(text)'")
        }
        self.init(parsing: text)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
