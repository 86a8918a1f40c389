import Foundation
import Testing

/// Runs scripts/tsql-gate.py (sqlfluff, tsql dialect) when `OEEDB_TSQL_GATE`
/// names the Python interpreter that has sqlfluff; under `CI=true` it must be set.
@Suite struct TSQLGateTests {
    static let repoRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let gate = repoRoot.appendingPathComponent("scripts/tsql-gate.py").path
    static let snapshots = repoRoot.appendingPathComponent("Tests/SQLServerTests/__Snapshots__").path

    /// Snapshots holding valid T-SQL that sqlfluff 4 rejects, and the waiver that covers each.
    static let expectedWaivers: [String: String] = [
        "dropPartitionScheme.drop-partition-scheme.sql": "drop-partition-scheme",
        "dropPartitionFunction.drop-partition-function.sql": "drop-partition-function",
        "dropOneOfSeveralBlockPredicates.drop-security-predicate-operation.sql": "drop-block-predicate-operation",
        "recreateColumnstoreArchive.recreate-columnstore-archive.sql": "columnstore-index-options",
        "truncateAndMerge.truncate-merge.sql": "truncate-with-partitions",
        // [ inside a bracketed name ([t [a];b.c ä🏭]): valid T-SQL, sqlfluff's lexer refuses it.
        "lineBreaksAndHostileNames.line-breaks.sql": "bracket-in-bracketed-identifier",
    ]

    /// The interpreter named by OEEDB_TSQL_GATE, or nil (the tests then show as skipped).
    static func interpreter() -> String? {
        guard let python = ProcessInfo.processInfo.environment["OEEDB_TSQL_GATE"], !python.isEmpty else { return nil }
        return python
    }

    /// Under CI=true the gate must run: a missing interpreter fails here
    /// (and scripts/test.sh fails the run on any skipped live test).
    @Test func theGateIsAvailableUnderCI() {
        if ProcessInfo.processInfo.environment["CI"] == "true" {
            #expect(Self.interpreter() != nil, "CI=true but OEEDB_TSQL_GATE is not set: point it at the Python with sqlfluff (scripts/requirements-tsql-gate.txt)")
        }
    }

