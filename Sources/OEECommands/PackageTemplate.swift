import Foundation
import ModelSource

/// The files `oeedb init` writes: a Swift package whose executable is the
/// oeedb command line over the package's own model, which extends the
/// canonical schema. Deterministic: the same inputs give the same bytes.
struct PackageTemplate {
    /// The executable's name (also the package's), e.g. `plantdb`.
    var name: String
    /// Where oeedb is, relative to the new package (`--oeedb-path`); nil: the repository URL.
    var oeedbPath: String?
    /// The schema folder's files when the model is imported (`--from-connection`):
    /// the printed source and its loss report, by file name; nil: extend the canonical schema.
    var imported: [(name: String, contents: String)]?

    static let repositoryURL = "https://github.com/oeedb/oeedb"
    static let releaseVersion = "0.1.0"

    /// `plantdb` → `PlantdbSchema`: the module holding the model.
    var schemaModule: String {
        let parts = name.split(whereSeparator: { $0 == "-" || $0 == "_" })
        return parts.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined() + "Schema"
    }

    /// A name SwiftPM and the shell take as they are.
    static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, CharacterSet.lowercaseLetters.contains(first), first.isASCII else { return false }
        return name.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.lowercaseLetters.contains($0) || CharacterSet.decimalDigits.contains($0) || $0 == "-" || $0 == "_") }
            && name.count <= 40
    }

    var dependency: String {
        if let oeedbPath { return ".package(name: \"oeedb\", path: \(SwiftLiteral.string(oeedbPath)))" }
        return ".package(url: \"\(Self.repositoryURL)\", from: \"\(Self.releaseVersion)\")"
    }

    /// Relative path → contents, in a stable order.
    var files: [(path: String, contents: String)] {
        [
            ("Package.swift", packageSwift),
            ("Sources/\(name)/main.swift", mainSwift),
        ] + schemaFiles + [
            ("migrations/README.md", "Migrations of this package's model, one folder per dialect: `swift run \(name) generate --name …` writes them.\n"),
            ("seeds/README.md", "Reference data: one folder per seed set (e.g. `seeds/standard/ref.site.csv`), loaded by `swift run \(name) seed --set standard`.\n"),
            (".gitignore", ".build/\nPackage.resolved\n.swiftpm/\n"),
            ("README.md", readme),
        ]
    }

    var schemaFiles: [(path: String, contents: String)] {
        guard let imported else { return [("schema/\(schemaModule).swift", schemaSwift)] }
        return imported.map { ("schema/\($0.name)", $0.contents) }
    }

    /// The schema target's dependencies and exclusions: imported source needs only the DSL.
    var schemaTarget: String {
        var lines = [".target(name: \(SwiftLiteral.string(schemaModule)), dependencies: [", "            .product(name: \"OEEDSL\", package: \"oeedb\"),"]
        if imported == nil {
            lines += ["            .product(name: \"OEESchema\", package: \"oeedb\"),", "        ], path: \"schema\"),"]
        } else {
            lines += ["        ], path: \"schema\", exclude: [\"LOSSES.md\"]),"]
        }
        return lines.joined(separator: "\n")
    }

    var packageSwift: String {
        """
        // swift-tools-version: 6.0
        import PackageDescription

        // \(name): the oeedb command line over this package's own model, which
        // extends the canonical OEE schema (written by the oeedb init command).
        let package = Package(
            name: \(SwiftLiteral.string(name)),
            platforms: [.macOS(.v13)],
            dependencies: [
                \(dependency),
            ],
            targets: [
                // \(imported == nil ? "The model: the canonical schema plus this plant's own schemas." : "The model: imported from the live database (schema/LOSSES.md lists what was left out).")
                \(schemaTarget)
                // The command line: `swift run \(name) --help`.
                .executableTarget(name: \(SwiftLiteral.string(name)), dependencies: [
                    \(SwiftLiteral.string(schemaModule)),
                    .product(name: "OeedbCLI", package: "oeedb"),
                ], path: "Sources/\(name)"),
            ],
            swiftLanguageModes: [.v6]
        )

        """
    }

    var mainSwift: String {
        """
        import OEECommands
        import \(schemaModule)

        // Every oeedb command, over this package's model: migrations/, seeds/ and
        // docs/ are read and written relative to the folder it runs in.
        Oeedb.runMain(model: { \(schemaModule).database })

        """
    }

    var schemaSwift: String {
        """
        import OEEDSL
        import OEESchema

        /// This package's model: the canonical OEE schema (partition functions and
        /// schemes, `ref`, `fact`, `agg`, `sec`) plus the plant's own schemas.
        /// Add tables below; `swift run \(name) model check` validates the model,
        /// `swift run \(name) generate --name …` writes the next migration.
        public enum \(schemaModule) {
            public static let database: Database = Database(
                "oee",
                "OEE database: the canonical schema and this plant's own tables"
            ) {
                OEECanonical.objects
            }
        }

        """
    }

    var readme: String {
        """
        # \(name)

        The oeedb command line over this package's model: the canonical OEE
        schema plus this plant's own tables (`schema/\(schemaModule).swift`).

        ```sh
        swift build
        swift run \(name) model check          # validate the model
        swift run \(name) generate --name init # write migrations/<dialect>/V0001__init.sql
        swift run \(name) docs                 # ER diagrams and data dictionary in docs/schema
        swift run \(name) migrate --connection 'sqlserver://deploy@db:1433/oee'
        ```

        Every oeedb command works here (`swift run \(name) --help`); paths such as
        `migrations/`, `seeds/` and `docs/schema` are relative to this folder.

        """
    }
}
