import Testing
import OEEDSL
@testable import OEEDiff

/// A base model; each case edits a copy and states the exact plan expected.
enum Base {
    static func model(_ edit: (inout Database) -> Void = { _ in }) -> Database {
        var db = Database("plant") {
            PartitionFunction("pf_month", .datetime2(3), .right, .months(from: "2026-01-01", count: 3), "Monthly")
            PartitionScheme("ps_month", function: "pf_month")
            Schema("ref", "Master data") {
                Table("site", "A plant") {
                    Column("site_id", .smallint, "Key").identity()
                    Column("code", .varchar(32), "Code")
                    PrimaryKey("pk_site", "site_id")
                }
                Table("machine", "A machine") {
                    Column("machine_id", .int, "Key").identity()
                    Column("site_id", .smallint, "Site")
                    Column("name", .nvarchar(64), "Name")
                    PrimaryKey("pk_machine", "machine_id")
                    ForeignKey("fk_machine_site", "site_id", references: "ref.site")
                    Index("ix_machine_site", on: "site_id").including("name")
                }
            }
            Schema("fact", "Facts") {
                Table("cycle", "Cycles") {
                    Column("machine_id", .int, "Machine")
                    Column("site_id", .smallint, "Site")
                    Column("start_ts", .datetime2(3), "Start")
                    Column("qty", .int, "Quantity").default("df_cycle_qty", 0)
                    PrimaryKey("pk_cycle", "machine_id", "start_ts")
                    ForeignKey("fk_cycle_machine", "machine_id", references: "ref.machine")
                }.partitioned(by: "ps_month", on: "start_ts")
            }
            Schema("sec", "Security") {
                InlineFunction("fn_site", parameters: [.init("site_id", .smallint)], where: param("site_id").equals(Expression.sessionContext("site_id").cast(as: .smallint)))
                SecurityPolicy("site_policy") {
                    SecurityPredicate.filter("sec.fn_site", "site_id", on: "fact.cycle")
                }
            }
        }
        edit(&db)
        return db
    }

    static func table(_ db: inout Database, _ schema: String, _ name: String, _ edit: (inout Table) -> Void) {
        let s = db.schemas.firstIndex { $0.name == schema }!
        let t = db.schemas[s].tables.firstIndex { $0.name == name }!
        edit(&db.schemas[s].tables[t])
    }
}

struct DiffCase: CustomTestStringConvertible, Sendable {
    var name: String
    var edit: @Sendable (inout Database) -> Void
    var expected: [String]
    var testDescription: String { name }
}

