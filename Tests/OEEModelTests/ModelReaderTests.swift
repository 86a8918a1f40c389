import Foundation
import OEEDSL
import Testing
import SyntheticModel
@testable import OEEModel

/// The hand-written snapshot reader gives exactly what the synthesized
/// `Codable` conformances give through the strict Foundation path, on every
/// model type and case; and whatever it declines still gets the Foundation
/// path's error, word for word, with its JSON path.
@Suite struct ModelReaderTests {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The reader alone: throws ``FastJSONDeclined`` when it declines.
    func read(_ data: Data) throws -> Database {
        try data.withUnsafeBytes { try ModelReader.read($0) { try $0.snapshot() } }
    }

    func readFile(_ data: Data) throws -> SnapshotFile {
        try data.withUnsafeBytes { try ModelReader.read($0) { try $0.snapshotFile() } }
    }

    func viaFoundation(_ data: Data) throws -> Database {
        let snapshot = try JSONDecoder().decode(StrictBox<ModelSnapshot>.self, from: data).value
        #expect(snapshot.format == ModelSnapshot.currentFormat)
        return snapshot.database
    }

    @Test(arguments: ["migrations/postgres/V0001__baseline.json", "migrations/sqlserver/V0001__baseline.json"])
    func readsTheShippedSnapshotsOfTheCanonicalSchemaLikeCodable(_ path: String) throws {
        let data = try Data(contentsOf: Self.repo.appendingPathComponent(path))
        let fast = try read(data)
        #expect(fast == (try viaFoundation(data)))
        #expect(fast.allTables.count > 10)
        guard case .full(let file) = try readFile(data) else { Issue.record("read as a delta"); return }
        #expect(file == fast)
    }

