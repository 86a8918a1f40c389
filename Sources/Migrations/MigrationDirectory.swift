import Foundation
import OEEModel

/// One dialect's migration folder (`migrations/sqlserver`): versioned SQL
/// files, a model snapshot per version, and the integrity file.
public struct MigrationDirectory: Sendable {
    public let url: URL
    public private(set) var migrations: [Migration]
    /// `U<NNNN>__name.sql` undo scripts, by version.
    public private(set) var undos: [UndoScript] = []
    /// SHA-256 of every file read by `load`, by file name: verification checks
    /// the bytes that will run, and reads nothing twice.
    private var loadedChecksums: [String: String] = [:]
    /// Files `load` could not take as migrations (bad name, not UTF-8):
    /// reported by `verify()` with everything else, not one at a time.
    private var loadProblems: [String] = []

    /// A migration as found on disk.
    public struct Migration: Hashable, Sendable {
        public var file: MigrationFileName
        public var sqlURL: URL
        public var snapshotURL: URL
        /// SHA-256 of the SQL file's bytes: what the history table records.
        public var checksum: String
        public var text: String

        public var header: MigrationHeader {
            get throws { try MigrationHeader.parse(text, file: sqlURL.lastPathComponent) }
        }

        /// The snapshot's bytes as read (and hashed) when the directory was
        /// loaded: what `verify()` checked is what is decoded.
        var snapshotData: Data?

        /// What is wrong with this file on its own: its header (directives
        /// known and well formed, version and name equal to the file name's)
        /// and its snapshot (present and decodable).
        public func problems() -> [String] {
            let sqlName = sqlURL.lastPathComponent
            let (header, problems) = MigrationHeader.scan(text, file: sqlName)
            var result = problems + MigrationHeader.nameProblems(header, file: file, sqlName: sqlName)
            if let link {
                result += link.store.problems(at: link.index)
            } else {
                do { _ = try snapshot() } catch let e as MigrationError { result.append(e.message) } catch { result.append("\(snapshotURL.lastPathComponent): \(error)") }
            }
            return result
        }

        /// The full model at this version: its `.json` file when that is a
        /// full snapshot, else the previous version's model with its delta
        /// applied. Decoded and replayed once per loaded directory (shared cache).
        public func snapshot() throws -> Database {
            if let link { return try link.store.database(at: link.index) }
            let data: Data
            do { data = try snapshotData ?? Data(contentsOf: snapshotURL) } catch {
                throw MigrationError("\(snapshotURL.lastPathComponent): model snapshot of \(file) is missing; every migration needs its snapshot (restore it from version control: git checkout -- \(snapshotURL.lastPathComponent))")
            }
            do { return try ModelSnapshot.decode(data) } catch {
                throw MigrationError("\(snapshotURL.lastPathComponent): model snapshot of \(file) does not decode: \(error)")
            }
        }

        /// The objects this version changed, when its `.json` is a delta; nil
        /// for a full snapshot (compare the models to find them).
        public func delta() throws -> ModelDelta? {
            guard let link else {
                if let data = snapshotData, case .delta(let d) = try ModelSnapshot.decodeFile(data) { return d }
                return nil
            }
            return try link.store.delta(at: link.index)
        }

        /// The directory's shared snapshot store and this version's place in it.
        var link: StoreLink?
    }

    /// `U<NNNN>__name.sql`: takes a database from that version back to the
    /// previous one. It has no snapshot of its own: the previous version's is
    /// the state it must leave.
    public struct UndoScript: Hashable, Sendable {
        public var file: MigrationFileName
        public var sqlURL: URL
        public var checksum: String
        public var text: String

        public var header: MigrationHeader {
            get throws { try MigrationHeader.parse(text, file: sqlURL.lastPathComponent) }
        }

        /// Its header, and that it names its version, runs in one transaction
        /// and carries no post-migration-only directives.
        public func problems() -> [String] {
            let sqlName = sqlURL.lastPathComponent
            let (header, problems) = MigrationHeader.scan(text, file: sqlName)
            var result = problems + MigrationHeader.nameProblems(header, file: file, sqlName: sqlName)
            if let header {
                if header.mode != .on {
                    result.append("\(sqlName): an undo script runs in one transaction with its history change; write '-- oeedb:transaction on' (not '\(header.mode.rawValue)')")
                }
                if !header.online.steps.isEmpty {
                    result.append("\(sqlName): an undo script runs in one transaction with its history change; remove its '-- oeedb:step' directives (write plain CREATE/DROP INDEX, not CONCURRENTLY or RESUMABLE)")
                }
            }
            return result
        }
    }

    /// The undo script of `version`, if the directory has one.
    public func undo(for version: Int) -> UndoScript? {
        undos.first { $0.file.version == version }
    }

