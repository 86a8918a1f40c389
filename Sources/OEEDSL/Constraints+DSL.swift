/// `UniqueConstraint` under the name a schema author reaches for.
public typealias Unique = UniqueConstraint
/// `CheckConstraint` under the name a schema author reaches for.
public typealias Check = CheckConstraint

extension IndexKey: ExpressibleByStringLiteral {
    /// `"ts_utc"` is an ascending key.
    public init(stringLiteral value: String) {
        self.init(value)
    }

    /// A descending key: `.desc("ts_utc")`.
    public static func desc(_ column: String) -> IndexKey { IndexKey(column, descending: true) }
}

extension PrimaryKey {
    /// `PrimaryKey("pk_cycle", "machine_id", "start_ts", "cycle_id")`, clustered unless told otherwise.
    public init(_ name: String, _ keys: IndexKey..., clustered: Bool = true) {
        self.init(name: name, columns: keys, isClustered: clustered)
    }
}

extension UniqueConstraint {
    /// `Unique("uq_site_code", "code")`.
    public init(_ name: String, _ keys: IndexKey...) {
        self.init(name: name, columns: keys)
    }
}

extension CheckConstraint {
    /// `Check("ck_cycle_end_after_start", col("end_ts") >= col("start_ts"))`.
    public init(_ name: String, _ expression: Expression) {
        self.init(name: name, expression: expression)
    }
}

extension ForeignKey {
    /// A single-column foreign key; the referenced column defaults to the same name.
    ///
    ///     ForeignKey("fk_site_enterprise", "enterprise_id", references: "ref.enterprise")
    public init(
        _ name: String, _ column: String, references table: String, _ referencedColumn: String? = nil,
        onDelete: ReferentialAction = .noAction, onUpdate: ReferentialAction = .noAction
    ) {
        self.init(
            name: name, columns: [column], referencedTable: QualifiedName(parsing: table),
            referencedColumns: [referencedColumn ?? column], onDelete: onDelete, onUpdate: onUpdate)
    }

    /// A composite foreign key; the referenced columns default to the same names.
    ///
    ///     ForeignKey("fk_line_area", ["area_id", "site_id"], references: "ref.area")
    public init(
        _ name: String, _ columns: [String], references table: String, _ referencedColumns: [String]? = nil,
        onDelete: ReferentialAction = .noAction, onUpdate: ReferentialAction = .noAction
    ) {
        self.init(
            name: name, columns: columns, referencedTable: QualifiedName(parsing: table),
            referencedColumns: referencedColumns ?? columns, onDelete: onDelete, onUpdate: onUpdate)
    }
}
