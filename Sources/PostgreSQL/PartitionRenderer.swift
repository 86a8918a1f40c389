import OEEDiff
import OEEModel

/// Partitioning. PostgreSQL has no partition function or scheme objects: a
/// table on a scheme is a `PARTITION BY RANGE` table with one child table per
/// range of the function's boundaries, edge ranges included. With RANGE RIGHT
/// boundaries b1…bn:
///
///     CREATE TABLE "fact"."event" (…) PARTITION BY RANGE ("ts_utc");
///     CREATE TABLE "fact"."event_pmin" PARTITION OF "fact"."event" FOR VALUES FROM (MINVALUE) TO ('2026-10-01T00:00:00');
///     CREATE TABLE "fact"."event_p20261001" PARTITION OF "fact"."event" FOR VALUES FROM ('2026-10-01T00:00:00') TO ('2026-10-02T00:00:00');
///     …
///     CREATE TABLE "fact"."event_p20261231" PARTITION OF "fact"."event" FOR VALUES FROM ('2026-12-31T00:00:00') TO (MAXVALUE);
///
/// Each child is named after its lower bound. RANGE LEFT (a boundary belongs
/// to the range below it) maps only on integer types, by shifting each bound
/// up by one; elsewhere it throws. SPLIT and MERGE rebuild the affected
/// children of every table on the function (detach, rename aside, create,
/// move the rows back, drop), which works whether or not the ranges are empty.
enum PartitionRenderer {
    /// A boundary made comparable, per the function's input type.
    enum Key: Comparable {
        case integer(Int64)
        case number(Double)
        /// Date and time parts: [day number, seconds of day, 100 ns fraction].
        case moment([Int])
        case text([UInt32])

        static func < (a: Key, b: Key) -> Bool {
            switch (a, b) {
            case (.integer(let x), .integer(let y)): return x < y
            case (.number(let x), .number(let y)): return x < y
            case (.moment(let x), .moment(let y)): return x.lexicographicallyPrecedes(y)
            case (.text(let x), .text(let y)): return x.lexicographicallyPrecedes(y)
            default: return false
            }
        }
    }

    /// One child partition: its name and `FOR VALUES FROM (…) TO (…)` bounds.
    struct Child: Hashable {
        var name: String
        var from: String
        var to: String
    }

    /// The comparable key of a boundary literal of `pf`.
    static func key(_ literal: Literal, pf: PartitionFunction, path: String) throws -> Key {
        func bad() -> RenderError {
            RenderError(path, "boundary \(literal.displayText) does not parse as \(pf.inputType)")
        }
        switch (pf.inputType.family, literal) {
        case (.integer, .int(let v)): return .integer(v)
        case (.exactNumeric, .int(let v)), (.approximateNumeric, .int(let v)): return .number(Double(v))
        case (.exactNumeric, .decimal(let s)), (.approximateNumeric, .decimal(let s)):
            guard let d = Double(s) else { throw bad() }
            return .number(d)
        case (.date, .string(let s, _)):
            guard let d = CivilDate(iso: s) else { throw bad() }
            return .moment([d.dayNumber, 0, 0])
        case (.timestamp, .string(let s, _)), (.timestampWithOffset, .string(let s, _)):
            guard let parts = parseDateTime(s) else { throw bad() }
            return .moment(parts)
        case (.text, .string(let s, _)):
            return .text(s.unicodeScalars.map(\.value))
        default:
            throw RenderError(path, "boundary \(literal.displayText) of a \(pf.inputType) partition function cannot be mapped; PostgreSQL range partitions here support integer, numeric, date, datetime2, datetimeoffset and character types")
        }
    }

