// swift-tools-version: 6.0
import PackageDescription

// plantdb: the oeedb command line over this package's own model, which
// extends the canonical OEE schema (written by the oeedb init command).
let package = Package(
    name: "plantdb",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "oeedb", path: "../.."),
    ],
    targets: [
        // The model: the canonical schema plus this plant's own schemas.
        .target(name: "PlantdbSchema", dependencies: [
            .product(name: "OEEDSL", package: "oeedb"),
            .product(name: "OEESchema", package: "oeedb"),
        ], path: "schema"),
        // The command line: `swift run plantdb --help`.
        .executableTarget(name: "plantdb", dependencies: [
            "PlantdbSchema",
            .product(name: "OeedbCLI", package: "oeedb"),
        ], path: "Sources/plantdb"),
    ],
    swiftLanguageModes: [.v6]
)
