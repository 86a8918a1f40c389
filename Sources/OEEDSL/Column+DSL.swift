extension Column {
    /// Declares a NOT NULL column; chain modifiers for the rest.
    ///
    ///     Column("is_active", .bit, "Whether the machine reports").default("df_machine_is_active", true)
    ///     // [is_active] bit NOT NULL CONSTRAINT [df_machine_is_active] DEFAULT (1)
    public init(_ name: String, _ type: SQLType, _ description: String? = nil) {
        self.init(name: name, type: type, isNullable: false, description: description)
    }

    /// Allows NULL.
    public func nullable(_ allowsNull: Bool = true) -> Column {
        var c = self
        c.isNullable = allowsNull
        return c
    }

    /// `IDENTITY(seed, increment)`.
    public func identity(seed: Int64 = 1, increment: Int64 = 1) -> Column {
        var c = self
        c.identity = Identity(seed: seed, increment: increment)
        return c
    }

    /// A named DEFAULT constraint.
    public func `default`(_ constraintName: String, _ expression: Expression) -> Column {
        var c = self
        c.defaultConstraint = DefaultConstraint(name: constraintName, expression: expression)
        return c
    }

    /// A computed column, `PERSISTED` unless told otherwise.
    public func computed(_ expression: Expression, persisted: Bool = true) -> Column {
        var c = self
        c.computed = ComputedColumn(expression: expression, isPersisted: persisted)
        return c
    }

    /// Declares that the column was called `oldName`; the diff emits a rename.
    public func renamed(from oldName: String) -> Column {
        var c = self
        c.renamedFrom = oldName
        return c
    }

    public func described(_ text: String) -> Column {
        var c = self
        c.description = text
        return c
    }
}
