/// Changes the differ refuses to plan, each naming the object and what to do.
public struct DiffError: Error, Hashable, Sendable, CustomStringConvertible {
    public var problems: [String]

    public init(_ problems: [String]) {
        self.problems = problems
    }

    public var description: String {
        "cannot plan this change:\n" + problems.map { "  - \($0)" }.joined(separator: "\n")
    }
}
