// Why a hand-written JSON reader: model snapshots are read on every
// generate, migrate and drift, and at 2,000 tables (13 MB) Foundation's
// JSONDecoder behind the strict wrapper (StrictDecoder.swift, which opens
// every object twice) took ~0.55 s, most of `oeedb generate`'s time. This
// reader parses the bytes once into a small tree and decodes the model's
// synthesized `Codable` types from it, rejecting unknown keys as it goes.
//
// It is a fast path only: it accepts a strict subset of what the Foundation
// path accepts (RFC 8259 JSON, valid UTF-8, no duplicate keys, integers
// without fraction or exponent, finite numbers) and gives up on anything
// else by throwing. `ModelSnapshot` then decodes the same bytes the old way,
// so every error message (paths, "did you mean", known keys) is exactly
// the Foundation path's, and a document the fast path declines still loads
// if it is valid.

/// A parsed JSON value.
enum JSONNode {
    case null
    case bool(Bool)
    /// The number's text, as written (validated against the JSON grammar).
    case number(String, isInteger: Bool)
    case string(String)
    case array([JSONNode])
    case object([(key: String, value: JSONNode)])
}

/// The fast path declined the input (the caller falls back).
struct FastJSONDeclined: Error {}

enum FastJSON {
    /// Parses `bytes` into a tree, or throws ``FastJSONDeclined``.
    static func parse(_ bytes: UnsafeRawBufferPointer) throws -> JSONNode {
        var parser = Parser(bytes: bytes.bindMemory(to: UInt8.self))
        parser.skipWhitespace()
        let value = try parser.value(depth: 0)
        parser.skipWhitespace()
        guard parser.at == parser.bytes.count else { throw FastJSONDeclined() }
        return value
    }

    /// Decodes `T` from `data` strictly (unknown keys decline).
    static func decode<T: Decodable>(_ type: T.Type, from data: [UInt8]) throws -> T {
        let node = try data.withUnsafeBytes { try parse($0) }
        return try T(from: NodeDecoder(node))
    }

    struct Parser {
        let bytes: UnsafeBufferPointer<UInt8>
        var at = 0

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        mutating func skipWhitespace() {
            while at < bytes.count {
                let b = bytes[at]
                guard b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 else { return }
                at += 1
            }
        }

        mutating func expect(_ literal: StaticString) throws {
            let n = literal.utf8CodeUnitCount
            guard at + n <= bytes.count else { throw FastJSONDeclined() }
            let p = literal.utf8Start
            for i in 0..<n where bytes[at + i] != p[i] { throw FastJSONDeclined() }
            at += n
        }

        mutating func value(depth: Int) throws -> JSONNode {
            guard at < bytes.count, depth < 512 else { throw FastJSONDeclined() }
            switch bytes[at] {
            case UInt8(ascii: "{"):
                at += 1
                var pairs: [(key: String, value: JSONNode)] = []
                skipWhitespace()
                if at < bytes.count, bytes[at] == UInt8(ascii: "}") { at += 1; return .object(pairs) }
                while true {
                    skipWhitespace()
                    guard at < bytes.count, bytes[at] == UInt8(ascii: "\"") else { throw FastJSONDeclined() }
                    let key = try string()
                    // Duplicate keys: left to the Foundation path to judge.
                    for p in pairs where p.key == key { throw FastJSONDeclined() }
                    skipWhitespace()
                    try expect(":")
                    skipWhitespace()
                    pairs.append((key, try value(depth: depth + 1)))
                    skipWhitespace()
                    guard at < bytes.count else { throw FastJSONDeclined() }
                    if bytes[at] == UInt8(ascii: ",") { at += 1; continue }
                    if bytes[at] == UInt8(ascii: "}") { at += 1; return .object(pairs) }
                    throw FastJSONDeclined()
                }
            case UInt8(ascii: "["):
                at += 1
                var items: [JSONNode] = []
                skipWhitespace()
                if at < bytes.count, bytes[at] == UInt8(ascii: "]") { at += 1; return .array(items) }
                while true {
                    skipWhitespace()
                    items.append(try value(depth: depth + 1))
                    skipWhitespace()
                    guard at < bytes.count else { throw FastJSONDeclined() }
                    if bytes[at] == UInt8(ascii: ",") { at += 1; continue }
                    if bytes[at] == UInt8(ascii: "]") { at += 1; return .array(items) }
                    throw FastJSONDeclined()
                }
            case UInt8(ascii: "\""):
                return .string(try string())
            case UInt8(ascii: "t"):
                try expect("true"); return .bool(true)
            case UInt8(ascii: "f"):
                try expect("false"); return .bool(false)
            case UInt8(ascii: "n"):
                try expect("null"); return .null
            default:
                return try number()
            }
        }