    /// Runs the gate; stdout and stderr together.
    static func run(_ python: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [gate] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Writes `files` into a fresh directory and runs the gate over it.
    static func runOn(_ python: String, _ files: [String: String]) throws -> (status: Int32, output: String, dir: String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tsql-gate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, text) in files {
            try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        defer { try? FileManager.default.removeItem(at: dir) }
        let (status, output) = try run(python, [dir.path])
        return (status, output, dir.path)
    }

    static func summary(_ output: String) -> String? {
        output.split(separator: "\n").last { $0.hasPrefix("tsql-gate: ") && $0.contains(" passed, ") }.map(String.init)
    }

    // MARK: The renderer's output passes

    @Test(.needsTSQLGate)
    func everySnapshotPassesTheGate() throws {
        let python = try #require(Self.interpreter())
        let (status, output) = try Self.run(python, [Self.snapshots])
        #expect(status == 0, "tsql-gate failed:\n\(output)")
        #expect(output.contains(" 0 failed"), "\(output)")
        // Waivers are explicit: exactly the expected snapshots, each by its waiver.
        var waived: [String: String] = [:]
        for line in output.split(separator: "\n") where line.contains(": waived (") {
            let file = String(line.prefix { $0 != ":" }).split(separator: "/").last.map(String.init) ?? ""
            let id = line.split(separator: "(", maxSplits: 1)[1].prefix { $0 != ")" }
            waived[file] = String(id)
        }
        #expect(waived == Self.expectedWaivers, "\(output)")
    }

    // MARK: The gate catches what it must

    @Test(.needsTSQLGate)
    func brokenBatchFailsWithItsLine() throws {
        let python = try #require(Self.interpreter())
        let sql = "SELECT 1 AS [a];\nGO\n-- broken\nCREATE TABLE [a] ([x] int NOT NUL);\nGO\nSELECT 2 AS [b];\nGO\n"
        let (status, output, dir) = try Self.runOn(python, ["broken.sql": sql])
        #expect(status == 1, "\(output)")
        #expect(output.contains("\(dir)/broken.sql:4: batch 2: "), "\(output)")
        #expect(Self.summary(output) == "tsql-gate: 2 passed, 1 failed, 0 waived", "\(output)")
    }

    @Test(.needsTSQLGate)
    func separatorsOnlyOnGoLines() throws {
        let python = try #require(Self.interpreter())
        let sql = """
            SELECT N'a
            GO
            b' AS [x];
            /* comment
            GO
            /* nested
            GO
            */ still inside
            GO
            */
            SELECT 1 AS [y]; -- GO
            GO -- end of batch 1
            SELECT [v] FROM c.LOGO
                go 5
            SELECT 2 AS [z]
            GO

            """
        let (status, output, _) = try Self.runOn(python, ["separators.sql": sql])
        #expect(status == 0, "\(output)")
        #expect(Self.summary(output) == "tsql-gate: 3 passed, 0 failed, 0 waived", "\(output)")
    }

    @Test(.needsTSQLGate)
    func moduleMustOpenItsBatch() throws {
        let python = try #require(Self.interpreter())
        let sql = """
            SET NOCOUNT ON;
            CREATE FUNCTION [a].[f]() RETURNS TABLE AS RETURN SELECT 1 AS [x];
            GO
            -- comments before it are fine
            /* really */
            CREATE VIEW [a].[v] AS SELECT 1 AS [x];
            GO
            SELECT 1 AS [x];
            CREATE SCHEMA [s];
            GO

            """
        let (status, output, _) = try Self.runOn(python, ["modules.sql": sql])
        #expect(status == 1)
        #expect(output.contains("modules.sql:2: batch 1: CREATE FUNCTION must be the first statement in its batch"), "\(output)")
        #expect(output.contains("modules.sql:9: batch 3: CREATE SCHEMA must be the first statement in its batch"), "\(output)")
        #expect(Self.summary(output) == "tsql-gate: 1 passed, 2 failed, 0 waived", "\(output)")
    }

    @Test(.needsTSQLGate)
    func mergeNeedsTerminator() throws {
        let python = try #require(Self.interpreter())
        let merge = "MERGE INTO [t] USING [s] ON [t].[a] = [s].[a] WHEN MATCHED THEN UPDATE SET [b] = [s].[b]"
        let (status, output, _) = try Self.runOn(python, ["merge.sql": "\(merge)\nGO\n\(merge);\nGO\n"])
        #expect(status == 1)
        #expect(output.contains("merge.sql:1: batch 1: MERGE must be terminated by ';'"), "\(output)")
        #expect(Self.summary(output) == "tsql-gate: 1 passed, 1 failed, 0 waived", "\(output)")
    }

    @Test(.needsTSQLGate)
    func throwNeedsTerminatedPredecessor() throws {
        let python = try #require(Self.interpreter())
        let sql = """
            IF 1 = 1
            BEGIN
                SELECT 1 AS [a]
                THROW 50000, 'x', 1;
            END
            GO
            BEGIN TRY
                SELECT 1 AS [a];
            END TRY
            BEGIN CATCH
                THROW;
            END CATCH
            GO

            """
        let (status, output, _) = try Self.runOn(python, ["throw.sql": sql])
        #expect(status == 1)
        #expect(output.contains("throw.sql:4: batch 1: the statement before THROW must be terminated by ';'"), "\(output)")
        #expect(Self.summary(output) == "tsql-gate: 1 passed, 1 failed, 0 waived", "\(output)")
    }

    /// A waiver blanks only the waived statement: the rest of the batch is still checked.
    @Test(.needsTSQLGate)
    func waiversAreReportedAndNarrow() throws {
        let python = try #require(Self.interpreter())
        let files = [
            "a-waived.sql": "DROP PARTITION SCHEME [ps_day];\nDROP PARTITION FUNCTION [pf_day];\nGO\n",
            "b-waived-but-broken.sql": "DROP PARTITION SCHEME [ps_day];\nDROP TABLE;\nGO\n",
            "c-in-string.sql": "SELECT N'\nDROP PARTITION SCHEME [x];\n' AS [y] FROM;\nGO\n",
        ]
        let (status, output, _) = try Self.runOn(python, files)
        #expect(status == 1)
        #expect(output.contains("a-waived.sql:1: batch 1: waived (drop-partition-scheme)"), "\(output)")
        #expect(output.contains("a-waived.sql:2: batch 1: waived (drop-partition-function)"), "\(output)")
        #expect(output.contains("b-waived-but-broken.sql:2: batch 1: "), "\(output)")
        #expect(!output.contains("c-in-string.sql:1: batch 1: waived"), "\(output)")
        #expect(Self.summary(output) == "tsql-gate: 0 passed, 2 failed, 1 waived", "\(output)")
    }

    @Test(.needsTSQLGate)
    func nothingToCheckFails() throws {
        let python = try #require(Self.interpreter())
        let (status, output, _) = try Self.runOn(python, ["empty.sql": "-- nothing\nGO\n", "ignored.txt": "SELECT 1;"])
        #expect(status == 1)
        #expect(Self.summary(output) == "tsql-gate: 0 passed, 0 failed, 0 waived", "\(output)")
    }
}

extension Trait where Self == ConditionTrait {
    /// Runs the test only when the T-SQL gate's Python is configured; otherwise it shows as skipped.
    static var needsTSQLGate: Self {
        .enabled(if: TSQLGateTests.interpreter() != nil, "needs OEEDB_TSQL_GATE (the venv Python with sqlfluff; scripts/test.sh sets it)")
    }
}
