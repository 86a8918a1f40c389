extension InlineFunction {
    /// A schema-bound inline predicate function:
    ///
    ///     InlineFunction("fn_site_filter", ["site_id": .smallint], where: …)
    public init(
        _ name: String, parameters: [InlineFunction.Parameter], returns resultColumn: String = "fn_result",
        where predicate: Expression, _ description: String? = nil
    ) {
        self.init(name: name, parameters: parameters, resultColumn: resultColumn, predicate: predicate, description: description)
    }
}

extension InlineFunction.Parameter {
    /// `.init("site_id", .smallint)` for `@site_id smallint`.
    public init(_ name: String, _ type: SQLType) {
        self.init(name: name, type: type)
    }
}

extension SecurityPolicy {
    /// `SecurityPolicy("site_policy", "…") { for t in tables { SecurityPredicate.filter(…) } }`, STATE = ON.
    public init(_ name: String, _ description: String? = nil, enabled: Bool = true, @PolicyBuilder _ predicates: () -> [SecurityPredicate]) {
        self.init(name: name, predicates: predicates(), isEnabled: enabled, description: description)
    }
}

extension SecurityPolicy {
    /// The session context that lets maintenance (the migration runner's
    /// checks) see every row: `.maintenanceSession("is_global", "1")`.
    public func maintenanceSession(_ key: String, _ value: String) -> SecurityPolicy {
        var copy = self
        copy.maintenanceSession = (maintenanceSession ?? []).filter { $0.key != key } + [SessionSetting(key: key, value: value)]
        return copy
    }
}

extension SecurityPredicate {
    /// `FILTER PREDICATE function(arguments) ON table`.
    public static func filter(_ function: String, _ arguments: String..., on table: String) -> SecurityPredicate {
        SecurityPredicate(kind: .filter, function: QualifiedName(parsing: function), arguments: arguments, table: QualifiedName(parsing: table))
    }

    /// `BLOCK PREDICATE function(arguments) ON table AFTER INSERT|…`.
    public static func block(_ kind: Kind, _ function: String, _ arguments: String..., on table: String) -> SecurityPredicate {
        precondition(kind != .filter, "use SecurityPredicate.filter for filter predicates")
        return SecurityPredicate(kind: kind, function: QualifiedName(parsing: function), arguments: arguments, table: QualifiedName(parsing: table))
    }
}
