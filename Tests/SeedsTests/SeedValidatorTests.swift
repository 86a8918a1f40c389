import Testing
import OEEModel
@testable import Seeds

@Suite struct SeedValidatorTests {
    func validate(_ files: [(String, String)]) -> PreparedSeed {
        PreparedSeed(files: files.map { SeedFixtures.parse($0.0, $0.1) }, model: Models.canonical)
    }

    @Test func shippedSetsAreValidAndComplete() throws {
        let standard = try SeedFixtures.prepared()
        #expect(standard.diagnostics == [])
        #expect(standard.tables.map(\.name.description) == ["ref.enterprise", "ref.loss_bucket", "ref.reason_code", "ref.state_code", "ref.event_type"])
        #expect(standard.tables.map(\.rows.count) == [1, 10, 36, 12, 14])
        let both = try SeedFixtures.prepared(["standard", "demo"])
        #expect(both.diagnostics == [])
        #expect(both.tables.map(\.name.name) == ["enterprise", "site", "area", "line", "machine", "product", "recipe", "machine_recipe_standard",
                                                 "shift_pattern", "shift_definition", "loss_bucket", "reason_code", "shift_break", "state_code", "event_type"])
        #expect(both.tables.first?.rows.count == 2)
        #expect(SeedFixtures.seeds.sets() == ["demo", "standard"])
        // Without a database, the demo set alone is still valid file by file.
        #expect(try SeedFixtures.prepared(["demo"]).diagnostics == [])
    }

    @Test func reasonTreeMatchesTheReferenceTaxonomy() throws {
        let t = try #require(try SeedFixtures.prepared().tables.first { $0.name.name == "reason_code" })
        func value(_ code: String, _ column: String) -> SeedValue? {
            t.rows.first { $0.values[t.index(of: "code")!] == .text(code) }.map { $0.values[t.index(of: column)!] }
        }
        #expect(t.rows.filter { $0.values[t.index(of: "parent_id")!] == .null }.count == 8)
        #expect(value("UD.MECH", "parent_id") == value("UD", "reason_code_id"))
        #expect(value("UD.MECH", "path") == .text("/UD/UD.MECH/"))
        #expect(value("UD.MECH", "loss_bucket_id") == .int(5))
        #expect(value("NS.BREAK", "loss_bucket_id") == .int(2))
        #expect(value("UD.UNASSIGNED", "auto_only") == .bool(true))
        #expect(value("UD", "is_leaf") == .bool(false))
    }

    @Test func everyProblemIsReportedWithFileLineAndColumn() {
        let seed = validate([
            ("ref.loss_bucket.csv", """
                loss_bucket_id,code,name,oee_factor,six_big_loss,in_ppt,is_planned
                1,VALUE_ADDING,Value-adding,N,,1,0
                2,NOT_SCHEDULED,Not scheduled,S,,maybe,1
                x,SETUP,Setup,A,2,1,1
                1,AGAIN,Duplicate id,A,2,1,1
                4,BAD_FACTOR,Bad factor,X,,1,0
                5,TOO_FEW,Too few
                6,,Empty code,A,1,1,0
                7,BIG,Six big loss out of range,A,9,1,0
                """),
            ("ref.event_type.csv", """
                event_type,code
                1,STATE_CHANGE
                """),
            ("ref.state_code.csv", """
                state_code,name,is_running,colour
                1,RUNNING,1,green
                """),
            ("ref.nothing.csv", "a\n1\n"),
        ])
        #expect(seed.diagnostics.map(\.description) == [
            "ref.event_type.csv:1: missing column 'description': it is NOT NULL and has no default",
            "ref.loss_bucket.csv:3:in_ppt: 'maybe' is not a bit; write 0, 1, true or false",
            "ref.loss_bucket.csv:4:loss_bucket_id: 'x' is not an integer (tinyint)",
            "ref.loss_bucket.csv:5:loss_bucket_id: duplicate key loss_bucket_id=1; first at ref.loss_bucket.csv:2",
            "ref.loss_bucket.csv:6:oee_factor: violates ck_loss_bucket_oee_factor (oee_factor='X')",
            "ref.loss_bucket.csv:7: has 3 field(s); the header has 7",
            "ref.loss_bucket.csv:8:code: is empty, but 'code' is NOT NULL",
            "ref.loss_bucket.csv:9:six_big_loss: violates ck_loss_bucket_six_big_loss (six_big_loss=9, oee_factor='A')",
            "ref.nothing.csv:1: the model has no table ref.nothing; a seed file is named after the table it loads (schema.table.csv)",
            "ref.state_code.csv:1:colour: ref.state_code has no column 'colour'; its columns: state_code, name, is_running, default_reason_code_id",
        ])
    }

    /// PostgreSQL refuses NUL in text and SQL Server's drivers cut the value
    /// there: it is a validation error at file:line:column, not a database failure.
    @Test func aNulCharacterIsAValidationErrorWithItsLocation() {
        let seed = validate([
            ("ref.enterprise.csv", "enterprise_id,code,name\n1,AC\u{0}ME,Acme\n2,OK,\"two\nline\u{0}s\"\n3,TAB,Tab\tand\u{1}ctrl\n"),
        ])
        #expect(seed.diagnostics.map(\.description) == [
            "ref.enterprise.csv:2:code: holds a NUL character (U+0000) at character 3 of the value; PostgreSQL refuses it and SQL Server's drivers cut the value there; remove it from the file",
            "ref.enterprise.csv:4:name: holds a NUL character (U+0000) at character 5 of the value; PostgreSQL refuses it and SQL Server's drivers cut the value there; remove it from the file",
        ])
        // Tabs and other control characters both engines store stay allowed.
        #expect(seed.tables.first?.rows.count == 1)
    }

    @Test func uniqueConstraintsAndMissingKeysAreChecked() {
        let seed = validate([
            ("ref.enterprise.csv", "enterprise_id,code,name\n1,ACME,Acme\n2,ACME,Acme again\n"),
            ("ref.area.csv", "site_id,code,name\n1,A,Area\n"),
        ])
        #expect(seed.diagnostics.map(\.description) == [
            "ref.area.csv:1: missing key column 'area_id': seed rows are matched on the primary key of ref.area",
            "ref.enterprise.csv:3:code: duplicate value for uq_enterprise_code code='ACME'; first at ref.enterprise.csv:2",
        ])
    }

    @Test func selfReferencesAreOrderedParentsFirstAndCyclesRejected() throws {
        let header = "reason_code_id,enterprise_id,site_id,parent_id,code,path,depth,name,loss_bucket_id,is_leaf\n"
        let seed = validate([("ref.reason_code.csv", header + """
            3,1,,2,A.B.C,/A/A.B/A.B.C/,2,Grandchild,5,1
            2,1,,1,A.B,/A/A.B/,1,Child,5,0
            1,1,,,A,/A/,0,Root,5,0
            """)])
        #expect(seed.diagnostics == [])
        #expect(seed.tables[0].rows.map(\.line) == [4, 3, 2])
        let cyclic = validate([("ref.reason_code.csv", header + """
            1,1,,2,A,/A/,1,One,5,0
            2,1,,1,B,/B/,1,Two,5,0
            """)])
        #expect(cyclic.diagnostics.map(\.message).contains { $0.contains("form a cycle") })
        let rootDepth = validate([("ref.reason_code.csv", header + "1,1,,,A,/A/,1,Root,5,1\n")])
        #expect(rootDepth.diagnostics.map(\.description) == ["ref.reason_code.csv:2:parent_id: violates ck_reason_code_root_depth (parent_id=NULL, depth=1)"])
        let inconsistent = validate([("ref.reason_code.csv", header + """
            1,1,,,A,/A/,0,Root,5,1
            2,1,,1,A.B,/B/,2,Child,5,0
            """)])
        #expect(inconsistent.diagnostics.map(\.description) == [
            "ref.reason_code.csv:2:is_leaf: is 1, expected 0 from the row's place in the tree",
            "ref.reason_code.csv:3:depth: is 2, expected 1 from the row's place in the tree",
            "ref.reason_code.csv:3:is_leaf: is 0, expected 1 from the row's place in the tree",
            "ref.reason_code.csv:3:path: is '/B/', expected '/A/A.B/' from the row's place in the tree",
        ])
    }

    @Test func orphanParentsAreFoundAgainstSeedAndDatabaseState() throws {
        var seed = validate([
            ("ref.reason_code.csv", """
                reason_code_id,enterprise_id,site_id,parent_id,code,path,depth,name,loss_bucket_id,is_leaf
                1,1,,,A,/A/,0,Root,5,1
                2,1,,99,A.X,/A/A.X/,1,Orphan,5,1
                """),
            ("ref.loss_bucket.csv", "loss_bucket_id,code,name,oee_factor,six_big_loss,in_ppt,is_planned\n5,UNPLANNED_DOWNTIME,Unplanned,A,1,1,0\n"),
        ])
        #expect(seed.tables.map(\.name.name) == ["loss_bucket", "reason_code"])
        let noEnterprise = seed.plan(state: SeedDatabaseState(), model: Models.canonical, prune: false).diagnostics
        #expect(noEnterprise.map(\.description) == [
            "ref.reason_code.csv:2:enterprise_id: no ref.enterprise row with enterprise_id=1 in the seed set or the database (fk_reason_code_enterprise)",
            "ref.reason_code.csv:3:enterprise_id: no ref.enterprise row with enterprise_id=1 in the seed set or the database (fk_reason_code_enterprise)",
            "ref.reason_code.csv:3:parent_id: no ref.reason_code row with reason_code_id=99 in the seed set or the database (fk_reason_code_parent)",
        ])
        let enterprise = ParentReference(table: QualifiedName("ref", "enterprise"), columns: ["enterprise_id"])
        let state = SeedDatabaseState(parentKeys: [enterprise: [SeedKey([.int(1)])]])
        #expect(seed.plan(state: state, model: Models.canonical, prune: false).diagnostics.count == 1)
        // The missing parent exists in the database: fine, unless --prune removes it.
        let t = Models.canonical.table(QualifiedName("ref", "reason_code"))!
        let columns = t.columns
        var row = [SeedValue](repeating: .null, count: columns.count)
        row[0] = .int(99); row[1] = .int(1); row[4] = .text("Z"); row[5] = .text("/Z/"); row[6] = .int(0); row[7] = .text("Db"); row[8] = .int(5); row[9] = .bool(true)
        let withParent = SeedDatabaseState(rows: [QualifiedName("ref", "reason_code"): ExistingRows(columns: columns, rows: [row])], parentKeys: state.parentKeys)
        #expect(seed.plan(state: withParent, model: Models.canonical, prune: false).diagnostics == [])
        #expect(seed.plan(state: withParent, model: Models.canonical, prune: true).diagnostics.count == 1)
        seed.otherSetKeys = [QualifiedName("ref", "reason_code"): [SeedKey([.int(99)])]]
        #expect(seed.plan(state: withParent, model: Models.canonical, prune: true).diagnostics == [])
    }
}