    /// `YYYY-MM-DD[( |T)hh:mm[:ss[.fffffff]]]` → [day, seconds, fraction in 100 ns].
    static func parseDateTime(_ s: String) -> [Int]? {
        guard let d = CivilDate(iso: String(s.prefix(10))) else { return nil }
        var rest = s.dropFirst(10)
        if rest.isEmpty { return [d.dayNumber, 0, 0] }
        guard rest.first == "T" || rest.first == " " else { return nil }
        rest = rest.dropFirst()
        let fields = rest.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(fields.count), let h = Int(fields[0]), let m = Int(fields[1]),
              (0...23).contains(h), (0...59).contains(m) else { return nil }
        var seconds = 0, fraction = 0
        if fields.count == 3 {
            let secParts = fields[2].split(separator: ".", omittingEmptySubsequences: false)
            guard let sec = Int(secParts[0]), (0...59).contains(sec), secParts.count <= 2 else { return nil }
            seconds = sec
            if secParts.count == 2 {
                let digits = secParts[1]
                guard (1...7).contains(digits.count), let f = Int(digits) else { return nil }
                fraction = f * (0..<(7 - digits.count)).reduce(1) { r, _ in r * 10 }
            }
        }
        return [d.dayNumber, h * 3600 + m * 60 + seconds, fraction]
    }

    // MARK: Bounds and names

