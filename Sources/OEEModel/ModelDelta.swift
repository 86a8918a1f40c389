/// The model change of one migration version: the objects it added, replaced
/// or removed, each added or replaced one as its full JSON. The full model at
/// a version is the previous version's with this delta applied (``apply(to:)``),
/// so a migrations folder grows with the changes, not with versions × model.
///
///     {
///       "added" : { "tables" : [ { "after" : "site", "object" : { "name" : "shift", … }, "schema" : "ref" } ] },
///       "format" : "oeedb.delta/1",
///       "previous" : "V0001__baseline",
///       "removed" : { "tables" : [ { "name" : "old_codes", "schema" : "ref" } ] },
///       "replaced" : { "tables" : [ { "object" : { "name" : "site", … }, "schema" : "ref" } ] }
///     }
///
/// Replay rules (deterministic): removals first (a removed schema goes with
/// everything in it), then replacements in place, then additions, each
/// inserted right after its `after` sibling (first when absent). A delta that
/// cannot reproduce its target exactly is never written (``between(_:_:previous:)``
/// returns nil and the writer keeps a full snapshot instead).
public struct ModelDelta: Hashable, Sendable, Codable {
    public static let currentFormat = "oeedb.delta/1"

    public var format: String
    /// The stem of the version this delta applies to (`V0001__baseline`).
    public var previous: String
    /// The database's own name and description, when they changed.
    public var database: Header?
    public var added: Objects?
    public var replaced: Objects?
    public var removed: Removals?

    public init(previous: String) {
        self.format = ModelDelta.currentFormat
        self.previous = previous
    }

    /// A name and description: a database's or a schema's own fields (a
    /// schema's objects are listed separately).
    public struct Header: Hashable, Sendable, Codable {
        public var name: String
        public var description: String?
    }

    /// One added or replaced object; `schema` for schema-scoped kinds,
    /// `after` (additions only) the sibling it follows.
    public struct Entry<Object: Hashable & Sendable & Codable>: Hashable, Sendable, Codable {
        public var schema: String?
        public var after: String?
        public var object: Object
    }

    public struct Objects: Hashable, Sendable, Codable {
        public var schemas: [Entry<Header>]?
        public var tables: [Entry<Table>]?
        public var functions: [Entry<InlineFunction>]?
        public var securityPolicies: [Entry<SecurityPolicy>]?
        public var partitionFunctions: [Entry<PartitionFunction>]?
        public var partitionSchemes: [Entry<PartitionScheme>]?

        var isEmpty: Bool {
            [schemas?.count, tables?.count, functions?.count, securityPolicies?.count, partitionFunctions?.count, partitionSchemes?.count]
                .allSatisfy { ($0 ?? 0) == 0 }
        }
    }

    /// A removed object: its schema (schema-scoped kinds) and name.
    public struct Removal: Hashable, Sendable, Codable {
        public var schema: String?
        public var name: String
    }

    public struct Removals: Hashable, Sendable, Codable {
        public var schemas: [Removal]?
        public var tables: [Removal]?
        public var functions: [Removal]?
        public var securityPolicies: [Removal]?
        public var partitionFunctions: [Removal]?
        public var partitionSchemes: [Removal]?

        var isEmpty: Bool {
            [schemas?.count, tables?.count, functions?.count, securityPolicies?.count, partitionFunctions?.count, partitionSchemes?.count]
                .allSatisfy { ($0 ?? 0) == 0 }
        }
    }

    /// Nothing changes (a hand-written migration's delta).
    public var isEmpty: Bool {
        database == nil && (added?.isEmpty ?? true) && (replaced?.isEmpty ?? true) && (removed?.isEmpty ?? true)
    }

    /// The tables this delta touches in `previous`'s successor: added,
    /// replaced, removed, and those of removed schemas.
    public func touchedTables(previous: Database) -> [QualifiedName] {
        var names: [QualifiedName] = []
        for e in added?.tables ?? [] { names.append(QualifiedName(e.schema ?? "", e.object.name)) }
        for e in replaced?.tables ?? [] { names.append(QualifiedName(e.schema ?? "", e.object.name)) }
        for r in removed?.tables ?? [] { names.append(QualifiedName(r.schema ?? "", r.name)) }
        for r in removed?.schemas ?? [] {
            for t in previous.schema(named: r.name)?.tables ?? [] { names.append(QualifiedName(r.name, t.name)) }
        }
        var seen = Set<QualifiedName>()
        return names.filter { seen.insert($0).inserted }
    }
}

