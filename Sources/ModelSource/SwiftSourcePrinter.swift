import OEEModel

/// A model as Swift DSL source that builds exactly that model, laid out like
/// oeedb's own `schema/`: one file holding the database-scoped objects
/// (partition functions and schemes) and the schema list, and one file per
/// schema with a `static var` per schema and table.
///
/// Pure and deterministic: the same model gives the same bytes (no dates, no
/// machine names). Every name and text is a Swift string literal
/// (``SwiftLiteral/string(_:)``); identifiers are derived from the names and
/// made unique, never spliced from them.
///
///     let files = SwiftSourcePrinter(typeName: "PlantdbSchema").files(for: database)
///     // PlantdbSchema.swift, PlantdbSchema+Ref.swift, …
public struct SwiftSourcePrinter: Sendable {
    /// The public enum holding `static let database`, e.g. `PlantdbSchema`.
    public var typeName: String
    /// A line for the top of every file (e.g. where the source came from); nil for none.
    public var header: String?

    public init(typeName: String, header: String? = nil) {
        self.typeName = typeName
        self.header = header
    }

    /// One generated file.
    public struct File: Hashable, Sendable {
        public var name: String
        public var contents: String
    }

    /// The files, the database file first, then one per schema in model order.
    public func files(for db: Database) -> [File] {
        var pool = IdentifierPool()
        var fileNames: Set<String> = [typeName]
        let schemaVars = db.schemas.map { pool.claim($0.name, suffix: "Schema", fallback: "schema") }
        var tableVars: [[String]] = []
        for s in db.schemas { tableVars.append(s.tables.map { pool.claim($0.name, suffix: "Table", fallback: "table") }) }

        var files = [File(name: typeName + ".swift", contents: databaseFile(db, schemaVars: schemaVars))]
        for (i, schema) in db.schemas.enumerated() {
            var stem = typeName + "+" + (SwiftLiteral.pascalCase(schema.name).isEmpty ? "Schema" : SwiftLiteral.pascalCase(schema.name))
            var n = 2
            while fileNames.contains(stem.lowercased()) { stem = typeName + "+" + SwiftLiteral.pascalCase(schema.name) + String(n); n += 1 }
            fileNames.insert(stem.lowercased())
            files.append(File(name: stem + ".swift", contents: schemaFile(schema, variable: schemaVars[i], tableVars: tableVars[i])))
        }
        return files
    }

    private var preamble: String {
        (header.map { "// \($0.replacingOccurrences(of: "\n", with: " "))\n" } ?? "") + "import OEEDSL\n\n"
    }

    // MARK: Database

    func databaseFile(_ db: Database, schemaVars: [String]) -> String {
        var body: [String] = []
        for f in db.partitionFunctions { body.append(partitionFunction(f)) }
        for s in db.partitionSchemes { body.append(partitionScheme(s)) }
        if !body.isEmpty && !schemaVars.isEmpty { body.append("") }
        body += schemaVars
        var out = preamble
        out += "/// The `\(db.name.replacingOccurrences(of: "`", with: "'"))` database. Each schema lives in its own file\n"
        out += "/// (`\(typeName)+<Schema>.swift`); this file holds the database-scoped\n"
        out += "/// objects (partition functions and schemes) and the schema list.\n"
        out += "public enum \(typeName) {\n"
        out += "    public static let database: Database = Database(\n"
        out += "        " + ([SwiftLiteral.string(db.name)] + (db.description.map { [SwiftLiteral.string($0)] } ?? [])).joined(separator: ",\n        ") + "\n"
        out += "    ) {\n"
        out += indent(body.joined(separator: "\n"), 8)
        out += "    }\n}\n"
        return out
    }

