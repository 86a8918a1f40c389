import OEEModel

/// Phrases shared by the Markdown and HTML dictionaries, so both say the same.
enum DocText {
    /// `IDENTITY(1, 1)`, `DEFAULT SYSUTCDATETIME()`, `AS good_qty + scrap_qty (persisted)`; empty when none.
    static func columnDetail(_ c: Column) -> String {
        var parts: [String] = []
        if let i = c.identity { parts.append("IDENTITY(\(i.seed), \(i.increment))") }
        if let d = c.defaultConstraint { parts.append("DEFAULT " + ExpressionText.render(d.expression)) }
        if let k = c.computed {
            parts.append("AS " + ExpressionText.render(k.expression) + (k.isPersisted ? " (persisted)" : " (computed on read)"))
        }
        return parts.joined(separator: "; ")
    }

    /// `machine_id ASC, ts_utc DESC`.
    static func keys(_ keys: [IndexKey]) -> String {
        keys.map { "\($0.column) \($0.isDescending ? "DESC" : "ASC")" }.joined(separator: ", ")
    }

    /// `unique nonclustered`, `clustered columnstore`, …
    static func kind(_ i: Index) -> String {
        (i.isUnique ? "unique " : "") + i.kind.rawValue
    }

    /// Where an index lives: aligned with the table's scheme, on a filegroup or another scheme.
    static func placement(_ i: Index, table: Table) -> String {
        switch i.placement {
        case .table:
            if let p = table.partitioning { return "aligned: \(p.partitionScheme)(\(p.partitionColumn))" }
            return "with the table"
        case .filegroup(let fg): return "filegroup \(fg)" + (table.partitioning != nil ? " (not aligned)" : "")
        case .partitionScheme(let s, let col): return "\(s)(\(col))"
        }
    }

    /// How the table's rows are stored: clustered key or columnstore, compression.
    static func storage(_ t: Table) -> String {
        var parts: [String] = []
        if let cci = t.indexes.first(where: { $0.kind == .clusteredColumnstore }) {
            parts.append("clustered columnstore (\(cci.name))")
        } else if let ci = t.indexes.first(where: { $0.kind == .clustered }) {
            parts.append("clustered on \(keys(ci.keys)) (\(ci.name))")
        } else if let pk = t.primaryKey, pk.isClustered {
            parts.append("clustered on the primary key")
        } else {
            parts.append("heap")
        }
        if let c = t.compression { parts.append("\(c.rawValue) compression") }
        return parts.joined(separator: ", ")
    }

    /// `ON DELETE CASCADE`; empty for the defaults (NO ACTION both).
    static func actions(_ fk: ForeignKey) -> String {
        var parts: [String] = []
        if fk.onDelete != .noAction { parts.append("ON DELETE \(fk.onDelete.rawValue)") }
        if fk.onUpdate != .noAction { parts.append("ON UPDATE \(fk.onUpdate.rawValue)") }
        return parts.joined(separator: ", ")
    }

    static func described(_ text: String?) -> String? {
        guard let t = text, !t.allSatisfy(\.isWhitespace) else { return nil }
        return t
    }
}
