// Why a decoder wrapper: synthesized `Codable` ignores JSON keys it does not
// know, so a typo (`"fliter"` for `"filter"`) silently loses a setting and the
// model still reads as valid. Rather than a hand-kept list of keys per model
// type (which would fall out of sync), this wrapper sits between any
// `Decoder` and the synthesized `init(from:)` of every type it decodes.
//
// A keyed container (struct, or an enum case's payload) notes the keys the
// JSON object holds that the type's `CodingKey` cannot be built from
// (`Key(stringValue:) == nil`, which is exactly "not a property"), and the
// keys the type asks for while it decodes. When the type's `init(from:)`
// returns (or throws), an unknown key is reported with its coding path and,
// where the type asked for them all, the known keys. Dictionaries
// (`[String: String]`) accept every key, as their key type does.

/// Decodes `T` from JSON, rejecting unknown keys anywhere in the tree.
struct StrictBox<T: Decodable>: Decodable {
    var value: T

    init(from decoder: any Decoder) throws {
        value = try StrictDecoding.decode(T.self, from: decoder)
    }
}

/// A key that was in the input but not in the type that read it.
struct UnknownKeyError: Error, CustomStringConvertible {
    var codingPath: [any CodingKey]
    var key: String
    /// The keys the type reads, when they are all known (the type decoded them all).
    var known: [String]

    var description: String {
        var text = "unknown key '\(key)'"
        if let near = known.min(by: { Self.distance($0, key) < Self.distance($1, key) }), Self.distance(near, key) <= 2 {
            text += " (did you mean '\(near)'?)"
        }
        text += " at \(StrictDecoding.pathText(codingPath + [AnyKey(key)]))"
        if !known.isEmpty { text += "; known keys: \(known.sorted().joined(separator: ", "))" }
        return text
    }

    /// Levenshtein distance, for the "did you mean" hint.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        var row = Array(0...b.count)
        for i in 1...a.count {
            var previous = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let old = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = old
            }
        }
        return row[b.count]
    }
}

enum StrictDecoding {
    static func decode<T: Decodable>(_ type: T.Type, from inner: any Decoder) throws -> T {
        let strict = StrictDecoder(inner)
        let value: T
        do {
            value = try T(from: strict)
        } catch {
            // An unknown key usually explains the failure (a misspelt required key).
            if let unknown = strict.firstUnknown(complete: false) { throw unknown }
            throw error
        }
        if let unknown = strict.firstUnknown(complete: true) { throw unknown }
        return value
    }

    static func pathText(_ keys: [any CodingKey]) -> String {
        keys.isEmpty ? "(root)" : keys.reduce(into: "") { text, key in
            if let i = key.intValue { text += "[\(i)]" } else { text += (text.isEmpty ? "" : ".") + key.stringValue }
        }
    }
}

struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(_ s: String) { stringValue = s }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { stringValue = String(intValue); self.intValue = intValue }
}

/// The keys of one JSON object: those the type does not know, those it asked for.
final class KeyScope {
    let codingPath: [any CodingKey]
    let unknown: [String]
    var requested: [String] = []
    /// The type listed the object's keys itself (an enum picking its case):
    /// the keys it asked for are then not the keys it knows.
    var enumeratesKeys = false

    init(codingPath: [any CodingKey], unknown: [String]) {
        self.codingPath = codingPath
        self.unknown = unknown
    }
}

final class StrictDecoder: Decoder {
    let inner: any Decoder
    var scopes: [KeyScope] = []

    init(_ inner: any Decoder) { self.inner = inner }

    var codingPath: [any CodingKey] { inner.codingPath }
    var userInfo: [CodingUserInfoKey: Any] { inner.userInfo }

    func firstUnknown(complete: Bool) -> UnknownKeyError? {
        for scope in scopes {
            if let key = scope.unknown.first {
                let known = complete && !scope.enumeratesKeys ? scope.requested : []
                return UnknownKeyError(codingPath: scope.codingPath, key: key, known: known)
            }
        }
        return nil
    }

    /// Notes the keys of `raw` (all the object's keys) that `Key` cannot name.
    func scope<Key: CodingKey>(_ raw: KeyedDecodingContainer<AnyKey>, _ keyType: Key.Type) -> KeyScope {
        let unknown = raw.allKeys.map(\.stringValue).filter { Key(stringValue: $0) == nil }.sorted()
        let scope = KeyScope(codingPath: raw.codingPath, unknown: unknown)
        scopes.append(scope)
        return scope
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        let raw = try inner.container(keyedBy: AnyKey.self)
        let scope = scope(raw, type)
        return KeyedDecodingContainer(StrictKeyedContainer(inner: try inner.container(keyedBy: type), scope: scope, decoder: self))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        StrictUnkeyedContainer(inner: try inner.unkeyedContainer(), decoder: self)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        StrictSingleValueContainer(inner: try inner.singleValueContainer(), decoder: self)
    }
}