@Suite struct DifferTests {
    static let cases: [DiffCase] = [
        DiffCase(name: "no-op", edit: { _ in }, expected: []),
        DiffCase(name: "add nullable column", edit: { db in
            Base.table(&db, "ref", "site") { $0.columns.append(Column("note", .nvarchar(100), "Note").nullable()) }
        }, expected: ["add column ref.site.note", "add description of column ref.site.note"]),
        DiffCase(name: "drop column with default", edit: { db in
            Base.table(&db, "fact", "cycle") { $0.columns.removeAll { $0.name == "qty" } }
        }, expected: ["drop default df_cycle_qty on fact.cycle.qty", "drop column fact.cycle.qty"]),
        DiffCase(name: "altering a predicate column lifts the predicate around it", edit: { db in
            Base.table(&db, "fact", "cycle") { $0.columns[1].type = .int }
            db.schemas[2].functions[0].parameters[0].type = .int
        }, expected: ["drop security policy sec.site_policy", "alter column fact.cycle.site_id smallint -> int", "alter function sec.fn_site", "create security policy sec.site_policy"]),
        DiffCase(name: "renaming a predicate column lifts the predicate around it", edit: { db in
            Base.table(&db, "fact", "cycle") { $0.columns[1] = Column("plant_id", .smallint, "Site").renamed(from: "site_id") }
            db.schemas[2].securityPolicies[0].predicates = [.filter("sec.fn_site", "plant_id", on: "fact.cycle")]
        }, expected: ["drop filter predicate on fact.cycle from sec.site_policy", "rename column fact.cycle.site_id to plant_id", "add filter predicate on fact.cycle to sec.site_policy"]),
        DiffCase(name: "widen column type drops and restores its index", edit: { db in
            Base.table(&db, "ref", "machine") { $0.columns[2].type = .nvarchar(128) }
        }, expected: ["drop index ix_machine_site on ref.machine", "alter column ref.machine.name nvarchar(64) -> nvarchar(128)", "create index ix_machine_site on ref.machine"]),
        DiffCase(name: "rename column by hint", edit: { db in
            Base.table(&db, "ref", "site") { $0.columns[1] = Column("site_code", .varchar(32), "Code").renamed(from: "code") }
        }, expected: ["rename column ref.site.code to site_code"]),
        DiffCase(name: "rename table by hint", edit: { db in
            Base.table(&db, "ref", "machine") { $0.name = "work_unit"; $0.renamedFrom = "machine" }
            Base.table(&db, "fact", "cycle") { $0.foreignKeys[0].referencedTable = QualifiedName("ref", "work_unit") }
        }, expected: ["rename table ref.machine to work_unit"]),
        DiffCase(name: "change index include rebuilds with DROP_EXISTING", edit: { db in
            Base.table(&db, "ref", "machine") { $0.indexes[0].included = [] }
        }, expected: ["rebuild index ix_machine_site on ref.machine"]),
        DiffCase(name: "add and drop index", edit: { db in
            Base.table(&db, "ref", "machine") { $0.indexes = [Index("ix_machine_name", on: "name")] }
        }, expected: ["drop index ix_machine_site on ref.machine", "create index ix_machine_name on ref.machine"]),
        DiffCase(name: "boundary split (window moves forward)", edit: { db in
            db.partitionFunctions[0].boundaries = .months(from: "2026-02-01", count: 3)
        }, expected: ["split pf_month at '2026-04-01T00:00:00'", "merge pf_month at '2026-01-01T00:00:00'"]),
        DiffCase(name: "policy predicate add", edit: { db in
            db.schemas[2].securityPolicies[0].predicates.append(.block(.blockAfterInsert, "sec.fn_site", "site_id", on: "fact.cycle"))
        }, expected: ["add block after insert predicate on fact.cycle to sec.site_policy"]),
        DiffCase(name: "policy predicate drop", edit: { db in
            db.schemas[2].securityPolicies[0].predicates = [.filter("sec.fn_site", "site_id", on: "ref.machine")]
        }, expected: ["drop filter predicate on fact.cycle from sec.site_policy", "add filter predicate on ref.machine to sec.site_policy"]),
        DiffCase(name: "function change lifts the policy around ALTER FUNCTION", edit: { db in
            db.schemas[2].functions[0].predicate = param("site_id").equals(1)
        }, expected: ["drop security policy sec.site_policy", "alter function sec.fn_site", "create security policy sec.site_policy"]),
        DiffCase(name: "description change", edit: { db in
            Base.table(&db, "ref", "site") { $0.description = "A factory"; $0.columns[1].description = nil }
        }, expected: ["update description of table ref.site", "drop description of column ref.site.code"]),
        DiffCase(name: "primary key change rebuilds referencing foreign keys", edit: { db in
            Base.table(&db, "ref", "site") { $0.primaryKey = PrimaryKey("pk_site", "site_id", clustered: false) }
        }, expected: ["drop foreign key fk_machine_site on ref.machine", "drop primary key pk_site on ref.site", "add primary key pk_site on ref.site", "add foreign key fk_machine_site on ref.machine"]),
        DiffCase(name: "new table with FK and index", edit: { db in
            db.schemas[0].tables.append(Table("line", "A line") {
                Column("line_id", .int, "Key")
                Column("site_id", .smallint, "Site")
                PrimaryKey("pk_line", "line_id")
                ForeignKey("fk_line_site", "site_id", references: "ref.site")
                Index("ix_line_site", on: "site_id")
            })
        }, expected: ["create table ref.line", "create index ix_line_site on ref.line", "add foreign key fk_line_site on ref.line",
                      "add description of table ref.line", "add description of column ref.line.line_id", "add description of column ref.line.site_id"]),
        DiffCase(name: "drop table drops its foreign keys first", edit: { db in
            db.schemas[1].tables = []
            db.schemas[2].securityPolicies = []
        }, expected: ["drop security policy sec.site_policy", "drop foreign key fk_cycle_machine on fact.cycle", "drop table fact.cycle"]),
        DiffCase(name: "check and default change", edit: { db in
            Base.table(&db, "fact", "cycle") {
                $0.columns[3].defaultConstraint = DefaultConstraint(name: "df_cycle_qty", expression: 1)
                $0.checks = [Check("ck_cycle_qty", col("qty") >= 0)]
            }
        }, expected: ["drop default df_cycle_qty on fact.cycle.qty", "add default df_cycle_qty on fact.cycle.qty", "add check ck_cycle_qty on fact.cycle"]),
        DiffCase(name: "renamed index on an altered column is dropped and created, not renamed", edit: { db in
            Base.table(&db, "ref", "machine") {
                $0.columns[1].type = .int
                $0.indexes[0] = Index("ix_machine_site_id", on: "site_id").including("name").renamed(from: "ix_machine_site")
                $0.foreignKeys = []
            }
        }, expected: ["drop foreign key fk_machine_site on ref.machine", "drop index ix_machine_site on ref.machine",
                      "alter column ref.machine.site_id smallint -> int", "create index ix_machine_site_id on ref.machine"]),
        DiffCase(name: "renaming a referenced key column keeps the foreign key", edit: { db in
            Base.table(&db, "ref", "site") {
                $0.columns[0] = Column("id", .smallint, "Key").identity().renamed(from: "site_id")
                $0.primaryKey = PrimaryKey("pk_site", "id")
            }
            Base.table(&db, "ref", "machine") { $0.foreignKeys[0].referencedColumns = ["id"] }
        }, expected: ["rename column ref.site.site_id to id"]),
        DiffCase(name: "policy state off", edit: { db in
            db.schemas[2].securityPolicies[0].isEnabled = false
        }, expected: ["set security policy sec.site_policy state OFF"]),
    ]

