import Foundation
import OEEModel

/// The full model at each version of one directory, derived from its `.json`
/// files: a full snapshot (always version 1's, and every version of a folder
/// written before deltas) or the delta from the previous version, replayed
/// onto the model before it. Each file is decoded once per process; the
/// models of recent versions and every 32nd are kept, so reading versions in
/// order (migrate, post-checks) applies one delta per version, and any other
/// version is a short replay from the nearest kept one.
///
/// Shared by every ``MigrationDirectory/Migration`` of a loaded directory;
/// the lock makes it safe to use from any thread.
public final class SnapshotStore: @unchecked Sendable {
    struct Entry {
        var file: MigrationFileName
        var url: URL
        var data: Data?
        /// SHA-256 of `data` as loaded: bytes read again (after the first
        /// decode released them) must be the ones verified.
        var checksum: String?
    }

    private(set) var entries: [Entry]
    private let lock = NSLock()
    /// Decoded delta files, by index (small; kept).
    private var deltas: [Int: ModelDelta] = [:]
    /// Indexes whose file is a full snapshot (decoded, model kept or not).
    private var fullIndexes: Set<Int> = []
    /// Full models by index: checkpoints (every 32nd) and the most recent.
    private var models: [Int: Database] = [:]
    private var recent: [Int] = []
    private static let checkpointEvery = 32
    private static let recentCount = 4

    init(entries: [Entry]) {
        self.entries = entries
    }

    private var stems: [String] { entries.map(\.file.stem) }

    private func jsonName(_ i: Int) -> String { entries[i].url.lastPathComponent }

    /// Decodes file `i`: a delta is kept; a full snapshot's model is returned
    /// (and kept as a model if the cache policy says so).
    private enum Decoded { case full(Database), delta(ModelDelta) }

    private func decode(_ i: Int) throws -> Decoded {
        if let d = deltas[i] { return .delta(d) }
        if fullIndexes.contains(i), let m = models[i] { return .full(m) }
        let e = entries[i]
        guard e.data != nil || e.checksum != nil else {
            throw MigrationError("\(jsonName(i)): model snapshot of \(e.file) is missing; every migration needs its snapshot (restore it from version control: git checkout -- \(jsonName(i)))")
        }
        let file: SnapshotFile
        do {
            // The bytes are released once parsed (13 MB for a full snapshot at
            // 2,000 tables); a later decode (an evicted full model) reads them
            // again, checked against the checksum verified at load.
            var data = entries[i].data
            entries[i].data = nil
            file = try ModelSnapshot.decodeFile(consuming: &data, reread: { try self.reread(i) })
        } catch let error as MigrationError {
            throw error
        } catch {
            throw MigrationError("\(jsonName(i)): model snapshot of \(e.file) does not decode: \(error)")
        }
        switch file {
        case .full(let db):
            fullIndexes.insert(i)
            remember(i, db)
            return .full(db)
        case .delta(let d):
            try checkLink(d, at: i)
            deltas[i] = d
            return .delta(d)
        }
    }

    /// File `i`'s bytes read again: they must be the ones checked at load.
    private func reread(_ i: Int) throws -> Data {
        let e = entries[i]
        guard let data = try? Data(contentsOf: e.url), Checksum.sha256(data) == e.checksum else {
            throw MigrationError("\(jsonName(i)): changed on disk while oeedb was reading it; run the command again")
        }
        return data
    }

    /// A delta names the version it applies to: it must be the one before it.
    private func checkLink(_ d: ModelDelta, at i: Int) throws {
        guard i > 0 else {
            throw MigrationError("\(jsonName(i)): a model delta (of \(d.previous)), but \(entries[i].file) is the first version, which must hold the full model snapshot; restore it from version control (git checkout -- \(jsonName(i)))")
        }
        let before = entries[i - 1].file.stem
        guard d.previous == before else {
            throw MigrationError("\(jsonName(i)): its model delta applies to \(d.previous), but the version before it is \(before) (a merge put another version in between?); keep main's migrations, delete yours (.sql and .json), run 'oeedb hash', then 'oeedb generate' again")
        }
    }

    private func remember(_ i: Int, _ db: Database) {
        models[i] = db
        if i % Self.checkpointEvery == 0 || i == entries.count - 1 { return }
        recent.removeAll { $0 == i }
        recent.append(i)
        while recent.count > Self.recentCount {
            let old = recent.removeFirst()
            if old % Self.checkpointEvery != 0 && old != entries.count - 1 { models[old] = nil }
        }
    }

    /// What is wrong with file `i` on its own: missing, not decodable, or a
    /// delta that names another previous version.
    func problems(at i: Int) -> [String] {
        lock.lock()
        defer { lock.unlock() }
        do { _ = try decode(i) } catch let e as MigrationError { return [e.message] } catch { return ["\(jsonName(i)): \(error)"] }
        return []
    }

    /// The delta of version `i`, or nil when its file is a full snapshot.
    func delta(at i: Int) throws -> ModelDelta? {
        lock.lock()
        defer { lock.unlock() }
        if case .delta(let d) = try decode(i) { return d }
        return nil
    }

    /// The full model at version `i`.
    func database(at i: Int) throws -> Database {
        lock.lock()
        defer { lock.unlock() }
        if let m = models[i] { return m }
        // The nearest version at or before `i` with a known model or a full snapshot.
        var start = i
        var base: Database?
        while start >= 0 {
            if let m = models[start] { base = m; break }
            if case .full(let db) = try decode(start) { base = db; break }
            start -= 1
        }
        guard var model = base else {
            // Only reachable when version 1 is a delta: decode(0) reports it.
            _ = try decode(0)
            throw MigrationError("\(jsonName(0)): no full model snapshot to start from")
        }
        var k = start + 1
        while k <= i {
            switch try decode(k) {
            case .full(let db): model = db
            case .delta(let d):
                do { model = try d.apply(to: model) } catch let e as ModelDeltaError {
                    throw MigrationError("\(jsonName(k)): the model delta of \(entries[k].file) does not apply to \(entries[k - 1].file)'s model: it \(e.message); restore the file from version control (git checkout -- \(jsonName(k)))")
                }
                if k % Self.checkpointEvery == 0 { models[k] = model }
            }
            k += 1
        }
        remember(i, model)
        return model
    }
}