    /// A boundary as PostgreSQL's lower bound of the range starting there:
    /// the literal itself for RANGE RIGHT, the integer plus one for RANGE LEFT.
    /// Returns the SQL text and the child-name suffix.
    static func lowerBound(_ literal: Literal, pf: PartitionFunction, path: String) throws -> (sql: String, suffix: String) {
        if case .null = literal { throw RenderError(path, "has a NULL boundary; boundaries must be constants") }
        _ = try key(literal, pf: pf, path: path)
        if pf.range == .left {
            guard pf.inputType.family == .integer, case .int(let v) = literal else {
                throw RenderError(path, "is RANGE LEFT on \(pf.inputType); PostgreSQL ranges include their lower bound (like RANGE RIGHT), and only integer bounds can be shifted by one; declare the function RANGE RIGHT")
            }
            let (shifted, overflow) = v.addingReportingOverflow(1)
            if overflow { throw RenderError(path, "boundary \(v) cannot be shifted by one for RANGE LEFT") }
            return (String(shifted), integerSuffix(shifted))
        }
        let sql = try ExpressionRenderer.literal(literal, path: path)
        switch literal {
        case .int(let v): return (sql, integerSuffix(v))
        case .decimal(let s): return (sql, s.replacingOccurrences(of: "-", with: "m").replacingOccurrences(of: "+", with: "").replacingOccurrences(of: ".", with: "_"))
        case .string(let s, _):
            switch pf.inputType.family {
            case .date, .timestamp, .timestampWithOffset:
                return (sql, try momentSuffix(s, path: path))
            default:
                let cleaned = String(s.lowercased().unicodeScalars.map { scalar -> Character in
                    scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)) ? Character(scalar) : "_"
                })
                return (sql, cleaned.isEmpty ? "empty" : cleaned)
            }
        case .null, .bool:
            throw RenderError(path, "boundary \(literal.displayText) cannot be a partition bound")
        }
    }

    private static func integerSuffix(_ v: Int64) -> String {
        v < 0 ? "m" + String(v.magnitude) : String(v)
    }

    /// `20261001` for midnight, `20261001_063000` otherwise (plus fraction digits).
    private static func momentSuffix(_ s: String, path: String) throws -> String {
        guard let parts = parseDateTime(s) else { throw RenderError(path, "boundary '\(s)' is not a date or date-time") }
        let date = CivilDate(dayNumber: parts[0])
        func pad(_ v: Int, _ w: Int) -> String {
            let t = String(v)
            return String(repeating: "0", count: max(0, w - t.count)) + t
        }
        var suffix = pad(date.year, 4) + pad(date.month, 2) + pad(date.day, 2)
        if parts[1] != 0 || parts[2] != 0 {
            suffix += "_" + pad(parts[1] / 3600, 2) + pad(parts[1] / 60 % 60, 2) + pad(parts[1] % 60, 2)
            if parts[2] != 0 { suffix += pad(parts[2], 7) }
        }
        return suffix
    }

    /// The children of `table` for `boundaries` (ascending), lowest first.
    static func children(table: String, pf: PartitionFunction, boundaries: [Literal], path: String) throws -> [Child] {
        let bounds = try boundaries.map { try lowerBound($0, pf: pf, path: "partition function \(pf.name)") }
        var result: [Child] = []
        var lower = (sql: "MINVALUE", name: table + "_pmin")
        for b in bounds {
            result.append(Child(name: lower.name, from: lower.sql, to: b.sql))
            lower = (b.sql, table + "_p" + b.suffix)
        }
        result.append(Child(name: lower.name, from: lower.sql, to: "MAXVALUE"))
        var seen: Set<String> = []
        for child in result {
            try PGSQL.checkLength(child.name, path: path, what: "partition")
            guard seen.insert(child.name).inserted else {
                throw RenderError(path, "two partitions would both be named '\(child.name)'; boundaries must differ in their name-relevant part (date, number or letters)")
            }
        }
        return result
    }

    /// `CREATE TABLE "s"."t_p…" PARTITION OF "s"."t" FOR VALUES FROM (…) TO (…);`
    static func createChild(_ parent: QualifiedName, _ child: Child) -> String {
        "CREATE TABLE \(PGSQL.qualified(QualifiedName(parent.schema, child.name))) PARTITION OF \(PGSQL.qualified(parent)) FOR VALUES FROM (\(child.from)) TO (\(child.to));"
    }

    // MARK: Partition functions and schemes (no PostgreSQL objects)

    /// Checks the function can be mapped (so a bad one fails at creation, not
    /// at its first table) and notes that it has no PostgreSQL object.
    static func createFunction(_ pf: PartitionFunction) throws -> Rendered {
        let path = "partition function \(pf.name)"
        guard !pf.boundaryValues.isEmpty else {
            throw RenderError(path, "has no boundary values (a window that does not parse, or an empty list); give it at least one boundary")
        }
        _ = try children(table: "t", pf: pf, boundaries: pf.boundaryValues, path: path)
        return Rendered(comment: "create partition function \(pf.name)", notes: [
            Note(.partitionFunction, "partition function \(pf.name) (RANGE \(pf.range.rawValue), \(pf.boundaryValues.count) boundaries)"),
        ])
    }

    static func createScheme(_ ps: PartitionScheme) -> Rendered {
        Rendered(comment: "create partition scheme \(ps.name)", notes: [
            Note(.partitionScheme, "partition scheme \(ps.name) on \(ps.function) (filegroups \(ps.filegroups.joined(separator: ", ")))"),
        ])
    }

    // MARK: SPLIT and MERGE

    /// Splits, in every table on `function`, the partition holding `boundary`
    /// into two: detach it, rename it aside, create the two new partitions,
    /// move its rows back through the parent, drop it.
    static func split(function: String, boundary: Literal, state: PlanState) throws -> Rendered {
        let path = "partition function \(function)"
        let comment = "split partition function \(function) at \(boundary.displayText)"
        guard let pf = state.partitionFunctions[function] else {
            throw RenderError(path, "is not in the plan's models, so its type and boundaries are unknown; declare it")
        }
        let current = state.boundaries[function] ?? []
        let key = try key(boundary, pf: pf, path: path)
        let keys = try current.map { try self.key($0, pf: pf, path: path) }
        if keys.contains(key) { throw RenderError(path, "already has boundary \(boundary.displayText); SPLIT needs a new one") }
        let tables = state.tables(onFunction: function)
        guard !tables.isEmpty else {
            return Rendered(comment: comment, notes: [
                Note(.partitionFunction, "SPLIT RANGE (\(boundary.displayText)) of \(function): no table is on it yet"),
            ])
        }
        var after = current
        after.insert(boundary, at: keys.firstIndex { key < $0 } ?? current.count)
        var statements: [String] = []
        for (q, table) in tables {
            let before = try children(table: q.name, pf: pf, boundaries: current, path: q.description)
            let now = try children(table: q.name, pf: pf, boundaries: after, path: q.description)
            let old = Set(before), new = Set(now)
            // The one child that goes away, and the two that replace it.
            let removed = before.filter { !new.contains($0) }
            let added = now.filter { !old.contains($0) }
            statements += try rebuild(q, table: table, removed: removed, added: added, state: state, aside: "split")
        }
        return Rendered(comment: comment, statements: statements)
    }

    /// Merges, in every table on `function`, the two partitions on either side
    /// of `boundary` into one.
    static func merge(function: String, boundary: Literal, state: PlanState) throws -> Rendered {
        let path = "partition function \(function)"
        let comment = "merge partition function \(function) at \(boundary.displayText)"
        guard let pf = state.partitionFunctions[function] else {
            throw RenderError(path, "is not in the plan's models, so its type and boundaries are unknown; declare it")
        }
        let current = state.boundaries[function] ?? []
        let key = try key(boundary, pf: pf, path: path)
        let keys = try current.map { try self.key($0, pf: pf, path: path) }
        guard let index = keys.firstIndex(of: key) else {
            throw RenderError(path, "has no boundary \(boundary.displayText) to merge")
        }
        let tables = state.tables(onFunction: function)
        guard !tables.isEmpty else {
            return Rendered(comment: comment, notes: [
                Note(.partitionFunction, "MERGE RANGE (\(boundary.displayText)) of \(function): no table is on it"),
            ])
        }
        var after = current
        after.remove(at: index)
        var statements: [String] = []
        for (q, table) in tables {
            let before = try children(table: q.name, pf: pf, boundaries: current, path: q.description)
            let now = try children(table: q.name, pf: pf, boundaries: after, path: q.description)
            let old = Set(before), new = Set(now)
            statements += try rebuild(q, table: table, removed: before.filter { !new.contains($0) },
                                      added: now.filter { !old.contains($0) }, state: state, aside: "merge")
        }
        return Rendered(comment: comment, statements: statements)
    }

    /// Replaces `removed` children of `q` by `added` ones, keeping every row:
    ///
    ///     ALTER TABLE "s"."t" DETACH PARTITION "s"."t_p20261001";
    ///     ALTER TABLE "s"."t_p20261001" RENAME TO "t_p20261001_split";
    ///     CREATE TABLE "s"."t_p20261001" PARTITION OF "s"."t" FOR VALUES FROM (…) TO (…);
    ///     CREATE TABLE "s"."t_p20261002" PARTITION OF "s"."t" FOR VALUES FROM (…) TO (…);
    ///     INSERT INTO "s"."t" ("a", "b") SELECT "a", "b" FROM "s"."t_p20261001_split";
    ///     DROP TABLE "s"."t_p20261001_split";
    ///
    /// Rows go back through the parent, which routes them. When row-level
    /// security is forced on the table, the migration's owner would be subject
    /// to it while moving rows, so it is lifted (NO FORCE) around the move.
    private static func rebuild(_ q: QualifiedName, table: Table, removed: [Child], added: [Child], state: PlanState, aside: String) throws -> [String] {
        let parent = PGSQL.qualified(q)
        var statements: [String] = []
        var asideNames: [QualifiedName] = []
        for child in removed {
            let name = QualifiedName(q.schema, child.name)
            let moved = child.name + "_" + aside
            try PGSQL.checkLength(moved, path: q.description, what: "set-aside partition")
            statements.append("ALTER TABLE \(parent) DETACH PARTITION \(PGSQL.qualified(name));")
            statements.append("ALTER TABLE \(PGSQL.qualified(name)) RENAME TO \(PGSQL.quote(moved));")
            asideNames.append(QualifiedName(q.schema, moved))
        }
        for child in added { statements.append(createChild(q, child)) }
        // Generated columns are computed again, so they are not copied.
        let columns = PGSQL.columnList(table.columns.filter { $0.computed == nil }.map(\.name))
        let forced = state.rowSecurityEnabled(q)
        if forced { statements.append("ALTER TABLE \(parent) NO FORCE ROW LEVEL SECURITY;") }
        for name in asideNames {
            statements.append("INSERT INTO \(parent) (\(columns)) SELECT \(columns) FROM \(PGSQL.qualified(name));")
        }
        if forced { statements.append("ALTER TABLE \(parent) FORCE ROW LEVEL SECURITY;") }
        for name in asideNames { statements.append("DROP TABLE \(PGSQL.qualified(name));") }
        return statements
    }

    /// Renames the children of a partitioned table along with it.
    static func renameChildren(_ from: QualifiedName, to newName: String, table: Table, state: PlanState) throws -> [String] {
        guard let pf = state.partitionFunction(of: table) else { return [] }
        let boundaries = state.boundaries[pf.name] ?? []
        let old = try children(table: from.name, pf: pf, boundaries: boundaries, path: from.description)
        let new = try children(table: newName, pf: pf, boundaries: boundaries, path: "\(from.schema).\(newName)")
        return zip(old, new).map { o, n in
            "ALTER TABLE \(PGSQL.qualified(QualifiedName(from.schema, o.name))) RENAME TO \(PGSQL.quote(n.name));"
        }
    }
}