    @Test(arguments: cases)
    func plansExactlyTheExpectedChanges(_ c: DiffCase) throws {
        let plan = try Differ.plan(from: Base.model(), to: Base.model(c.edit))
        #expect(plan.changes.map(\.description) == c.expected)
    }

    @Test(arguments: cases)
    func reverseDiffReturnsToTheOriginal(_ c: DiffCase) throws {
        let a = Base.model(), b = Base.model(c.edit)
        let forward = try Differ.plan(from: a, to: b)
        let backward = try Differ.plan(from: b, to: a)
        #expect(forward.isEmpty == backward.isEmpty)
        #expect(try Differ.plan(from: a, to: a).isEmpty)
        #expect(try Differ.plan(from: b, to: b).isEmpty)
    }

    @Test func baselineCreatesEverythingInDependencyOrder() throws {
        let plan = try Differ.baseline(Base.model())
        let kinds = plan.changes.map { String($0.description.split(separator: " ").prefix(2).joined(separator: " ")) }
        func first(_ k: String) -> Int { kinds.firstIndex(of: k)! }
        #expect(first("create schema") < first("create partition"))
        #expect(first("create partition") < first("create table"))
        #expect(first("create table") < first("create index"))
        #expect(first("create index") < first("add foreign"))
        #expect(first("add foreign") < first("create function"))
        #expect(first("create function") < first("create security"))
        #expect(plan.changes.filter { if case .createTable = $0 { return true } else { return false } }.count == 3)
        #expect(plan.destructiveChanges.isEmpty)
    }