struct StrictKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let inner: KeyedDecodingContainer<Key>
    let scope: KeyScope
    let decoder: StrictDecoder

    var codingPath: [any CodingKey] { inner.codingPath }
    var allKeys: [Key] { scope.enumeratesKeys = true; return inner.allKeys }

    func note(_ key: Key) {
        if !scope.requested.contains(key.stringValue) { scope.requested.append(key.stringValue) }
    }

    func contains(_ key: Key) -> Bool { note(key); return inner.contains(key) }
    func decodeNil(forKey key: Key) throws -> Bool { note(key); return try inner.decodeNil(forKey: key) }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { note(key); return try inner.decode(type, forKey: key) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { note(key); return try inner.decode(type, forKey: key) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { note(key); return try inner.decode(type, forKey: key) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { note(key); return try inner.decode(type, forKey: key) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { note(key); return try inner.decode(type, forKey: key) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { note(key); return try inner.decode(type, forKey: key) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { note(key); return try inner.decode(type, forKey: key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { note(key); return try inner.decode(type, forKey: key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { note(key); return try inner.decode(type, forKey: key) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { note(key); return try inner.decode(type, forKey: key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { note(key); return try inner.decode(type, forKey: key) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { note(key); return try inner.decode(type, forKey: key) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { note(key); return try inner.decode(type, forKey: key) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { note(key); return try inner.decode(type, forKey: key) }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        note(key)
        guard inner.contains(key) else {
            // The inner container's own error: keyNotFound with its path.
            return try inner.decode(type, forKey: key)
        }
        return try StrictDecoding.decode(type, from: try inner.superDecoder(forKey: key))
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        note(key)
        let raw = try inner.nestedContainer(keyedBy: AnyKey.self, forKey: key)
        let scope = decoder.scope(raw, type)
        return KeyedDecodingContainer(StrictKeyedContainer<NestedKey>(inner: try inner.nestedContainer(keyedBy: type, forKey: key), scope: scope, decoder: decoder))
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        note(key)
        return StrictUnkeyedContainer(inner: try inner.nestedUnkeyedContainer(forKey: key), decoder: decoder)
    }

    func superDecoder() throws -> any Decoder { StrictDecoder(try inner.superDecoder()) }
    func superDecoder(forKey key: Key) throws -> any Decoder { note(key); return StrictDecoder(try inner.superDecoder(forKey: key)) }
}

struct StrictUnkeyedContainer: UnkeyedDecodingContainer {
    var inner: any UnkeyedDecodingContainer
    let decoder: StrictDecoder

    var codingPath: [any CodingKey] { inner.codingPath }
    var count: Int? { inner.count }
    var isAtEnd: Bool { inner.isAtEnd }
    var currentIndex: Int { inner.currentIndex }

    mutating func decodeNil() throws -> Bool { try inner.decodeNil() }
    mutating func decode(_ type: Bool.Type) throws -> Bool { try inner.decode(type) }
    mutating func decode(_ type: String.Type) throws -> String { try inner.decode(type) }
    mutating func decode(_ type: Double.Type) throws -> Double { try inner.decode(type) }
    mutating func decode(_ type: Float.Type) throws -> Float { try inner.decode(type) }
    mutating func decode(_ type: Int.Type) throws -> Int { try inner.decode(type) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try inner.decode(type) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try inner.decode(type) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try inner.decode(type) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try inner.decode(type) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try inner.decode(type) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try inner.decode(type) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try inner.decode(type) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try inner.decode(type) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try inner.decode(type) }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        if isAtEnd { return try inner.decode(type) }  // the inner container's own "at end" error
        return try StrictDecoding.decode(type, from: try inner.superDecoder())
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        // Decode the element through a decoder of its own, so its keys are checked.
        let element = StrictDecoder(try inner.superDecoder())
        let container = try element.container(keyedBy: type)
        decoder.scopes += element.scopes
        return container
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        StrictUnkeyedContainer(inner: try inner.nestedUnkeyedContainer(), decoder: decoder)
    }

    mutating func superDecoder() throws -> any Decoder { StrictDecoder(try inner.superDecoder()) }
}

struct StrictSingleValueContainer: SingleValueDecodingContainer {
    let inner: any SingleValueDecodingContainer
    let decoder: StrictDecoder

    var codingPath: [any CodingKey] { inner.codingPath }

    func decodeNil() -> Bool { inner.decodeNil() }
    func decode(_ type: Bool.Type) throws -> Bool { try inner.decode(type) }
    func decode(_ type: String.Type) throws -> String { try inner.decode(type) }
    func decode(_ type: Double.Type) throws -> Double { try inner.decode(type) }
    func decode(_ type: Float.Type) throws -> Float { try inner.decode(type) }
    func decode(_ type: Int.Type) throws -> Int { try inner.decode(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try inner.decode(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try inner.decode(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try inner.decode(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try inner.decode(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try inner.decode(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try inner.decode(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try inner.decode(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try inner.decode(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try inner.decode(type) }

    /// A single value decoded as `T` is `T` decoded from the same decoder.
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try StrictDecoding.decode(type, from: decoder.inner)
    }
}