    /// Every type and every enum case the model has, once.
    static var everyCase: Database {
        let literals: [Literal] = [.null, .bool(true), .bool(false), .int(-9_223_372_036_854_775_808), .int(42), .decimal("0.85"), .string("a\"b\\c/d\né😀", unicode: true), .string("", unicode: false)]
        let c = OEEModel.Expression.column("qty")
        let expressions: [OEEModel.Expression] = [
            c, .parameter("site_id"), .binary(lhs: c, op: .greaterOrEqual, rhs: .literal(.int(0))),
            .and([c, .or([.not(c), .isNull(c, negated: true)])]), .inList(c, values: literals.map(OEEModel.Expression.literal), negated: false),
            .call("SYSUTCDATETIME", arguments: []), .call("ISJSON", arguments: [c]), .cast(c, as: .decimal(precision: 9, scale: 4)),
            .raw(["sqlserver": "1 = 1", "postgres": "true"]), .raw([:]),
        ] + OEEModel.Expression.BinaryOperator.allCases.map { .binary(lhs: c, op: $0, rhs: .literal(.null)) }
        let types: [SQLType] = [.tinyint, .smallint, .int, .bigint, .bit, .decimal(precision: 12, scale: 4), .float, .float(mantissa: 24), .real, .date,
                                .time(precision: 3), .datetime2(precision: 7), .datetimeoffset(precision: 0), .char(.n(2)), .varchar(.max),
                                .nchar(.n(10)), .nvarchar(.n(4000)), .varbinary(.max), .uniqueidentifier, .sysname]
        var columns = types.enumerated().map { i, t in Column(name: "c\(i)", type: t, isNullable: i % 2 == 0) }
        columns[0].identity = Identity(seed: -5, increment: 3)
        columns[1].defaultConstraint = DefaultConstraint(name: "df_c1", expression: .literal(.int(0)))
        columns[2].computed = ComputedColumn(expression: .binary(lhs: .column("c0"), op: .multiply, rhs: .literal(.int(2))), isPersisted: false)
        columns[3].description = "described"
        columns[4].renamedFrom = "old_c4"
        columns.append(Column(name: "qty", type: .int))
        let indexes = Index.Kind.allCases.enumerated().map { i, kind in
            Index(name: "ix\(i)", kind: kind, isUnique: i == 0, keys: [IndexKey("c1", descending: true)], included: ["c2"],
                  filter: i == 1 ? expressions[3] : nil, compression: DataCompression.allCases[i],
                  placement: [Placement.table, .filegroup("PRIMARY"), .partitionScheme("ps", column: "c11"), .table][i],
                  allowsUnaligned: i == 2, description: i == 3 ? "ix" : nil, renamedFrom: i == 0 ? "old_ix" : nil)
        }
        var rolled = indexes[1]
        rolled.name = "ix_rolling"
        rolled.rolling = RollingFilter(column: "c11", keepHours: 48, stepHours: 6)
        let table = Table(
            name: "every", description: "Every case", columns: columns,
            primaryKey: PrimaryKey(name: "pk_every", columns: [IndexKey("c0")], isClustered: false, description: "pk"),
            uniqueConstraints: [UniqueConstraint(name: "uq", columns: [IndexKey("c1"), IndexKey("c2", descending: true)], description: "uq")],
            foreignKeys: ReferentialAction.allCases.enumerated().map { i, a in
                ForeignKey(name: "fk\(i)", columns: ["c1"], referencedTable: QualifiedName("ref", "other"), referencedColumns: ["id"],
                           onDelete: a, onUpdate: ReferentialAction.allCases[(i + 1) % 4], description: i == 0 ? "fk" : nil)
            },
            checks: expressions.enumerated().map { i, e in CheckConstraint(name: "ck\(i)", expression: e, description: i == 0 ? "ck" : nil) },
            indexes: indexes + [rolled], partitioning: TableStorage(partitionScheme: "ps", partitionColumn: "c11"), compression: .row,
            renamedFrom: "old_every")
        let function = InlineFunction(name: "fn", parameters: [.init(name: "site_id", type: .smallint)], resultColumn: "r",
                                      predicate: expressions[1], isSchemaBound: false, description: "fn")
        let policy = SecurityPolicy(
            name: "policy", predicates: SecurityPredicate.Kind.allCases.map { SecurityPredicate(kind: $0, function: QualifiedName("sec", "fn"), arguments: ["c1"], table: QualifiedName("app", "every")) },
            isEnabled: false, isSchemaBound: true, description: "p", maintenanceSession: [SessionSetting(key: "is_global", value: "1")])
        return Database(
            name: "every", description: "All of it",
            schemas: [
                Schema(name: "app", description: "Überblick – 😀", tables: [table, Table(name: "bare")], functions: [function], securityPolicies: [policy]),
                Schema(name: "empty"),
            ],
            partitionFunctions: [
                PartitionFunction(name: "pf_day", inputType: .datetime2(precision: 3), range: .left, boundaries: .window(start: "2026-01-01", unit: .day, count: 3),
                                  description: "d", rolling: RollingWindow(unit: .day, ahead: 7, retain: 30, expiry: .truncate)),
                PartitionFunction(name: "pf_month", inputType: .date, boundaries: .window(start: "2026-01-01", unit: .month, count: 2),
                                  rolling: RollingWindow(unit: .month, ahead: 2, retain: 12, expiry: .switch(to: "archive"))),
                PartitionFunction(name: "pf_values", inputType: .int, boundaries: .values(literals), rolling: RollingWindow(unit: .day, ahead: 1, retain: 1, expiry: .keep)),
            ],
            partitionSchemes: [PartitionScheme(name: "ps", function: "pf_day", filegroups: ["fg1", "fg2"], description: "ps"), PartitionScheme(name: "ps2", function: "pf_month")])
    }