    @Test func destructiveChangesAreListed() throws {
        let b = Base.model { db in
            db.schemas[0].tables.removeAll { $0.name == "machine" }
            db.schemas[1].tables[0].foreignKeys = []
            Base.table(&db, "ref", "site") { $0.columns[1].type = .varchar(16) }
        }
        let plan = try Differ.plan(from: Base.model(), to: b)
        #expect(plan.destructiveChanges.map(\.reason) == [
            "drops table ref.machine and all its rows",
            "narrows ref.site.code from varchar(32) to varchar(16) (shorter length)",
        ])
    }

    @Test func removingRowLevelSecurityIsDestructiveButLiftingItIsNot() throws {
        let noPolicy = Base.model { db in db.schemas[2].securityPolicies = [] }
        #expect(try Differ.plan(from: Base.model(), to: noPolicy).destructiveChanges.map(\.reason) == [
            "drops security policy sec.site_policy and the row-level security of 1 table(s)",
        ])
        let lifted = Base.model { db in
            Base.table(&db, "fact", "cycle") { $0.columns[1] = Column("plant_id", .smallint, "Site").renamed(from: "site_id") }
            db.schemas[2].securityPolicies[0].predicates = [.filter("sec.fn_site", "plant_id", on: "fact.cycle")]
        }
        #expect(try Differ.plan(from: Base.model(), to: lifted).destructiveChanges.isEmpty)
    }

    @Test func identityChangeIsRefusedWithAnExplanation() {
        let b = Base.model { db in Base.table(&db, "ref", "site") { $0.columns[0].identity = nil } }
        #expect(throws: DiffError.self) { try Differ.plan(from: Base.model(), to: b) }
        do {
            _ = try Differ.plan(from: Base.model(), to: b)
        } catch {
            #expect("\(error)".contains("ref.site.site_id: identity cannot be added, removed or reseeded in place"))
        }
    }

    @Test func computedColumnsAreRebuiltAroundChangesToWhatTheyRead() throws {
        func model(_ qtyType: SQLType, keepScrap: Bool = true) -> Database {
            Database("x") {
                Schema("fact") {
                    Table("cycle") {
                        Column("good_qty", qtyType)
                        if keepScrap { Column("scrap_qty", .int) }
                        Column("total_qty", .bigint).computed(keepScrap ? col("good_qty") + col("scrap_qty") : col("good_qty"))
                    }
                }
            }
        }
        let widened = try Differ.plan(from: model(.int), to: model(.bigint))
        #expect(widened.changes.map(\.description) == [
            "drop column fact.cycle.total_qty", "alter column fact.cycle.good_qty int -> bigint", "add column fact.cycle.total_qty",
        ])
        let dropped = try Differ.plan(from: model(.int), to: model(.int, keepScrap: false))
        #expect(dropped.changes.map(\.description) == [
            "drop column fact.cycle.total_qty", "drop column fact.cycle.scrap_qty", "add column fact.cycle.total_qty",
        ])
        #expect(dropped.destructiveChanges.map(\.reason) == ["drops column fact.cycle.scrap_qty and its data"])
    }

    @Test func staleRenameHintIsIgnoredOnceApplied() throws {
        let renamed = Base.model { db in Base.table(&db, "ref", "site") { $0.columns[1] = Column("site_code", .varchar(32), "Code").renamed(from: "code") } }
        #expect(try Differ.plan(from: renamed, to: renamed).isEmpty)
    }

    @Test func narrowingRules() {
        #expect(TypeNarrowing.reason(from: .int, to: .bigint) == nil)
        #expect(TypeNarrowing.reason(from: .bigint, to: .int) == "smaller integer range")
        #expect(TypeNarrowing.reason(from: .decimal(precision: 12, scale: 4), to: .decimal(precision: 12, scale: 2)) == "fewer decimal places")
        #expect(TypeNarrowing.reason(from: .nvarchar(.max), to: .nvarchar(.n(4000))) == "shorter length")
        #expect(TypeNarrowing.reason(from: .nvarchar(.n(10)), to: .varchar(.n(10))) == "Unicode to non-Unicode text")
        #expect(TypeNarrowing.reason(from: .varchar(.n(10)), to: .nvarchar(.n(10))) == nil)
        #expect(TypeNarrowing.reason(from: .datetime2(precision: 3), to: .datetime2(precision: 0)) == "fewer fractional-second digits")
    }
}

@Suite struct DriftDetectorTests {
    @Test func defaultsThatDifferOnlyByNameAreReportedOnceByName() {
        let expected = Base.model()
        let live = Base.model { db in
            Base.table(&db, "fact", "cycle") { $0.columns[3].defaultConstraint?.name = "DF__cycle__qty__5EBF139D" }
        }
        let (items, _) = DriftDetector.compare(live: live, expected: expected)
        #expect(items == [DriftItem(path: "fact.cycle.qty", kind: "changed default name", expected: "df_cycle_qty", actual: "DF__cycle__qty__5EBF139D")])
    }

    @Test func equalModelsHaveNoDrift() {
        #expect(DriftDetector.compare(live: Base.model(), expected: Base.model()).items.isEmpty)
    }

    @Test func refusedChangesStillCountAsDrift() {
        let live = Base.model { db in Base.table(&db, "ref", "site") { $0.columns[0].identity = nil } }
        let items = DriftDetector.compare(live: live, expected: Base.model()).items
        #expect(items.count == 1)
        #expect(items[0].path == "ref.site.site_id")
        #expect(items[0].kind == "differs in a way no migration can fix in place")
    }
}