/// Why a delta does not apply to the model before it; names the object.
public struct ModelDeltaError: Error, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

// MARK: - Building

extension ModelDelta {
    /// The delta from `from` to `to`, or nil when replaying it would not give
    /// `to` exactly (objects reordered, duplicate names): then a full snapshot
    /// is written instead.
    public static func between(_ from: Database, _ to: Database, previous: String) -> ModelDelta? {
        var delta = ModelDelta(previous: previous)
        var added = Objects(), replaced = Objects(), removed = Removals()
        if from.name != to.name || from.description != to.description {
            delta.database = Header(name: to.name, description: to.description)
        }
        let fromSchemas = Dictionary(from.schemas.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let toNames = Set(to.schemas.map(\.name))
        removed.schemas = from.schemas.filter { !toNames.contains($0.name) }.map { Removal(name: $0.name) }
        var previousSchema: String?
        var schemaAdds: [Entry<Header>] = [], schemaReplaces: [Entry<Header>] = []
        var tables = ([Entry<Table>](), [Entry<Table>](), [Removal]())
        var functions = ([Entry<InlineFunction>](), [Entry<InlineFunction>](), [Removal]())
        var policies = ([Entry<SecurityPolicy>](), [Entry<SecurityPolicy>](), [Removal]())
        for s in to.schemas {
            let header = Header(name: s.name, description: s.description)
            let old = fromSchemas[s.name]
            if let old {
                if old.description != s.description { schemaReplaces.append(Entry(object: header)) }
            } else {
                schemaAdds.append(Entry(after: previousSchema, object: header))
            }
            previousSchema = s.name
            changes(old?.tables ?? [], s.tables, schema: s.name, name: \.name, into: &tables)
            changes(old?.functions ?? [], s.functions, schema: s.name, name: \.name, into: &functions)
            changes(old?.securityPolicies ?? [], s.securityPolicies, schema: s.name, name: \.name, into: &policies)
        }
        var pfs = ([Entry<PartitionFunction>](), [Entry<PartitionFunction>](), [Removal]())
        var pss = ([Entry<PartitionScheme>](), [Entry<PartitionScheme>](), [Removal]())
        changes(from.partitionFunctions, to.partitionFunctions, schema: nil, name: \.name, into: &pfs)
        changes(from.partitionSchemes, to.partitionSchemes, schema: nil, name: \.name, into: &pss)
        added.schemas = schemaAdds
        replaced.schemas = schemaReplaces
        (added.tables, replaced.tables, removed.tables) = tables
        (added.functions, replaced.functions, removed.functions) = functions
        (added.securityPolicies, replaced.securityPolicies, removed.securityPolicies) = policies
        (added.partitionFunctions, replaced.partitionFunctions, removed.partitionFunctions) = pfs
        (added.partitionSchemes, replaced.partitionSchemes, removed.partitionSchemes) = pss
        delta.added = added.compacted
        delta.replaced = replaced.compacted
        delta.removed = removed.compacted
        // The guarantee: replaying gives the target exactly, or no delta.
        guard let replayed = try? delta.apply(to: from), replayed == to else { return nil }
        return delta
    }

    /// Removed, replaced (in place) and added (after their predecessor) objects of one list.
    private static func changes<T: Hashable & Sendable & Codable>(
        _ old: [T], _ new: [T], schema: String?, name: KeyPath<T, String>,
        into result: inout ([Entry<T>], [Entry<T>], [Removal])
    ) {
        let before = Dictionary(old.map { ($0[keyPath: name], $0) }, uniquingKeysWith: { a, _ in a })
        let after = Set(new.map { $0[keyPath: name] })
        for o in old where !after.contains(o[keyPath: name]) { result.2.append(Removal(schema: schema, name: o[keyPath: name])) }
        var predecessor: String?
        for n in new {
            let key = n[keyPath: name]
            if let o = before[key] {
                if o != n { result.1.append(Entry(schema: schema, object: n)) }
            } else {
                result.0.append(Entry(schema: schema, after: predecessor, object: n))
            }
            predecessor = key
        }
    }
}

extension ModelDelta.Objects {
    /// Empty lists left out, so the file shows only what changed.
    var compacted: Self? {
        var c = self
        if c.schemas?.isEmpty == true { c.schemas = nil }
        if c.tables?.isEmpty == true { c.tables = nil }
        if c.functions?.isEmpty == true { c.functions = nil }
        if c.securityPolicies?.isEmpty == true { c.securityPolicies = nil }
        if c.partitionFunctions?.isEmpty == true { c.partitionFunctions = nil }
        if c.partitionSchemes?.isEmpty == true { c.partitionSchemes = nil }
        return c.isEmpty ? nil : c
    }
}

extension ModelDelta.Removals {
    var compacted: Self? {
        var c = self
        if c.schemas?.isEmpty == true { c.schemas = nil }
        if c.tables?.isEmpty == true { c.tables = nil }
        if c.functions?.isEmpty == true { c.functions = nil }
        if c.securityPolicies?.isEmpty == true { c.securityPolicies = nil }
        if c.partitionFunctions?.isEmpty == true { c.partitionFunctions = nil }
        if c.partitionSchemes?.isEmpty == true { c.partitionSchemes = nil }
        return c.isEmpty ? nil : c
    }
}

// MARK: - Replaying

extension ModelDelta {
    /// `previous` with this delta applied. Throws, naming the object, when it
    /// does not fit: removing or replacing what is not there, adding what is,
    /// placing after a sibling that does not exist.
    public func apply(to previous: Database) throws -> Database {
        var db = previous
        if let h = database {
            db.name = h.name
            db.description = h.description
        }
        // Removals.
        if let r = removed {
            try Self.remove(r.tables, kind: "table", from: &db, \.tables)
            try Self.remove(r.functions, kind: "function", from: &db, \.functions)
            try Self.remove(r.securityPolicies, kind: "security policy", from: &db, \.securityPolicies)
            for x in r.partitionFunctions ?? [] {
                try Self.removeOne(x.name, kind: "partition function", from: &db.partitionFunctions)
            }
            for x in r.partitionSchemes ?? [] {
                try Self.removeOne(x.name, kind: "partition scheme", from: &db.partitionSchemes)
            }
            for x in r.schemas ?? [] {
                guard let i = db.schemas.firstIndex(where: { $0.name == x.name }) else {
                    throw ModelDeltaError("removes schema \(x.name), which the previous version does not have")
                }
                db.schemas.remove(at: i)
            }
        }
        // Replacements, in place.
        if let r = replaced {
            for e in r.schemas ?? [] {
                try Self.refuseAfter(e, kind: "schema", name: e.object.name)
                guard let i = db.schemas.firstIndex(where: { $0.name == e.object.name }) else {
                    throw ModelDeltaError("replaces schema \(e.object.name), which the previous version does not have")
                }
                db.schemas[i].description = e.object.description
            }
            try Self.replace(r.tables, kind: "table", in: &db, \.tables)
            try Self.replace(r.functions, kind: "function", in: &db, \.functions)
            try Self.replace(r.securityPolicies, kind: "security policy", in: &db, \.securityPolicies)
            for e in r.partitionFunctions ?? [] {
                try Self.refuseAfter(e, kind: "partition function", name: e.object.name)
                try Self.replaceOne(e.object, kind: "partition function", in: &db.partitionFunctions)
            }
            for e in r.partitionSchemes ?? [] {
                try Self.refuseAfter(e, kind: "partition scheme", name: e.object.name)
                try Self.replaceOne(e.object, kind: "partition scheme", in: &db.partitionSchemes)
            }
        }
        // Additions, each after its sibling.
        if let a = added {
            for e in a.schemas ?? [] {
                guard !db.schemas.contains(where: { $0.name == e.object.name }) else {
                    throw ModelDeltaError("adds schema \(e.object.name), which the previous version already has")
                }
                let at = try Self.position(after: e.after, in: db.schemas.map(\.name), kind: "schema", name: e.object.name)
                db.schemas.insert(Schema(name: e.object.name, description: e.object.description), at: at)
            }
            try Self.add(a.tables, kind: "table", to: &db, \.tables)
            try Self.add(a.functions, kind: "function", to: &db, \.functions)
            try Self.add(a.securityPolicies, kind: "security policy", to: &db, \.securityPolicies)
            for e in a.partitionFunctions ?? [] {
                try Self.addOne(e.object, after: e.after, kind: "partition function", to: &db.partitionFunctions)
            }
            for e in a.partitionSchemes ?? [] {
                try Self.addOne(e.object, after: e.after, kind: "partition scheme", to: &db.partitionSchemes)
            }
        }
        return db
    }
}

/// A model object a delta finds by name within its list.
protocol DeltaObject: Hashable, Sendable, Codable {
    var name: String { get }
}

extension Table: DeltaObject {}
extension InlineFunction: DeltaObject {}
extension SecurityPolicy: DeltaObject {}
extension PartitionFunction: DeltaObject {}
extension PartitionScheme: DeltaObject {}

extension ModelDelta {
    private static func where_(_ schema: String?) -> String { schema.map { " in schema \($0)" } ?? "" }