    @Test func readsEveryTypeAndCaseLikeCodable() throws {
        let db = Self.everyCase
        let data = try ModelSnapshot.encode(db)
        let fast = try read(data)
        #expect(fast == db)
        #expect(fast == (try viaFoundation(data)))
        // Compact, unsorted and with explicit nulls for absent optionals it reads the same.
        let object = try JSONSerialization.jsonObject(with: data)
        let compact = try JSONSerialization.data(withJSONObject: object, options: [])
        #expect(try read(compact) == db)
        let nulls = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\"name\" : \"bare\"", with: "\"name\" : \"bare\", \"description\" : null, \"primaryKey\" : null")
        #expect(try read(Data(nulls.utf8)) == (try viaFoundation(Data(nulls.utf8))))
    }

    @Test func readsTheSynthetic2000TableModelLikeCodable() throws {
        let db = SyntheticModel.build(tables: 2_000)
        let data = try ModelSnapshot.encode(db)
        let fast = try read(data)
        #expect(fast.allTables.count == 2_000)
        #expect(fast == db)
        #expect(fast == (try viaFoundation(data)))
    }

    @Test func readsDeltasLikeCodable() throws {
        var to = Self.everyCase
        to.description = "changed"
        to.schemas[0].tables[1].description = "replaced"
        to.schemas[0].tables.append(Table(name: "added", columns: [Column(name: "id", type: .int)]))
        to.schemas[0].functions = []
        to.schemas.remove(at: 1)
        to.schemas.append(Schema(name: "new", description: "added"))
        to.partitionFunctions[2].description = "replaced"
        to.partitionSchemes.removeLast()
        let delta = try #require(ModelDelta.between(Self.everyCase, to, previous: "V0001__baseline"))
        let data = try ModelSnapshot.encode(delta)
        #expect(try readFile(data) == .delta(delta))
        #expect(try JSONDecoder().decode(StrictBox<ModelDelta>.self, from: data).value == delta)
        let empty = try ModelSnapshot.encode(ModelDelta(previous: "V0001__baseline"))
        #expect(try readFile(empty) == .delta(ModelDelta(previous: "V0001__baseline")))
    }

    /// What the whole decode gives (the reader, then the Foundation path)
    /// is what the Foundation path alone gives: the same model or the same message.
    func outcome(_ decode: (Data) throws -> Database, _ data: Data) -> String {
        do { return "model \(try decode(data).hashValue)" } catch { return "error \(error)" }
    }

    @Test(arguments: [
        // (edit of the every-case snapshot, a part of the Foundation path's message)
        ("\"isNullable\" : true", "\"isNulable\" : true", "unknown key 'isNulable' at database.schemas[0].tables[0].columns[0].isNulable"),
        ("\"description\" : \"described\"", "\"descripton\" : \"described\"", "unknown key 'descripton' (did you mean 'description'?) at database.schemas[0].tables[0].columns[3].descripton; known keys: computed, defaultConstraint, description, identity, isNullable, name, renamedFrom, type"),
        ("\"isPersisted\" : false", "\"isPersisted\" : false, \"persisted\" : 1", "unknown key 'persisted' at database.schemas[0].tables[0].columns[2].computed.persisted"),
        ("\"unicode\" : true", "\"unicode\" : true, \"x\" : 1", "at database.partitionFunctions[2].boundaries.values._0[6].string.x"),
        ("\"isClustered\" : false", "\"isClustered\" : \"no\"", "at database.schemas[0].tables[0].primaryKey.isClustered"),
        ("\"isClustered\" : false", "\"isClustered\" : null", "database.schemas[0].tables[0].primaryKey.isClustered"),
        ("\"isClustered\" : false,", "", "missing key 'isClustered' at database.schemas[0].tables[0].primaryKey"),
        ("\"type\" : \"tinyint\"", "\"type\" : \"tinyint(3)\"", "unknown SQL type 'tinyint(3)' at database.schemas[0].tables[0].columns[0].type"),
        ("\"referencedTable\" : \"ref.other\"", "\"referencedTable\" : \"other\"", "expected 'schema.name', got 'other' at database.schemas[0].tables[0].foreignKeys[0].referencedTable"),
        ("\"seed\" : -5", "\"seed\" : \"-5\"", "at database.schemas[0].tables[0].columns[0].identity.seed"),
        ("\"onDelete\" : \"NO ACTION\"", "\"onDelete\" : \"NOTHING\"", "database.schemas[0].tables[0].foreignKeys[0].onDelete"),
        ("\"table\" : {\n\n", "\"table\" : { \"x\" : 1 ", "database.schemas[0].tables[0].indexes[0].placement.table"),
        ("\"format\" : \"oeedb.model/1\"", "\"format\" : \"oeedb.model/2\"", "model snapshot format 'oeedb.model/2' is not supported"),
    ] as [(String, String, String)])
    func declinesEachErrorAndTheFoundationPathWordsIt(_ from: String, _ to: String, _ expected: String) throws {
        let text = String(decoding: try ModelSnapshot.encode(Self.everyCase), as: UTF8.self)
        #expect(text.contains(from), "the fixture no longer holds \(from)")
        let broken = Data(text.replacingOccurrences(of: from, with: to, options: [], range: text.range(of: from)).utf8)
        #expect(throws: FastJSONDeclined.self) { try read(broken) }
        let message = outcome(ModelSnapshot.decode, broken)
        #expect(message == outcome(ModelSnapshot.foundationDecode, broken))
        #expect(message.contains(expected), "\(message)")
    }

    @Test(arguments: [
        #"{"format":"oeedb.model/1","database":{"name":"a","schemas":[],"partitionFunctions":[],"partitionSchemes":[],"name":"b"}}"#,  // duplicate key
        #"{"format":"oeedb.model/1","database":{"n\u0061me":"a","schemas":[],"partitionFunctions":[],"partitionSchemes":[]}}"#,  // escaped key
        #"{"format":"oeedb.model/1","database":{"name":"a","schemas":[],"partitionFunctions":[],"partitionSchemes":[]}} x"#,  // trailing text
        #"{"format":"oeedb.model/1","database":{"name":"a","schemas":[],"partitionFunctions":[],"partitionSchemes":[],}}"#,  // trailing comma
        #"{"format":"oeedb.model/1","database":{"name":"a","schemas":[],"partitionFunctions":[],"partitionSchemes":[{"name":"p","function":"f","filegroups":[01]}]}}"#,
        #"{"format":"oeedb.model/1","database":{"name":"a","schemas":[],"partitionFunctions":[{"name":"p","inputType":"int","range":"LEFT","boundaries":{"window":{"start":"2026-01-01","unit":"day","count":1.5}}}],"partitionSchemes":[]}}"#,  // a fraction for an Int
        #"{"format":"oeedb.model/1","database":{"name":"a","schemas":[{"name":"s","tables":[{"name":"t","columns":[{"name":"c","type":"int","isNullable":false,"identity":{"seed":99999999999999999999,"increment":1}}],"uniqueConstraints":[],"foreignKeys":[],"checks":[],"indexes":[]}],"functions":[],"securityPolicies":[]}],"partitionFunctions":[],"partitionSchemes":[]}}"#,
        #"{"format":"oeedb.model/1","database":{"name":"a","schemas":[],"partitionFunctions":[{"name":"p","inputType":"int","range":"LEFT","boundaries":{"window":{"start":"2026-01-01","unit":"day","count":1},"values":{"_0":[]}}}],"partitionSchemes":[]}}"#,  // two cases
    ])
    func whatTheReaderDeclinesStillDecodesAsTheFoundationPathSays(_ text: String) {
        let data = Data(text.utf8)
        #expect(throws: FastJSONDeclined.self) { try read(data) }
        #expect(outcome(ModelSnapshot.decode, data) == outcome(ModelSnapshot.foundationDecode, data))
    }

    @Test func declinesInvalidUTF8InAStringAndTheFoundationPathSaysWhy() throws {
        var bytes = Array(#"{"format":"oeedb.model/1","database":{"name":"a?","schemas":[],"partitionFunctions":[],"partitionSchemes":[]}}"#.utf8)
        bytes[bytes.firstIndex(of: UInt8(ascii: "?"))!] = 0xC3  // a lead byte with no continuation
        let data = Data(bytes)
        #expect(throws: FastJSONDeclined.self) { try read(data) }
        #expect(throws: SnapshotError.self) { try ModelSnapshot.decode(data) }
        #expect(outcome(ModelSnapshot.decode, data) == outcome(ModelSnapshot.foundationDecode, data))
    }

    /// Single-byte damage anywhere in a snapshot (deleted, replaced, inserted;
    /// positions from a fixed seed): whatever the reader accepts is what the
    /// Foundation path gives, and whatever it declines gets that path's error.
    @Test func damagedSnapshotsDecodeExactlyAsTheFoundationPathSays() throws {
        let bytes = Array(try ModelSnapshot.encode(Self.everyCase))
        let replacements = Array("\"\\,:{}[]0-9.etnx _\u{01}é".utf8)
        var seed: UInt64 = 0x5EED
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        var accepted = 0
        for round in 0..<400 {
            var damaged = bytes
            let at = next(damaged.count)
            switch round % 3 {
            case 0: damaged.remove(at: at)
            case 1: damaged[at] = replacements[next(replacements.count)]
            default: damaged.insert(replacements[next(replacements.count)], at: at)
            }
            let data = Data(damaged)
            let viaReader = outcome(ModelSnapshot.decode, data)
            #expect(viaReader == outcome(ModelSnapshot.foundationDecode, data), "byte \(at), round \(round)")
            if (try? read(data)) != nil { accepted += 1 }
        }
        // Damage in whitespace or inside a string leaves a document the reader still takes.
        #expect(accepted > 0)
    }

    @Test func readsAPlainCompactDocument() throws {
        let data = Data(#"{"format":"oeedb.model/1","database":{"name":"a","schemas":[],"partitionFunctions":[],"partitionSchemes":[]}}"#.utf8)
        #expect(try read(data) == Database(name: "a"))
        #expect(try ModelSnapshot.decode(data) == Database(name: "a"))
    }
}
