extension Index {
    /// A rowstore index; nonclustered unless `clustered`.
    ///
    ///     Index("ix_downtime_open", on: "site_id", "machine_id")
    ///         .including("reason_code_id", "loss_bucket_id")
    ///         .filtered(col("end_ts").isNull)
    public init(_ name: String, on keys: IndexKey..., unique: Bool = false, clustered: Bool = false) {
        self.init(name: name, kind: clustered ? .clustered : .nonclustered, isUnique: unique, keys: keys)
    }

    /// A clustered columnstore index (no key columns).
    public static func clusteredColumnstore(_ name: String) -> Index {
        Index(name: name, kind: .clusteredColumnstore)
    }

    /// A nonclustered columnstore index over `columns`.
    public static func nonclusteredColumnstore(_ name: String, _ columns: String...) -> Index {
        Index(name: name, kind: .nonclusteredColumnstore, keys: columns.map { IndexKey($0) })
    }

    /// `INCLUDE (columns…)`, in the order given.
    public func including(_ columns: String...) -> Index {
        var i = self
        i.included += columns
        return i
    }

    /// A filtered index: `WHERE predicate`.
    public func filtered(_ predicate: Expression) -> Index {
        var i = self
        i.filter = predicate
        return i
    }

    public func compressed(_ compression: DataCompression) -> Index {
        var i = self
        i.compression = compression
        return i
    }

    /// `ON scheme(column)`.
    public func placed(onScheme scheme: String, column: String) -> Index {
        var i = self
        i.placement = .partitionScheme(scheme, column: column)
        return i
    }

    /// `ON [filegroup]`: not partitioned, so not aligned with a partitioned table.
    public func placed(onFilegroup filegroup: String) -> Index {
        var i = self
        i.placement = .filegroup(filegroup)
        return i
    }

    /// Silences the "not aligned with the table's partition scheme" warning.
    public func allowingUnaligned() -> Index {
        var i = self
        i.allowsUnaligned = true
        return i
    }

    public func described(_ text: String) -> Index {
        var i = self
        i.description = text
        return i
    }

    public func renamed(from oldName: String) -> Index {
        var i = self
        i.renamedFrom = oldName
        return i
    }
}

extension Index {
    /// A hot-window filter whose `column >= literal` bound rolls with the
    /// maintenance clock: `oeedb partitions maintain` rebuilds the index with
    /// the start of the `stepHours` slot holding `now − keepHours`. Call after
    /// `.filtered(col(column) >= "…")`; the literal there is the initial bound.
    ///
    ///     Index("ix_event_hot_window", on: "machine_id", "event_type", "ts_utc")
    ///         .filtered(col("ts_utc") >= "2026-11-01T00:00:00")
    ///         .rolling(keepHours: 72)
    public func rolling(keepHours: Int, stepHours: Int = 24) -> Index {
        var i = self
        var column = ""
        if case .binary(.column(let c), .greaterOrEqual, _)? = filter { column = c }
        i.rolling = RollingFilter(column: column, keepHours: keepHours, stepHours: stepHours)
        return i
    }
}