    func partitionFunction(_ f: PartitionFunction) -> String {
        let boundaries: String
        switch f.boundaries {
        case .window(let start, let unit, let count):
            boundaries = ".\(unit == .day ? "days" : "months")(from: \(SwiftLiteral.string(start)), count: \(count))"
        case .values(let values):
            boundaries = ".values([" + values.map(ExpressionSource.modelLiteral).joined(separator: ", ") + "])"
        }
        var text = "PartitionFunction(\n    \(SwiftLiteral.string(f.name)), \(TypeSource.text(f.inputType)), .\(f.range == .left ? "left" : "right"), \(boundaries)"
        if let d = f.description { text += ",\n    \(SwiftLiteral.string(d))" }
        text += ")"
        if let r = f.rolling {
            let expire: String
            switch r.expiry {
            case .truncate: expire = ".truncate"
            case .keep: expire = ".keep"
            case .switch(let to): expire = ".switch(to: \(SwiftLiteral.string(to)))"
            }
            text += "\n    .rolling(.\(r.unit.rawValue), ahead: \(r.ahead), retain: \(r.retain), expire: \(expire))"
        }
        return text
    }

    func partitionScheme(_ s: PartitionScheme) -> String {
        guard s.filegroups.count == 1 else {
            return "PartitionScheme(name: \(SwiftLiteral.string(s.name)), function: \(SwiftLiteral.string(s.function)), filegroups: ["
                + s.filegroups.map(SwiftLiteral.string).joined(separator: ", ") + "], description: \(s.description.map(SwiftLiteral.string) ?? "nil"))"
        }
        var args = [SwiftLiteral.string(s.name), "function: \(SwiftLiteral.string(s.function))"]
        if s.filegroups[0] != "PRIMARY" { args.append("allTo: \(SwiftLiteral.string(s.filegroups[0]))") }
        var text = "PartitionScheme(\n    " + args.joined(separator: ", ")
        if let d = s.description { text += ",\n    \(SwiftLiteral.string(d))" }
        return text + ")"
    }

    // MARK: Schemas

    func schemaFile(_ schema: Schema, variable: String, tableVars: [String]) -> String {
        var members: [String] = []
        var body = tableVars
        for f in schema.functions { body.append(function(f)) }
        for p in schema.securityPolicies { body.append(policy(p)) }
        let head = "Schema(" + ([SwiftLiteral.string(schema.name)] + (schema.description.map { [SwiftLiteral.string($0)] } ?? [])).joined(separator: ", ") + ")"
        members.append("static var \(variable): Schema {\n" + indent(head + " {\n" + indent(body.joined(separator: "\n"), 4) + "}", 4) + "}")
        for (i, table) in schema.tables.enumerated() {
            members.append("static var \(tableVars[i]): Table {\n" + indent(self.table(table), 4) + "}")
        }
        return preamble + "extension \(typeName) {\n" + members.map { indent($0, 4) }.joined(separator: "\n") + "}\n"
    }

    func function(_ f: InlineFunction) -> String {
        let params = "[" + f.parameters.map { ".init(\(SwiftLiteral.string($0.name)), \(TypeSource.text($0.type)))" }.joined(separator: ", ") + "]"
        guard f.isSchemaBound else {
            return "InlineFunction(\n    name: \(SwiftLiteral.string(f.name)), parameters: \(params), resultColumn: \(SwiftLiteral.string(f.resultColumn)),\n"
                + "    predicate: \(ExpressionSource.text(f.predicate)),\n    isSchemaBound: false, description: \(f.description.map(SwiftLiteral.string) ?? "nil"))"
        }
        var text = "InlineFunction(\n    \(SwiftLiteral.string(f.name)), parameters: \(params), returns: \(SwiftLiteral.string(f.resultColumn)),\n"
        text += "    where: \(ExpressionSource.text(f.predicate))"
        if let d = f.description { text += ",\n    \(SwiftLiteral.string(d))" }
        return text + ")"
    }

