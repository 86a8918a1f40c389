/// A row-level-security policy: filter and block predicates binding a
/// predicate function to tables.
public struct SecurityPolicy: Hashable, Sendable, Codable {
    public var name: String
    public var predicates: [SecurityPredicate]
    /// `STATE = ON`.
    public var isEnabled: Bool
    public var isSchemaBound: Bool
    public var description: String?
    /// The session context a maintenance session sets so the policy's
    /// predicates let it see every row (`is_global` = 1): the migration runner
    /// sets it in each transaction, so pre- and post-checks see all rows. Not a
    /// database object; nil (absent from older snapshots) sets nothing.
    public var maintenanceSession: [SessionSetting]?

    public init(
        name: String, predicates: [SecurityPredicate], isEnabled: Bool = true, isSchemaBound: Bool = true,
        description: String? = nil, maintenanceSession: [SessionSetting]? = nil
    ) {
        self.name = name
        self.predicates = predicates
        self.isEnabled = isEnabled
        self.isSchemaBound = isSchemaBound
        self.description = description
        self.maintenanceSession = maintenanceSession
    }
}

/// One session-context key and value: `SESSION_CONTEXT(N'is_global')` = `1`
/// on SQL Server, `oeedb.is_global` = `'1'` on PostgreSQL.
public struct SessionSetting: Hashable, Sendable, Codable {
    public var key: String
    public var value: String

    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}

extension Database {
    /// The maintenance session settings every security policy declares, first
    /// declaration of a key winning, in declaration order.
    public var maintenanceSession: [SessionSetting] {
        var seen: Set<String> = []
        var result: [SessionSetting] = []
        for s in schemas {
            for p in s.securityPolicies {
                for setting in p.maintenanceSession ?? [] where seen.insert(setting.key).inserted { result.append(setting) }
            }
        }
        return result
    }
}

/// One `ADD FILTER|BLOCK PREDICATE fn(column) ON table [AFTER INSERT]`.
public struct SecurityPredicate: Hashable, Sendable, Codable {
    public var kind: Kind
    public var function: QualifiedName
    /// The table's columns passed to the function, in parameter order.
    public var arguments: [String]
    public var table: QualifiedName

    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        case filter = "FILTER"
        case blockAfterInsert = "BLOCK AFTER INSERT"
        case blockAfterUpdate = "BLOCK AFTER UPDATE"
        case blockBeforeUpdate = "BLOCK BEFORE UPDATE"
        case blockBeforeDelete = "BLOCK BEFORE DELETE"
    }

    public init(kind: Kind, function: QualifiedName, arguments: [String], table: QualifiedName) {
        self.kind = kind
        self.function = function
        self.arguments = arguments
        self.table = table
    }
}