    /// Reads the folder (a missing folder is an empty directory).
    public static func load(_ url: URL) throws -> MigrationDirectory {
        var dir = MigrationDirectory(url: url, migrations: [])
        let fm = FileManager.default
        guard fm.fileExists(atPath: url.path) else { return dir }
        let names = try fm.contentsOfDirectory(atPath: url.path).sorted()
        // One URL per file from the folder's path: `appendingPathComponent`
        // re-parses the URL each time (a fifth of loading 300 files).
        let folder = url.path.hasSuffix("/") ? url.path : url.path + "/"
        func child(_ name: String) -> URL { URL(fileURLWithPath: folder + name, isDirectory: false) }
        for name in names where name.hasSuffix(".sql") {
            if let undo = MigrationFileName(parsing: name, extension: "sql", undo: true) {
                let sqlURL = child(name)
                let data = try Data(contentsOf: sqlURL)
                guard let text = String(data: data, encoding: .utf8) else {
                    dir.loadProblems.append("\(name): not UTF-8 text")
                    continue
                }
                dir.undos.append(UndoScript(file: undo, sqlURL: sqlURL, checksum: Checksum.sha256(data), text: text))
                dir.loadedChecksums[name] = dir.undos.last!.checksum
                continue
            }
            guard let file = MigrationFileName(parsing: name, extension: "sql") else {
                dir.loadProblems.append("\(name): not a migration file name; expected V<version>__<name>.sql (e.g. V0002__add_note.sql) or its undo script U<version>__<name>.sql; rename or remove it")
                continue
            }
            let sqlURL = child(name)
            let data = try Data(contentsOf: sqlURL)
            guard let text = String(data: data, encoding: .utf8) else {
                dir.loadProblems.append("\(name): not UTF-8 text")
                continue
            }
            let snapshotURL = child(file.stem + ".json")
            let snapshotData = try? Data(contentsOf: snapshotURL)
            dir.migrations.append(Migration(
                file: file, sqlURL: sqlURL, snapshotURL: snapshotURL,
                checksum: Checksum.sha256(data), text: text, snapshotData: snapshotData))
            if let snapshotData { dir.loadedChecksums[snapshotURL.lastPathComponent] = Checksum.sha256(snapshotData) }
            dir.loadedChecksums[name] = dir.migrations.last!.checksum
        }
        dir.migrations.sort { $0.file < $1.file }
        dir.undos.sort { $0.file < $1.file }
        let store = SnapshotStore(entries: dir.migrations.map { .init(file: $0.file, url: $0.snapshotURL, data: $0.snapshotData, checksum: $0.snapshotData == nil ? nil : dir.loadedChecksums[$0.snapshotURL.lastPathComponent]) })
        for i in dir.migrations.indices {
            dir.migrations[i].link = StoreLink(store: store, index: i)
            dir.migrations[i].snapshotData = nil  // the store holds the bytes
        }
        return dir
    }

    private init(url: URL, migrations: [Migration]) {
        self.fileProblemsCache = ProblemsCache()
        self.url = url
        self.migrations = migrations
    }

    public var latest: Migration? { migrations.last }

    /// A migration's handle on the shared store. Not part of its identity:
    /// two loads of the same files are equal migrations.
    struct StoreLink: Hashable, Sendable {
        let store: SnapshotStore
        let index: Int
        static func == (a: Self, b: Self) -> Bool { true }
        func hash(into hasher: inout Hasher) {}
    }

    /// The model as of the latest migration (an empty database named after
    /// `fallbackName` when there is none).
    public func latestModel(fallbackName: String) throws -> Database {
        try latest?.snapshot() ?? Database(name: fallbackName)
    }

    /// The files the integrity file covers: every `.sql` and `.json` here.
    func trackedFiles() throws -> [String] {
        guard FileManager.default.fileExists(atPath: url.path) else { return [] }
        return try FileManager.default.contentsOfDirectory(atPath: url.path)
            .filter { !$0.hasPrefix(".") && ($0.hasSuffix(".sql") || $0.hasSuffix(".json")) }
            .sorted()
    }

    /// The integrity file as it should be for the files on disk now.
    public func computedIntegrity() throws -> IntegrityFile {
        var entries: [String: String] = [:]
        for name in try trackedFiles() {
            entries[name] = try loadedChecksums[name] ?? Checksum.sha256(Data(contentsOf: url.appendingPathComponent(name)))
        }
        return IntegrityFile(entries: entries)
    }

    /// Every problem with the folder, all at once, each naming its file:
    /// unusable file names, headers that do not parse or do not match the file
    /// name, snapshots that are missing or do not decode, duplicate versions,
    /// and files that differ from the integrity file (edited, added by hand,
    /// missing, or a corrupt or missing `oeedb.sum`). Empty = intact.
    public func verify() throws -> [String] {
        // The files' own problems depend only on what `load` read: found once
        // per loaded directory (generate verifies before it plans, and the
        // planner again). The integrity file is compared anew every time.
        let own = fileProblemsCache.value(fileProblems)
        return own + (try integrityProblems())
    }

