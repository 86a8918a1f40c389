import Foundation
import OEEModel

/// The seeds folder: one subfolder per set (`standard`, `demo`), each
/// holding `schema.table.csv` files. The file name is the manifest: it says
/// which table the file loads; the load order comes from the foreign keys.
public struct SeedDirectory: Sendable {
    /// The folder as given (`seeds`); messages name files under it.
    public var root: String

    public init(root: String) {
        self.root = root
    }

    /// The set loaded when none is named.
    public static let defaultSet = "standard"

    /// Every set: subfolders holding at least one `.csv` file, sorted.
    public func sets() -> [String] {
        let fm = FileManager.default
        let names = (try? fm.contentsOfDirectory(atPath: root)) ?? []
        return names.filter { name in
            var isDir: ObjCBool = false
            let path = root + "/" + name
            guard fm.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue else { return false }
            return ((try? fm.contentsOfDirectory(atPath: path)) ?? []).contains { $0.hasSuffix(".csv") }
        }.sorted()
    }

    /// The seed files of a set, sorted by name; unreadable or misnamed files
    /// become diagnostics. Throws when the set does not exist.
    public func files(set: String) throws -> (files: [SeedFile], diagnostics: [SeedDiagnostic]) {
        let folder = root + "/" + set
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
            throw SeedSetError(message: "no seed set '\(set)' in \(root) (sets: \(sets().joined(separator: ", ")))")
        }
        var files: [SeedFile] = []
        var diagnostics: [SeedDiagnostic] = []
        for name in names.sorted() where name.hasSuffix(".csv") {
            let path = folder + "/" + name
            guard let table = SeedFile.table(forFileName: name) else {
                diagnostics.append(.init(file: path, line: 1, column: nil, message: "a seed file is named schema.table.csv after the table it loads"))
                continue
            }
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                diagnostics.append(.init(file: path, line: 1, column: nil, message: "cannot read the file as UTF-8 text"))
                continue
            }
            switch SeedFile.parse(path: path, table: table, text: text) {
            case .success(let f): files.append(f)
            case .failure(let d): diagnostics.append(d)
            }
        }
        if files.isEmpty && diagnostics.isEmpty {
            throw SeedSetError(message: "seed set '\(set)' (\(folder)) holds no .csv files")
        }
        return (files, diagnostics)
    }

    /// The tables the files of `sets` name, without reading the files (for
    /// reading their database rows while the files are validated); a set
    /// that does not exist names none.
    public func tableNames(sets: [String]) -> [QualifiedName] {
        var names: [QualifiedName] = []
        for set in sets {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: root + "/" + set)) ?? []
            for file in files.sorted() {
                if let name = SeedFile.table(forFileName: file), !names.contains(name) { names.append(name) }
            }
        }
        return names
    }

    /// Primary keys of the rows that sets other than `selected` seed in
    /// `table`: such rows are never reported as extra nor pruned. Reads only
    /// the file `<schema>.<table>.csv` of each other set.
    public func keysOwned(byOtherThan selected: [String], table: QualifiedName, model: Database) -> Set<SeedKey> {
        var result: Set<SeedKey> = []
        let name = "\(table.schema).\(table.name).csv"
        for set in sets() where !selected.contains(set) {
            let path = root + "/" + set + "/" + name
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8),
                  case .success(let file) = SeedFile.parse(path: path, table: table, text: text) else { continue }
            for seeded in SeedValidator(model: model).validate([file]).tables where seeded.name == table {
                result.formUnion(seeded.rows.map { seeded.key(of: $0) })
            }
        }
        return result
    }
}

/// A seed set that does not exist or is empty (a usage error).
public struct SeedSetError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
