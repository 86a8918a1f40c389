import Foundation
import ModelSource
import ODBC
import OEEDiff
import OEEModel
import Runner

/// What `oeedb import` and `oeedb init --from-connection` share: reading the
/// live database into an importable model, and the files written from it.
enum ImportRun {
    enum Form: String, CaseIterable {
        case swift, json
    }

    struct Result {
        var imported: ImportedModel
        var dialect: String
        /// Errors `oeedb model check` would report on the imported model.
        var validationErrors: [String]
    }

    /// Connects, reads the catalog and the loss queries, and closes.
    static func read(_ options: ConnectionOptions, dialect override: String?, databaseName: String?, schemas: [String]?) throws -> Result {
        let spec = try options.resolve()
        let id = override ?? spec.engine.rawValue
        guard let dialect = Dialects.all.first(where: { $0.id == id }) as? any InspectorDialect else {
            throw CLIError("cannot tell the database engine from the connection (\(spec.masked)); pass --dialect sqlserver or --dialect postgres")
        }
        let env = try ODBCEnvironment()
        let connection = try options.connect(environment: env, spec: spec)
        defer { connection.close() }
        let name = databaseName ?? spec.database ?? "imported"
        var imported: ImportedModel
        do {
            imported = try CatalogReader(connection: connection, dialect: dialect).importModel(databaseName: name, schemas: schemas)
        } catch let e as RunnerError {
            throw CLIError("\(spec.summary): \(e.description)", exitCode: 1)
        }
        // A view or routine may spell a password (dblink('… password=…')):
        // its text goes into LOSSES.md and onto the terminal masked.
        for i in imported.losses.indices { imported.losses[i].detail = SecretMask.maskKeys(imported.losses[i].detail) }
        let errors = ModelValidator.validate(imported.database).errors.map { "\($0)" }
        return Result(imported: imported, dialect: dialect.id, validationErrors: errors)
    }

    /// `plant_db` → `PlantDbSchema`; `Imported` + `Schema` when the name has no letters.
    static func typeName(forDatabase name: String) -> String {
        let p = SwiftLiteral.pascalCase(name)
        return (p.isEmpty || p.first!.isNumber ? "Imported" + p : p) + "Schema"
    }

    /// Whether `name` can be the generated enum (and module) name.
    static func isValidTypeName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.isASCII, first.properties.isUppercase else { return false }
        return name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_") }
    }

    /// The source (or snapshot) files and the loss report, by file name.
    static func files(_ result: Result, form: Form, typeName: String) throws -> [(name: String, contents: String)] {
        var files: [(String, String)] = []
        switch form {
        case .swift:
            let printer = SwiftSourcePrinter(typeName: typeName, header: "Imported by oeedb import from the catalog of the \(result.imported.database.name) database (\(result.dialect)); see LOSSES.md.")
            files = printer.files(for: result.imported.database).map { ($0.name, $0.contents) }
        case .json:
            files = [("model.json", String(decoding: try ModelSnapshot.encode(result.imported.database), as: UTF8.self))]
        }
        files.append((ImportReport.fileName, ImportReport.markdown(result)))
        return files
    }
}

/// The loss report written beside the imported source: every object and
/// option the model cannot hold, what the import decided, and the model
/// check. Deterministic: sorted, no dates, no connection details.
enum ImportReport {
    static let fileName = "LOSSES.md"

    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: { $0.isNewline }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: " ")
    }

    static func markdown(_ r: ImportRun.Result) -> String {
        let losses = r.imported.losses
        var out = "# Import report: \(r.imported.database.name) (\(r.dialect))\n\n"
        out += "What `oeedb import` read but the model cannot hold. It stays in the database and is\n"
        out += "not in the imported source; recreate it with a hand-written migration if the model\n"
        out += "should own it. Nothing else was left out.\n\n"
        out += "## Not imported (\(losses.count))\n\n"
        if losses.isEmpty { out += "Nothing.\n" }
        for kind in Array(Set(losses.map(\.kind))).sorted() {
            out += "### \(kind)\n\n"
            for l in losses where l.kind == kind { out += "- `\(l.object)`: \(oneLine(l.detail))\n" }
            out += "\n"
        }
        if !losses.isEmpty { out.removeLast() }
        out += "\n## Decisions of the import (\(r.imported.notes.count))\n\n"
        out += r.imported.notes.isEmpty ? "None.\n" : r.imported.notes.map { "- \(oneLine($0))\n" }.joined()
        out += "\n## Model check\n\n"
        out += r.validationErrors.isEmpty ? "The imported model has no errors.\n"
            : "The imported model has \(r.validationErrors.count) error(s) to fix before `generate`:\n\n" + r.validationErrors.map { "- \(oneLine($0))\n" }.joined()
        return out
    }
}