    func policy(_ p: SecurityPolicy) -> String {
        let predicates = p.predicates.map(predicate)
        guard p.isSchemaBound, p.maintenanceSession != [] else {
            // What the DSL's builder cannot say: the memberwise initializer.
            let session = p.maintenanceSession.map { "[" + $0.map { "SessionSetting(key: \(SwiftLiteral.string($0.key)), value: \(SwiftLiteral.string($0.value)))" }.joined(separator: ", ") + "]" } ?? "nil"
            return "SecurityPolicy(\n    name: \(SwiftLiteral.string(p.name)),\n    predicates: [\n" + indent(predicates.joined(separator: ",\n"), 8)
                + "    ],\n    isEnabled: \(p.isEnabled), isSchemaBound: \(p.isSchemaBound), description: \(p.description.map(SwiftLiteral.string) ?? "nil"),\n    maintenanceSession: \(session))"
        }
        var args = [SwiftLiteral.string(p.name)]
        if let d = p.description { args.append(SwiftLiteral.string(d)) }
        if !p.isEnabled { args.append("enabled: false") }
        var text = "SecurityPolicy(\n    " + args.joined(separator: ",\n    ") + "\n) {\n" + indent(predicates.joined(separator: "\n"), 4) + "}"
        for s in p.maintenanceSession ?? [] {
            text += "\n.maintenanceSession(\(SwiftLiteral.string(s.key)), \(SwiftLiteral.string(s.value)))"
        }
        return text
    }

    func predicate(_ p: SecurityPredicate) -> String {
        let args = p.arguments.map(SwiftLiteral.string)
        guard Self.parsesBack(p.function), Self.parsesBack(p.table) else {
            return "SecurityPredicate(kind: .\(Self.kindCase(p.kind)), function: \(qualified(p.function)), arguments: [\(args.joined(separator: ", "))], table: \(qualified(p.table)))"
        }
        if p.kind == .filter {
            return "SecurityPredicate.filter(" + ([SwiftLiteral.string(p.function.description)] + args + ["on: \(SwiftLiteral.string(p.table.description))"]).joined(separator: ", ") + ")"
        }
        return "SecurityPredicate.block(" + [".\(Self.kindCase(p.kind))", SwiftLiteral.string(p.function.description)].joined(separator: ", ")
            + (args.isEmpty ? "" : ", " + args.joined(separator: ", ")) + ", on: \(SwiftLiteral.string(p.table.description)))"
    }

    static func kindCase(_ k: SecurityPredicate.Kind) -> String {
        switch k {
        case .filter: return "filter"
        case .blockAfterInsert: return "blockAfterInsert"
        case .blockAfterUpdate: return "blockAfterUpdate"
        case .blockBeforeUpdate: return "blockBeforeUpdate"
        case .blockBeforeDelete: return "blockBeforeDelete"
        }
    }

    /// Whether `QualifiedName(parsing: "\(q)")` gives `q` back (no `.` in the schema).
    static func parsesBack(_ q: QualifiedName) -> Bool { !q.schema.contains(".") }

    func qualified(_ q: QualifiedName) -> String { "QualifiedName(\(SwiftLiteral.string(q.schema)), \(SwiftLiteral.string(q.name)))" }

    // MARK: Tables

    func table(_ t: Table) -> String {
        var lines: [String] = t.columns.map(column)
        if let pk = t.primaryKey { lines.append(primaryKey(pk)) }
        lines += t.uniqueConstraints.map(unique)
        lines += t.foreignKeys.map(foreignKey)
        lines += t.checks.map(check)
        lines += t.indexes.map(index)
        let head = "Table(" + ([SwiftLiteral.string(t.name)] + (t.description.map { [SwiftLiteral.string($0)] } ?? [])).joined(separator: ", ") + ")"
        var text = head + " {\n" + indent(lines.joined(separator: "\n"), 4) + "}"
        if let p = t.partitioning { text += "\n.partitioned(by: \(SwiftLiteral.string(p.partitionScheme)), on: \(SwiftLiteral.string(p.partitionColumn)))" }
        if let c = t.compression { text += "\n.compressed(.\(Self.compressionCase(c)))" }
        if let r = t.renamedFrom { text += "\n.renamed(from: \(SwiftLiteral.string(r)))" }
        return text
    }

    static func compressionCase(_ c: DataCompression) -> String {
        switch c {
        case .none: return "none"
        case .row: return "row"
        case .page: return "page"
        case .columnstore: return "columnstore"
        case .columnstoreArchive: return "columnstoreArchive"
        }
    }

