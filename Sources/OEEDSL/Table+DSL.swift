extension Table {
    /// Declares a table. Columns are NOT NULL unless marked `.nullable()`.
    ///
    ///     Table("area", "A plant area") {
    ///         Column("area_id", .int, "Surrogate key").identity()
    ///         Column("site_id", .smallint, "Owning site")
    ///         PrimaryKey("pk_area", "area_id")
    ///         ForeignKey("fk_area_site", "site_id", references: "ref.site")
    ///     }
    public init(_ name: String, _ description: String? = nil, @TableBuilder _ content: () -> [TableElement]) {
        self.init(name: name, description: description)
        for element in content() {
            switch element {
            case .column(let c): columns.append(c)
            case .primaryKey(let k):
                precondition(primaryKey == nil, "table \(name): declares more than one primary key")
                primaryKey = k
            case .unique(let u): uniqueConstraints.append(u)
            case .foreignKey(let f): foreignKeys.append(f)
            case .check(let c): checks.append(c)
            case .index(let i): indexes.append(i)
            }
        }
    }

    /// Places the table (its clustered index or heap) on `scheme(column)`.
    public func partitioned(by scheme: String, on column: String) -> Table {
        var t = self
        t.partitioning = TableStorage(partitionScheme: scheme, partitionColumn: column)
        return t
    }

    /// `DATA_COMPRESSION` of the clustered index or heap.
    public func compressed(_ compression: DataCompression) -> Table {
        var t = self
        t.compression = compression
        return t
    }

    /// Declares that the table was called `oldName`; the diff emits a rename.
    public func renamed(from oldName: String) -> Table {
        var t = self
        t.renamedFrom = oldName
        return t
    }
}
