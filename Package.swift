// swift-tools-version: 6.0
import PackageDescription

// Data flows one way: DSL -> model -> validate -> diff -> dialect text ->
// migration files -> runner (ODBC) -> live database -> introspection -> model.
// The model knows no dialect; dialects know no ODBC; only ODBC imports C.
let package = Package(
    name: "oeedb",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "oeedb", targets: ["oeedb"]),
        .library(name: "OEEModel", targets: ["OEEModel"]),
        .library(name: "OEEDSL", targets: ["OEEDSL"]),
        // For a plant's own package: the canonical schema to compose with
        // (`OEECanonical.objects`), and the command line to run over its model
        // (`Oeedb.runMain(model:)`). See Examples/plant.
        .library(name: "OEESchema", targets: ["OEESchema"]),
        .library(name: "OeedbCLI", targets: ["OEECommands"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/pointfreeco/swift-snapshot-testing", from: "1.17.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // Pure, dialect-free values: no I/O, no SQL text (beyond raw escape hatches).
        .target(name: "OEEModel"),
        // Result builders and fluent modifiers producing OEEModel values.
        .target(name: "OEEDSL", dependencies: ["OEEModel"]),
        // The canonical OEE schema, written in the DSL.
        // Typed schema changes, the differ, destructive-change analysis; the dialect protocol.
        .target(name: "OEEDiff", dependencies: ["OEEModel"]),
        // Model changes -> T-SQL batches.
        .target(name: "SQLServer", dependencies: ["OEEDiff"]),
        // Model changes -> PostgreSQL statements (the engine this machine can run).
        .target(name: "PostgreSQL", dependencies: ["OEEDiff"]),
        // The unixODBC C API; only the ODBC target imports it.
        .systemLibrary(name: "CODBC", path: "Sources/CODBC", pkgConfig: "odbc", providers: [.apt(["unixodbc-dev"])]),
        // Environment, connections, statements, values, errors over unixODBC.
        .target(name: "ODBC", dependencies: ["CODBC"]),
        // Migration directories: files, headers and directives, integrity file, generation.
        .target(name: "Migrations", dependencies: [
            "OEEDiff", .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // Applies migration directories over ODBC: history, lock, transactions, checks.
        .target(name: "Runner", dependencies: ["Migrations", "ODBC", "OEEDiff"]),
        .target(name: "OEESchema", dependencies: ["OEEDSL"], path: "schema"),
        // Model -> Swift DSL source that builds it again (`oeedb import`).
        .target(name: "ModelSource", dependencies: ["OEEModel"]),
        // Model -> ER diagrams (Mermaid, DOT, SVG via Graphviz) and the data dictionary (Markdown, HTML).
        .target(name: "Docs", dependencies: ["OEEModel"]),
        // Reference data: seed CSVs validated against the model, planned, rendered per dialect, loaded over ODBC.
        .target(name: "Seeds", dependencies: ["OEEModel", "ODBC"]),
        // One file per subcommand; thin over the libraries.
        .target(name: "OEECommands", dependencies: [
            "OEEModel", "OEEDiff", "SQLServer", "PostgreSQL", "Migrations", "ODBC", "Runner", "Docs", "Seeds", "ModelSource",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // The oeedb executable: the command line over the canonical schema.
        .executableTarget(name: "oeedb", dependencies: ["OEECommands", "OEESchema"]),
        // The benchmarks' synthetic model, also read back in OEEModelTests.
        .target(name: "SyntheticModel", dependencies: ["OEEModel", "OEEDSL"]),
        .executableTarget(name: "oeedb-bench", dependencies: ["OEEModel", "OEEDSL", "OEEDiff", "SQLServer", "SyntheticModel"], path: "Sources/oeedb-bench"),

        // What the test targets share: the live engines the test command starts.
        .target(name: "OEETestSupport", dependencies: ["ODBC"], path: "Tests/Support"),
        .testTarget(name: "OEEModelTests", dependencies: ["OEEModel", "OEEDSL", "SyntheticModel"]),
        .testTarget(name: "OEEDiffTests", dependencies: ["OEEDiff", "OEEDSL"]),
        .testTarget(name: "SQLServerTests", dependencies: [
            "SQLServer", "OEEDSL",
            .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
        ], exclude: ["__Snapshots__"]),
        .testTarget(name: "MigrationsTests", dependencies: ["Migrations", "OEEDSL"]),
        .testTarget(name: "PostgreSQLTests", dependencies: [
            "PostgreSQL", "OEEDSL",
            .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
        ], exclude: ["__Snapshots__"]),
        .testTarget(name: "ODBCTests", dependencies: ["OEETestSupport", "ODBC"]),
        .testTarget(name: "RunnerTests", dependencies: ["OEETestSupport", 
            "Runner", "PostgreSQL", "SQLServer", "OEEDSL", "OEESchema",
            .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
        ], exclude: ["__Snapshots__"]),
        .testTarget(name: "DocsTests", dependencies: [
            "Docs", "OEEDSL", "OEESchema", "OEECommands",
            .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
        ], exclude: ["__Snapshots__"]),
        .testTarget(name: "SeedsTests", dependencies: ["OEETestSupport", 
            "Seeds", "OEESchema", "OEEModel", "OEEDiff", "PostgreSQL", "ODBC",
            .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
        ], exclude: ["__Snapshots__"]),
        .testTarget(name: "OEEDSLTests", dependencies: ["OEEDSL"]),
        .testTarget(name: "OEESchemaTests", dependencies: ["OEESchema", "OEEModel"]),
        .testTarget(name: "OEECommandsTests", dependencies: ["OEETestSupport", "OEECommands"]),
        // Source `oeedb import` printed, committed and compiled here: the import tests compare the models it builds.
        .target(name: "ImportFixtures", dependencies: ["OEEDSL"], path: "Tests/ImportFixtures", exclude: ["LOSSES.md"]),
        .testTarget(name: "ImportTests", dependencies: [
            "OEETestSupport", "ModelSource", "ImportFixtures", "OEECommands", "OEESchema", "OEEDSL", "Runner", "PostgreSQL", "Migrations",
        ]),
    ],
    swiftLanguageModes: [.v6]
)