    /// A loaded directory's file problems, computed on first use.
    final class ProblemsCache: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: [String]?
        func value(_ compute: () -> [String]) -> [String] {
            lock.lock()
            defer { lock.unlock() }
            if let stored { return stored }
            let v = compute()
            stored = v
            return v
        }
    }

    private let fileProblemsCache: ProblemsCache

    /// Names, headers, snapshots (decoding, and the delta chain replaying),
    /// duplicate versions and undo scripts: everything but `oeedb.sum`.
    func fileProblems() -> [String] {
        var problems = loadProblems
        var snapshotsDecode = true
        for m in migrations {
            let own = m.problems()
            problems += own
            if own.contains(where: { $0.hasPrefix(m.snapshotURL.lastPathComponent + ":") }) { snapshotsDecode = false }
        }
        // Every delta decodes and names its previous version: replay the chain
        // once (kept for what follows), so a delta that does not fit is found
        // before anything is planned or run.
        if snapshotsDecode, let latest {
            do { _ = try latest.snapshot() } catch { problems.append((error as? MigrationError)?.message ?? "\(latest.snapshotURL.lastPathComponent): \(error)") }
        }
        var byVersion: [Int: [MigrationFileName]] = [:]
        for m in migrations { byVersion[m.file.version, default: []].append(m.file) }
        for (_, files) in byVersion.sorted(by: { $0.key < $1.key }) where files.count > 1 {
            problems.append("version \(files[0].versionText) is used by \(files.map { $0.stem + ".sql" }.joined(separator: " and ")): two branches added the same version. Keep main's: delete your .sql and .json of that version, run 'oeedb hash', then 'oeedb generate' again")
        }
        let versioned = Set(migrations.map(\.file))
        var undoVersions: [Int: [MigrationFileName]] = [:]
        for u in undos {
            problems += u.problems()
            undoVersions[u.file.version, default: []].append(u.file)
            var forward = u.file
            forward.isUndo = false
            if !versioned.contains(forward) {
                problems.append("\(u.file.stem).sql: undoes \(forward.stem).sql, which is not in \(url.lastPathComponent)/; rename it after the migration it undoes or delete it, then run 'oeedb hash'")
            }
        }
        for (_, files) in undoVersions.sorted(by: { $0.key < $1.key }) where files.count > 1 {
            problems.append("version \(files[0].versionText) has \(files.count) undo scripts (\(files.map { $0.stem + ".sql" }.joined(separator: " and "))); keep one, then run 'oeedb hash'")
        }
        return problems
    }

    /// The files on disk compared with `oeedb.sum`.
    func integrityProblems() throws -> [String] {
        let sumURL = url.appendingPathComponent(IntegrityFile.fileName)
        let computed = try computedIntegrity()
        guard FileManager.default.fileExists(atPath: sumURL.path) else {
            if computed.entries.isEmpty { return [] }
            return ["\(IntegrityFile.fileName): missing from \(url.path); if every file here is known good, run 'oeedb hash' to record it (applied migrations stay protected by each database's history checksums)"]
        }
        let stored: IntegrityFile
        do {
            stored = try IntegrityFile.parse(String(decoding: try Data(contentsOf: sumURL), as: UTF8.self), path: IntegrityFile.fileName)
        } catch let e as MigrationError {
            return [e.message]
        }
        var problems: [String] = []
        for name in Set(stored.entries.keys).union(computed.entries.keys).sorted() {
            switch (stored.entries[name], computed.entries[name]) {
            case (let s?, let c?) where s != c:
                problems.append("\(name): changed after it was generated (sha256 \(c.prefix(12))…, recorded \(s.prefix(12))…): a shipped migration must never change; revert the edit (git checkout -- \(name)) and add a new migration instead. If it has not shipped (applied nowhere), run 'oeedb hash' to record the edit")
            case (_?, nil):
                problems.append("\(name): recorded in \(IntegrityFile.fileName) but missing from \(url.lastPathComponent)/; restore it from version control (or, if it was never applied anywhere and was removed on purpose, run 'oeedb hash')")
            case (nil, _?):
                problems.append("\(name): not recorded in \(IntegrityFile.fileName): it was added by hand; delete it and add migrations with 'oeedb generate', or run 'oeedb hash' to record it if it was written on purpose")
            default:
                break
            }
        }
        return problems
    }

    /// Writes the integrity file for the files on disk now.
    public func writeIntegrity() throws {
        try Data(computedIntegrity().text.utf8).write(to: url.appendingPathComponent(IntegrityFile.fileName), options: .atomic)
    }
}

extension MigrationHeader {
    /// A header whose version or name differs from its file name's.
    static func nameProblems(_ header: MigrationHeader?, file: MigrationFileName, sqlName: String) -> [String] {
        guard let header else { return [] }
        var result: [String] = []
        if header.version != file.version {
            result.append("\(sqlName): its header says '-- oeedb:version \(MigrationFileName(version: header.version, name: header.name).versionText)' but the file name says \(file.versionText); rename the file or fix the header")
        }
        if header.name != file.name {
            result.append("\(sqlName): its header says '-- oeedb:name \(header.name)' but the file name says \(file.name); rename the file or fix the header")
        }
        return result
    }
}