    private static func schemaIndex(_ schema: String?, kind: String, name: String, in db: Database) throws -> Int {
        guard let schema, let i = db.schemas.firstIndex(where: { $0.name == schema }) else {
            throw ModelDeltaError("places \(kind) \(name) in schema \(schema ?? "(none given)"), which the model does not have")
        }
        return i
    }

    private static func refuseAfter<T>(_ e: Entry<T>, kind: String, name: String) throws {
        if let after = e.after {
            throw ModelDeltaError("replaces \(kind) \(name) with 'after' : \"\(after)\"; only an added object has a position")
        }
    }

    private static func position(after: String?, in names: [String], kind: String, name: String) throws -> Int {
        guard let after else { return 0 }
        guard let i = names.firstIndex(of: after) else {
            throw ModelDeltaError("adds \(kind) \(name) after \(after), which is not there")
        }
        return i + 1
    }

    private static func removeOne<T: DeltaObject>(_ name: String, kind: String, from list: inout [T]) throws {
        guard let i = list.firstIndex(where: { $0.name == name }) else {
            throw ModelDeltaError("removes \(kind) \(name), which the previous version does not have")
        }
        list.remove(at: i)
    }

    private static func replaceOne<T: DeltaObject>(_ object: T, kind: String, in list: inout [T]) throws {
        guard let i = list.firstIndex(where: { $0.name == object.name }) else {
            throw ModelDeltaError("replaces \(kind) \(object.name), which the previous version does not have")
        }
        list[i] = object
    }

