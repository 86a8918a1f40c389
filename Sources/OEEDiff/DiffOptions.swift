/// What the target dialect needs from the differ.
///
///     let plan = try Differ.plan(from: old, to: new, options: .for(dialect: "postgres"))
public struct DiffOptions: Hashable, Sendable {
    /// Drop and re-add the keys, checks, indexes and foreign keys on a column
    /// whose type or nullability changes. SQL Server needs it: ALTER COLUMN
    /// fails while a key, index or constraint depends on the column.
    /// PostgreSQL does not: ALTER COLUMN … TYPE rebuilds the column's indexes
    /// itself and keeps its constraints (re-checking them).
    public var rebuildKeysOnColumnChange: Bool

    public init(rebuildKeysOnColumnChange: Bool = true) {
        self.rebuildKeysOnColumnChange = rebuildKeysOnColumnChange
    }

    /// The options for a dialect id (`sqlserver`, `postgres`); unknown ids get the safe default.
    public static func `for`(dialect id: String) -> DiffOptions {
        DiffOptions(rebuildKeysOnColumnChange: id != "postgres")
    }
}