    func column(_ c: Column) -> String {
        var text = "Column(" + ([SwiftLiteral.string(c.name), TypeSource.text(c.type)] + (c.description.map { [SwiftLiteral.string($0)] } ?? [])).joined(separator: ", ") + ")"
        if let id = c.identity {
            var args: [String] = []
            if id.seed != 1 { args.append("seed: \(id.seed)") }
            if id.increment != 1 { args.append("increment: \(id.increment)") }
            text += ".identity(\(args.joined(separator: ", ")))"
        }
        var modifiers: [String] = []
        if c.isNullable { modifiers.append(".nullable()") }
        if let d = c.defaultConstraint { modifiers.append(".default(\(SwiftLiteral.string(d.name)), \(ExpressionSource.text(d.expression)))") }
        if let comp = c.computed {
            modifiers.append(".computed(\(ExpressionSource.text(comp.expression))\(comp.isPersisted ? "" : ", persisted: false"))")
        }
        if let r = c.renamedFrom { modifiers.append(".renamed(from: \(SwiftLiteral.string(r)))") }
        return ([text] + modifiers.map { "    " + $0 }).joined(separator: "\n")
    }

    static func key(_ k: IndexKey) -> String {
        k.isDescending ? ".desc(\(SwiftLiteral.string(k.column)))" : SwiftLiteral.string(k.column)
    }

    func primaryKey(_ pk: PrimaryKey) -> String {
        if let d = pk.description {
            return "PrimaryKey(name: \(SwiftLiteral.string(pk.name)), columns: [\(pk.columns.map(Self.key).joined(separator: ", "))], isClustered: \(pk.isClustered), description: \(SwiftLiteral.string(d)))"
        }
        return "PrimaryKey(" + ([SwiftLiteral.string(pk.name)] + pk.columns.map(Self.key) + (pk.isClustered ? [] : ["clustered: false"])).joined(separator: ", ") + ")"
    }

    func unique(_ u: UniqueConstraint) -> String {
        if let d = u.description {
            return "Unique(name: \(SwiftLiteral.string(u.name)), columns: [\(u.columns.map(Self.key).joined(separator: ", "))], description: \(SwiftLiteral.string(d)))"
        }
        return "Unique(" + ([SwiftLiteral.string(u.name)] + u.columns.map(Self.key)).joined(separator: ", ") + ")"
    }

    static func action(_ a: ReferentialAction) -> String {
        switch a {
        case .noAction: return ".noAction"
        case .cascade: return ".cascade"
        case .setNull: return ".setNull"
        case .setDefault: return ".setDefault"
        }
    }

    func foreignKey(_ f: ForeignKey) -> String {
        var actions: [String] = []
        if f.onDelete != .noAction { actions.append("onDelete: \(Self.action(f.onDelete))") }
        if f.onUpdate != .noAction { actions.append("onUpdate: \(Self.action(f.onUpdate))") }
        let list = { (xs: [String]) in "[" + xs.map(SwiftLiteral.string).joined(separator: ", ") + "]" }
        guard f.description == nil, Self.parsesBack(f.referencedTable), !f.columns.isEmpty else {
            return "ForeignKey(\n    name: \(SwiftLiteral.string(f.name)), columns: \(list(f.columns)), referencedTable: \(qualified(f.referencedTable)),\n"
                + "    referencedColumns: \(list(f.referencedColumns)), onDelete: \(Self.action(f.onDelete)), onUpdate: \(Self.action(f.onUpdate)),\n"
                + "    description: \(f.description.map(SwiftLiteral.string) ?? "nil"))"
        }
        var args = [SwiftLiteral.string(f.name)]
        args.append(f.columns.count == 1 ? SwiftLiteral.string(f.columns[0]) : list(f.columns))
        args.append("references: \(SwiftLiteral.string(f.referencedTable.description))")
        if f.referencedColumns != f.columns {
            args.append(f.columns.count == 1 && f.referencedColumns.count == 1 ? SwiftLiteral.string(f.referencedColumns[0]) : list(f.referencedColumns))
        }
        return "ForeignKey(" + (args + actions).joined(separator: ", ") + ")"
    }