    private static func addOne<T: DeltaObject>(_ object: T, after: String?, kind: String, to list: inout [T]) throws {
        guard !list.contains(where: { $0.name == object.name }) else {
            throw ModelDeltaError("adds \(kind) \(object.name), which the previous version already has")
        }
        list.insert(object, at: try position(after: after, in: list.map(\.name), kind: kind, name: object.name))
    }

    private static func remove<T: DeltaObject>(_ removals: [Removal]?, kind: String, from db: inout Database, _ path: WritableKeyPath<Schema, [T]>) throws {
        for r in removals ?? [] {
            let s = try schemaIndex(r.schema, kind: kind, name: r.name, in: db)
            do { try removeOne(r.name, kind: kind, from: &db.schemas[s][keyPath: path]) } catch let e as ModelDeltaError {
                throw ModelDeltaError(e.message + where_(r.schema))
            }
        }
    }

    private static func replace<T: DeltaObject>(_ entries: [Entry<T>]?, kind: String, in db: inout Database, _ path: WritableKeyPath<Schema, [T]>) throws {
        for e in entries ?? [] {
            try refuseAfter(e, kind: kind, name: e.object.name)
            let s = try schemaIndex(e.schema, kind: kind, name: e.object.name, in: db)
            do { try replaceOne(e.object, kind: kind, in: &db.schemas[s][keyPath: path]) } catch let err as ModelDeltaError {
                throw ModelDeltaError(err.message + where_(e.schema))
            }
        }
    }

    private static func add<T: DeltaObject>(_ entries: [Entry<T>]?, kind: String, to db: inout Database, _ path: WritableKeyPath<Schema, [T]>) throws {
        for e in entries ?? [] {
            let s = try schemaIndex(e.schema, kind: kind, name: e.object.name, in: db)
            do { try addOne(e.object, after: e.after, kind: kind, to: &db.schemas[s][keyPath: path]) } catch let err as ModelDeltaError {
                throw ModelDeltaError(err.message + where_(e.schema))
            }
        }
    }
}
