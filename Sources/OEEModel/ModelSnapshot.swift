import Foundation

/// The stable JSON form of a model: sorted keys, pretty-printed, byte-identical
/// for equal models, and loading back equal.
///
///     { "database" : { … }, "format" : "oeedb.model/1" }
public struct ModelSnapshot: Hashable, Sendable, Codable {
    public static let currentFormat = "oeedb.model/1"

    public var format: String
    public var database: Database

    public init(_ database: Database) {
        self.format = ModelSnapshot.currentFormat
        self.database = database
    }

    /// Encodes a database to its canonical JSON bytes (ending in a newline).
    public static func encode(_ database: Database) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        var data = try encoder.encode(ModelSnapshot(database))
        data.append(0x0A)
        return data
    }

    /// Decodes a snapshot, rejecting unknown formats with an explanation.
    public static func decode(_ data: Data) throws -> Database {
        // The fast reader first (ModelReader.swift); what it declines is
        // decoded the Foundation way, which also words every error.
        if let database = try? data.withUnsafeBytes({ try ModelReader.read($0) { try $0.snapshot() } }) {
            return database
        }
        return try foundationDecode(data)
    }

    /// The Foundation path: strict `Codable`, every error worded with its path.
    static func foundationDecode(_ data: Data) throws -> Database {
        let snapshot: ModelSnapshot
        do {
            // Strict: an unknown key anywhere (a misspelt "filter") is an error naming its path.
            snapshot = try JSONDecoder().decode(StrictBox<ModelSnapshot>.self, from: data).value
        } catch let error as DecodingError {
            throw SnapshotError.invalid(SnapshotError.describe(error))
        } catch let error as UnknownKeyError {
            throw SnapshotError.invalid(error.description)
        }
        guard snapshot.format == currentFormat else {
            throw SnapshotError.unsupportedFormat(snapshot.format)
        }
        return snapshot.database
    }
}

/// What a migration's `.json` file holds: a full model snapshot (the old
/// form, and always version 1's) or the delta from the previous version.
public enum SnapshotFile: Hashable, Sendable {
    case full(Database)
    case delta(ModelDelta)
}

extension ModelSnapshot {
    /// Encodes a delta in the same canonical form as a snapshot.
    public static func encode(_ delta: ModelDelta) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        var data = try encoder.encode(delta)
        data.append(0x0A)
        return data
    }

    /// Decodes a migration's `.json`: a full snapshot or a delta, both strictly
    /// (an unknown key anywhere is an error naming its path).
    public static func decodeFile(_ data: Data) throws -> SnapshotFile {
        if let file = try? data.withUnsafeBytes({ try ModelReader.read($0) { try $0.snapshotFile() } }) {
            return file
        }
        return try foundationDecodeFile(data)
    }

    /// The Foundation path of ``decodeFile(_:)``.
    static func foundationDecodeFile(_ data: Data) throws -> SnapshotFile {
        struct Probe: Decodable { var format: String? }
        let format: String?
        do { format = try JSONDecoder().decode(Probe.self, from: data).format } catch let error as DecodingError {
            throw SnapshotError.invalid(SnapshotError.describe(error))
        }
        switch format {
        case ModelDelta.currentFormat:
            do {
                return .delta(try JSONDecoder().decode(StrictBox<ModelDelta>.self, from: data).value)
            } catch let error as DecodingError {
                throw SnapshotError.invalid(SnapshotError.describe(error))
            } catch let error as UnknownKeyError {
                throw SnapshotError.invalid(error.description)
            }
        case currentFormat, nil:
            return .full(try foundationDecode(data))
        case let other?:
            throw SnapshotError.unsupportedFormat(other)
        }
    }
}

extension ModelSnapshot {
    /// ``decodeFile(_:)`` that releases the bytes once decoded (at 2,000
    /// tables the 13 MB text need not outlive the read): `data` is nil after.
    /// Without bytes (released by an earlier decode), `reread` gives them again.
    public static func decodeFile(consuming data: inout Data?, reread: () throws -> Data) throws -> SnapshotFile {
        let bytes = try data ?? reread()
        data = nil
        return try decodeFile(bytes)
    }

    /// ``decode(_:)`` that releases the bytes once decoded; see ``decodeFile(consuming:reread:)``.
    public static func decode(consuming data: inout Data?, reread: () throws -> Data) throws -> Database {
        let bytes = try data ?? reread()
        data = nil
        return try decode(bytes)
    }
}

public enum SnapshotError: Error, Equatable, CustomStringConvertible {
    case invalid(String)
    case unsupportedFormat(String)

    public var description: String {
        switch self {
        case .invalid(let why): return "not a valid oeedb model snapshot: \(why)"
        case .unsupportedFormat(let f):
            return "model snapshot format '\(f)' is not supported (expected '\(ModelSnapshot.currentFormat)'); regenerate it with 'oeedb model export'"
        }
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String { StrictDecoding.pathText(keys) }
        switch error {
        case .keyNotFound(let key, let ctx): return "missing key '\(key.stringValue)' at \(path(ctx.codingPath))"
        case .typeMismatch(_, let ctx), .valueNotFound(_, let ctx), .dataCorrupted(let ctx):
            return "\(ctx.debugDescription) at \(path(ctx.codingPath))"
        @unknown default: return String(describing: error)
        }
    }
}