    func check(_ c: CheckConstraint) -> String {
        if let d = c.description {
            return "CheckConstraint(name: \(SwiftLiteral.string(c.name)), expression: \(ExpressionSource.text(c.expression)), description: \(SwiftLiteral.string(d)))"
        }
        return "Check(\(SwiftLiteral.string(c.name)), \(ExpressionSource.text(c.expression)))"
    }

    func index(_ i: Index) -> String {
        var text: String
        switch i.kind {
        case .clusteredColumnstore where i.keys.isEmpty && !i.isUnique:
            text = "Index.clusteredColumnstore(\(SwiftLiteral.string(i.name)))"
        case .nonclusteredColumnstore where !i.isUnique && !i.keys.isEmpty && i.keys.allSatisfy({ !$0.isDescending }):
            text = "Index.nonclusteredColumnstore(" + ([SwiftLiteral.string(i.name)] + i.keys.map { SwiftLiteral.string($0.column) }).joined(separator: ", ") + ")"
        case .clustered where !i.keys.isEmpty, .nonclustered where !i.keys.isEmpty:
            var args = [SwiftLiteral.string(i.name), "on: " + i.keys.map(Self.key).joined(separator: ", ")]
            if i.isUnique { args.append("unique: true") }
            if i.kind == .clustered { args.append("clustered: true") }
            text = "Index(" + args.joined(separator: ", ") + ")"
        default:
            text = "Index(name: \(SwiftLiteral.string(i.name)), kind: .\(Self.kindCase(i.kind)), isUnique: \(i.isUnique), keys: [\(i.keys.map(Self.key).joined(separator: ", "))])"
        }
        var modifiers: [String] = []
        if !i.included.isEmpty { modifiers.append(".including(" + i.included.map(SwiftLiteral.string).joined(separator: ", ") + ")") }
        if let f = i.filter { modifiers.append(".filtered(\(ExpressionSource.text(f)))") }
        if let c = i.compression { modifiers.append(".compressed(.\(Self.compressionCase(c)))") }
        switch i.placement {
        case .table: break
        case .filegroup(let fg): modifiers.append(".placed(onFilegroup: \(SwiftLiteral.string(fg)))")
        case .partitionScheme(let s, let c): modifiers.append(".placed(onScheme: \(SwiftLiteral.string(s)), column: \(SwiftLiteral.string(c)))")
        }
        if i.allowsUnaligned { modifiers.append(".allowingUnaligned()") }
        if let r = i.rolling {
            var derived = ""
            if case .binary(.column(let c), .greaterOrEqual, _)? = i.filter { derived = c }
            let rolling = ".rolling(keepHours: \(r.keepHours)\(r.stepHours == 24 ? "" : ", stepHours: \(r.stepHours)"))"
            if derived == r.column {
                modifiers.append(rolling)
            } else {
                // .rolling takes its column from a `column >= …` filter: give it one, then the real filter.
                let real = modifiers.firstIndex { $0.hasPrefix(".filtered(") }.map { modifiers.remove(at: $0) } ?? ".filtered(nil)"
                modifiers += [".filtered(col(\(SwiftLiteral.string(r.column))) >= Expression.literal(.null))", rolling, real]
            }
        }
        if let d = i.description { modifiers.append(".described(\(SwiftLiteral.string(d)))") }
        if let r = i.renamedFrom { modifiers.append(".renamed(from: \(SwiftLiteral.string(r)))") }
        return ([text] + modifiers.map { "    " + $0 }).joined(separator: "\n")
    }

    static func kindCase(_ k: Index.Kind) -> String {
        switch k {
        case .clustered: return "clustered"
        case .nonclustered: return "nonclustered"
        case .clusteredColumnstore: return "clusteredColumnstore"
        case .nonclusteredColumnstore: return "nonclusteredColumnstore"
        }
    }

    /// Every line of `text` indented by `n` spaces (blank lines stay empty), ending in a newline.
    func indent(_ text: String, _ n: Int) -> String {
        guard !text.isEmpty else { return "" }
        let pad = String(repeating: " ", count: n)
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : pad + $0 }.joined(separator: "\n") + "\n"
    }
}