        /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`
        mutating func number() throws -> JSONNode {
            let start = at
            func digit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
            if at < bytes.count, bytes[at] == UInt8(ascii: "-") { at += 1 }
            guard at < bytes.count, digit(bytes[at]) else { throw FastJSONDeclined() }
            if bytes[at] == 0x30 { at += 1 } else { while at < bytes.count, digit(bytes[at]) { at += 1 } }
            var isInteger = true
            if at < bytes.count, bytes[at] == UInt8(ascii: ".") {
                isInteger = false
                at += 1
                guard at < bytes.count, digit(bytes[at]) else { throw FastJSONDeclined() }
                while at < bytes.count, digit(bytes[at]) { at += 1 }
            }
            if at < bytes.count, bytes[at] == UInt8(ascii: "e") || bytes[at] == UInt8(ascii: "E") {
                isInteger = false
                at += 1
                if at < bytes.count, bytes[at] == UInt8(ascii: "+") || bytes[at] == UInt8(ascii: "-") { at += 1 }
                guard at < bytes.count, digit(bytes[at]) else { throw FastJSONDeclined() }
                while at < bytes.count, digit(bytes[at]) { at += 1 }
            }
            return .number(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<at]), as: UTF8.self), isInteger: isInteger)
        }

        /// A string at `at` (which holds the opening quote).
        mutating func string() throws -> String {
            at += 1
            let start = at
            // Fast path: no escapes. ASCII text (nearly every name in a
            // model) needs no UTF-8 validation: `String(decoding:)` is then
            // exact and several times cheaper than `String(validating:)`.
            var ascii = true
            while at < bytes.count {
                let b = bytes[at]
                if b == UInt8(ascii: "\"") {
                    let text = UnsafeBufferPointer(rebasing: bytes[start..<at])
                    let s: String
                    if ascii {
                        s = String(decoding: text, as: UTF8.self)
                    } else {
                        guard let valid = String(validating: text, as: UTF8.self) else { throw FastJSONDeclined() }
                        s = valid
                    }
                    at += 1
                    return s
                }
                if b == UInt8(ascii: "\\") { break }
                guard b >= 0x20 else { throw FastJSONDeclined() }
                if b >= 0x80 { ascii = false }
                at += 1
            }
            var out = [UInt8](UnsafeBufferPointer(rebasing: bytes[start..<at]))
            while at < bytes.count {
                let b = bytes[at]
                if b == UInt8(ascii: "\"") {
                    at += 1
                    guard let s = String(validating: out, as: UTF8.self) else { throw FastJSONDeclined() }
                    return s
                }
                guard b >= 0x20 else { throw FastJSONDeclined() }
                if b != UInt8(ascii: "\\") { out.append(b); at += 1; continue }
                at += 1
                guard at < bytes.count else { throw FastJSONDeclined() }
                let e = bytes[at]
                at += 1
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if scalar >= 0xD800 && scalar < 0xDC00 {
                        try expect("\\u")
                        let low = try hex4()
                        guard low >= 0xDC00 && low < 0xE000 else { throw FastJSONDeclined() }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let u = Unicode.Scalar(scalar) else { throw FastJSONDeclined() }
                    out.append(contentsOf: Array(String(Character(u)).utf8))
                default: throw FastJSONDeclined()
                }
            }
            throw FastJSONDeclined()
        }

        mutating func hex4() throws -> UInt32 {
            guard at + 4 <= bytes.count else { throw FastJSONDeclined() }
            var v: UInt32 = 0
            for _ in 0..<4 {
                let b = bytes[at]
                at += 1
                let d: UInt8
                switch b {
                case 0x30...0x39: d = b - 0x30
                case 0x61...0x66: d = b - 0x61 + 10
                case 0x41...0x46: d = b - 0x41 + 10
                default: throw FastJSONDeclined()
                }
                v = v << 4 | UInt32(d)
            }
            return v
        }
    }
}

// MARK: - Decoding from the tree

/// A `Decoder` over a parsed node. Coding paths are not tracked: any
/// failure declines, and the Foundation path reports it with its path.
struct NodeDecoder: Decoder {
    let node: JSONNode
    init(_ node: JSONNode) { self.node = node }

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let pairs) = node else { throw FastJSONDeclined() }
        // Strict: a key the type cannot name is not one of its properties.
        for p in pairs where Key(stringValue: p.key) == nil { throw FastJSONDeclined() }
        return KeyedDecodingContainer(NodeKeyedContainer<Key>(pairs: pairs))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let items) = node else { throw FastJSONDeclined() }
        return NodeUnkeyedContainer(items: items)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        NodeSingleValue(node: node)
    }
}

enum NodeScalar {
    static func bool(_ n: JSONNode) throws -> Bool {
        guard case .bool(let b) = n else { throw FastJSONDeclined() }
        return b
    }

    static func string(_ n: JSONNode) throws -> String {
        guard case .string(let s) = n else { throw FastJSONDeclined() }
        return s
    }

    static func integer<T: FixedWidthInteger>(_ n: JSONNode, _: T.Type) throws -> T {
        guard case .number(let text, true) = n, let v = T(text) else { throw FastJSONDeclined() }
        return v
    }

    static func double(_ n: JSONNode) throws -> Double {
        guard case .number(let text, _) = n, let v = Double(text), v.isFinite else { throw FastJSONDeclined() }
        return v
    }

    static func decode<T: Decodable>(_ type: T.Type, _ n: JSONNode) throws -> T {
        // The common leaves without a decoder of their own.
        if T.self == String.self { return try string(n) as! T }
        if T.self == Bool.self { return try bool(n) as! T }
        if T.self == Int.self { return try integer(n, Int.self) as! T }
        return try T(from: NodeDecoder(n))
    }
}

struct NodeKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let pairs: [(key: String, value: JSONNode)]

    var codingPath: [any CodingKey] { [] }
    var allKeys: [Key] { pairs.compactMap { Key(stringValue: $0.key) } }

    func find(_ key: Key) -> JSONNode? {
        let name = key.stringValue
        for p in pairs where p.key == name { return p.value }
        return nil
    }

    func value(_ key: Key) throws -> JSONNode {
        guard let v = find(key) else { throw FastJSONDeclined() }
        return v
    }

    func contains(_ key: Key) -> Bool { find(key) != nil }

    func decodeNil(forKey key: Key) throws -> Bool {
        if case .null = try value(key) { return true }
        return false
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try NodeScalar.bool(value(key)) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try NodeScalar.string(value(key)) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try NodeScalar.double(value(key)) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float {
        let d = try NodeScalar.double(value(key))
        guard let f = Float(exactly: d) ?? Optional(Float(d)), f.isFinite else { throw FastJSONDeclined() }
        return f
    }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try NodeScalar.integer(value(key), type) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try NodeScalar.integer(value(key), type) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try NodeScalar.integer(value(key), type) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try NodeScalar.integer(value(key), type) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try NodeScalar.integer(value(key), type) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try NodeScalar.integer(value(key), type) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try NodeScalar.integer(value(key), type) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try NodeScalar.integer(value(key), type) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try NodeScalar.integer(value(key), type) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try NodeScalar.integer(value(key), type) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try NodeScalar.decode(type, value(key)) }

    // Optional properties: one lookup instead of contains + decodeNil + decode.
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
        guard let v = find(key) else { return nil }
        if case .null = v { return nil }
        return try NodeScalar.string(v)
    }
    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? {
        guard let v = find(key) else { return nil }
        if case .null = v { return nil }
        return try NodeScalar.bool(v)
    }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? {
        guard let v = find(key) else { return nil }
        if case .null = v { return nil }
        return try NodeScalar.integer(v, Int.self)
    }
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let v = find(key) else { return nil }
        if case .null = v { return nil }
        return try NodeScalar.decode(type, v)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try NodeDecoder(value(key)).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try NodeDecoder(value(key)).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { throw FastJSONDeclined() }
    func superDecoder(forKey key: Key) throws -> any Decoder { NodeDecoder(try value(key)) }
}

struct NodeUnkeyedContainer: UnkeyedDecodingContainer {
    let items: [JSONNode]
    var currentIndex = 0

    init(items: [JSONNode]) { self.items = items }

    var codingPath: [any CodingKey] { [] }
    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    mutating func next() throws -> JSONNode {
        guard currentIndex < items.count else { throw FastJSONDeclined() }
        defer { currentIndex += 1 }
        return items[currentIndex]
    }

    mutating func decodeNil() throws -> Bool {
        guard currentIndex < items.count else { throw FastJSONDeclined() }
        if case .null = items[currentIndex] { currentIndex += 1; return true }
        return false
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try NodeScalar.bool(next()) }
    mutating func decode(_ type: String.Type) throws -> String { try NodeScalar.string(next()) }
    mutating func decode(_ type: Double.Type) throws -> Double { try NodeScalar.double(next()) }
    mutating func decode(_ type: Float.Type) throws -> Float { Float(try NodeScalar.double(next())) }
    mutating func decode(_ type: Int.Type) throws -> Int { try NodeScalar.integer(next(), type) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try NodeScalar.integer(next(), type) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try NodeScalar.integer(next(), type) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try NodeScalar.integer(next(), type) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try NodeScalar.integer(next(), type) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try NodeScalar.integer(next(), type) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try NodeScalar.integer(next(), type) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try NodeScalar.integer(next(), type) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try NodeScalar.integer(next(), type) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try NodeScalar.integer(next(), type) }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try NodeScalar.decode(type, next()) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try NodeDecoder(next()).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try NodeDecoder(next()).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder { NodeDecoder(try next()) }
}

struct NodeSingleValue: SingleValueDecodingContainer {
    let node: JSONNode

    var codingPath: [any CodingKey] { [] }

    func decodeNil() -> Bool {
        if case .null = node { return true }
        return false
    }

    func decode(_ type: Bool.Type) throws -> Bool { try NodeScalar.bool(node) }
    func decode(_ type: String.Type) throws -> String { try NodeScalar.string(node) }
    func decode(_ type: Double.Type) throws -> Double { try NodeScalar.double(node) }
    func decode(_ type: Float.Type) throws -> Float { Float(try NodeScalar.double(node)) }
    func decode(_ type: Int.Type) throws -> Int { try NodeScalar.integer(node, type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try NodeScalar.integer(node, type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try NodeScalar.integer(node, type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try NodeScalar.integer(node, type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try NodeScalar.integer(node, type) }
    func decode(_ type: UInt.Type) throws -> UInt { try NodeScalar.integer(node, type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try NodeScalar.integer(node, type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try NodeScalar.integer(node, type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try NodeScalar.integer(node, type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try NodeScalar.integer(node, type) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try NodeScalar.decode(type, node) }
}
