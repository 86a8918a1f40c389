// Why a hand-written decoder: at 2,000 tables a model snapshot is 13 MB of
// JSON, read twice by every `oeedb generate` (the model given with --model
// and the directory's latest full snapshot). Building a JSON tree and then
// running the synthesized `Codable` initializers over it through generic
// keyed containers (SnapshotJSON.swift) cost most of the command's time and
// memory: the tree alone is larger than the text. This reader goes from the
// bytes straight to the model's own types in one pass, with no tree: each
// type's reader (ModelReader+Types.swift) matches its JSON keys byte by byte.
//
// It is a fast path only, like the tree reader before it: it accepts a strict
// subset of what the Foundation path (StrictDecoder.swift) accepts — RFC 8259
// JSON, valid UTF-8, keys without escapes, no duplicate keys, integers without
// fraction or exponent, every key a property of its type, every required key
// present — and gives up on anything else by throwing ``FastJSONDeclined``.
// `ModelSnapshot` then decodes the same bytes the Foundation way, so every
// error message (the JSON path, "did you mean", known keys, wrong type,
// missing key) is exactly that path's, and a valid document this reader
// declines still loads. What it accepts decodes to what the synthesized
// `Codable` conformances give (tested on the shipped and synthetic models).

/// Reads model types from JSON bytes; see the comment above.
struct ModelReader {
    var parser: FastJSON.Parser
    /// Nesting of objects and arrays (expressions nest): deeper declines.
    var depth = 0
    /// Type spellings already parsed: a model repeats a few dozen of them.
    var types: [String: SQLType] = [:]

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        parser = FastJSON.Parser(bytes: bytes)
    }

    /// Reads one whole document with `body`: nothing but whitespace may follow.
    static func read<T>(_ bytes: UnsafeRawBufferPointer, _ body: (inout ModelReader) throws -> T) throws -> T {
        var reader = ModelReader(bytes.bindMemory(to: UInt8.self))
        let value = try body(&reader)
        reader.parser.skipWhitespace()
        guard reader.parser.at == reader.parser.bytes.count else { throw FastJSONDeclined() }
        return value
    }

    private var bytes: UnsafeBufferPointer<UInt8> { parser.bytes }

    /// The next byte after whitespace, not consumed.
    mutating func peek() throws -> UInt8 {
        parser.skipWhitespace()
        guard parser.at < bytes.count else { throw FastJSONDeclined() }
        return bytes[parser.at]
    }

    mutating func consume(_ byte: UInt8) throws {
        guard try peek() == byte else { throw FastJSONDeclined() }
        parser.at += 1
    }

    // MARK: Objects

    /// The keys of one type's JSON object, matched byte by byte: the
    /// required ones first (indexes 0..<required.count), then the optional.
    struct Keys {
        let names: [StaticString]
        /// Bits of the keys that must be present.
        let required: UInt64

        init(required: [StaticString], optional: [StaticString] = []) {
            precondition(required.count + optional.count <= 64)
            names = required + optional
            self.required = required.isEmpty ? 0 : (1 << UInt64(required.count)) - 1
        }
    }

    /// Opens an object: `{`.
    mutating func beginObject() throws {
        try consume(UInt8(ascii: "{"))
        depth += 1
        guard depth < 512 else { throw FastJSONDeclined() }
    }

    /// The index in `keys` of the object's next key (its value is next to
    /// read), or nil at the closing `}` once every required key was seen.
    /// `seen` starts at 0 for each object. Declines an unknown key, a key seen
    /// twice, and a key with escapes.
    mutating func nextKey(_ keys: Keys, _ seen: inout UInt64) throws -> Int? {
        var b = try peek()
        if seen != 0 {
            parser.at += 1
            if b == UInt8(ascii: "}") { return try end(keys, seen) }
            guard b == UInt8(ascii: ",") else { throw FastJSONDeclined() }
            b = try peek()
        } else if b == UInt8(ascii: "}") {
            parser.at += 1
            return try end(keys, seen)
        }
        guard b == UInt8(ascii: "\"") else { throw FastJSONDeclined() }
        let start = parser.at + 1
        var end = start
        while end < bytes.count {
            let c = bytes[end]
            if c == UInt8(ascii: "\"") { break }
            guard c >= 0x20, c != UInt8(ascii: "\\") else { throw FastJSONDeclined() }
            end += 1
        }
        guard end < bytes.count else { throw FastJSONDeclined() }
        let length = end - start
        var found = -1
        for (i, name) in keys.names.enumerated() where name.utf8CodeUnitCount == length {
            let p = name.utf8Start
            var same = true
            for j in 0..<length where bytes[start + j] != p[j] { same = false; break }
            if same { found = i; break }
        }
        let bit: UInt64 = found >= 0 ? 1 << UInt64(found) : 0
        guard found >= 0, seen & bit == 0 else { throw FastJSONDeclined() }
        seen |= bit
        parser.at = end + 1
        try consume(UInt8(ascii: ":"))
        return found
    }

    private mutating func end(_ keys: Keys, _ seen: UInt64) throws -> Int? {
        guard seen & keys.required == keys.required else { throw FastJSONDeclined() }
        depth -= 1
        return nil
    }

    /// `{}`: the payload of an enum case without associated values.
    mutating func emptyObject() throws {
        try consume(UInt8(ascii: "{"))
        try consume(UInt8(ascii: "}"))
    }

    /// An enum with associated values as the synthesized `Codable` writes it:
    /// an object with exactly one key, the case. `body` reads its payload.
    mutating func oneCase<T>(_ keys: Keys, _ body: (inout ModelReader, Int) throws -> T) throws -> T {
        try beginObject()
        var seen: UInt64 = 0
        guard let k = try nextKey(keys, &seen) else { throw FastJSONDeclined() }
        let value = try body(&self, k)
        guard try nextKey(keys, &seen) == nil else { throw FastJSONDeclined() }
        return value
    }

    // MARK: Arrays

    mutating func array<T>(_ element: (inout ModelReader) throws -> T) throws -> [T] {
        try consume(UInt8(ascii: "["))
        depth += 1
        guard depth < 512 else { throw FastJSONDeclined() }
        var items: [T] = []
        if try peek() == UInt8(ascii: "]") {
            parser.at += 1
            depth -= 1
            return items
        }
        while true {
            items.append(try element(&self))
            let b = try peek()
            parser.at += 1
            if b == UInt8(ascii: ",") { continue }
            guard b == UInt8(ascii: "]") else { throw FastJSONDeclined() }
            depth -= 1
            return items
        }
    }

    // MARK: Scalars

    /// Consumes `null` when it is next: an optional property's nil.
    mutating func null() throws -> Bool {
        guard try peek() == UInt8(ascii: "n") else { return false }
        try parser.expect("null")
        return true
    }

    /// An optional property: `null` is nil, anything else is read by `body`.
    mutating func optional<T>(_ body: (inout ModelReader) throws -> T) throws -> T? {
        if try null() { return nil }
        return try body(&self)
    }

    mutating func string() throws -> String {
        guard try peek() == UInt8(ascii: "\"") else { throw FastJSONDeclined() }
        return try parser.string()
    }

    mutating func bool() throws -> Bool {
        switch try peek() {
        case UInt8(ascii: "t"): try parser.expect("true"); return true
        case UInt8(ascii: "f"): try parser.expect("false"); return false
        default: throw FastJSONDeclined()
        }
    }

    /// `-?(0|[1-9][0-9]*)` that fits `T`; a fraction or exponent declines.
    mutating func integer<T: FixedWidthInteger & SignedInteger>(_: T.Type = T.self) throws -> T {
        _ = try peek()
        var at = parser.at
        let negative = bytes[at] == UInt8(ascii: "-")
        if negative { at += 1 }
        guard at < bytes.count, bytes[at] >= 0x30, bytes[at] <= 0x39 else { throw FastJSONDeclined() }
        var value: T = 0
        if bytes[at] == 0x30 {
            at += 1
        } else {
            while at < bytes.count, bytes[at] >= 0x30, bytes[at] <= 0x39 {
                let digit = T(bytes[at] - 0x30)
                let (times10, o1) = value.multipliedReportingOverflow(by: 10)
                let (next, o2) = negative ? times10.subtractingReportingOverflow(digit) : times10.addingReportingOverflow(digit)
                guard !o1, !o2 else { throw FastJSONDeclined() }
                value = next
                at += 1
            }
        }
        if at < bytes.count {
            let b = bytes[at]
            guard b != UInt8(ascii: "."), b != UInt8(ascii: "e"), b != UInt8(ascii: "E"), b < 0x30 || b > 0x39 else { throw FastJSONDeclined() }
        }
        parser.at = at
        return value
    }

    /// A `String`-backed enum: its raw value.
    mutating func rawValue<T: RawRepresentable>(_: T.Type = T.self) throws -> T where T.RawValue == String {
        guard let v = T(rawValue: try string()) else { throw FastJSONDeclined() }
        return v
    }

    /// A type's canonical spelling (``SQLType/init(parsing:)``), parsed once per spelling.
    mutating func sqlType() throws -> SQLType {
        let text = try string()
        if let known = types[text] { return known }
        guard let type = SQLType(parsing: text) else { throw FastJSONDeclined() }
        types[text] = type
        return type
    }

    /// `schema.name`, as ``QualifiedName``'s `Codable` reads it.
    mutating func qualifiedName() throws -> QualifiedName {
        let text = try string()
        guard text.contains(".") else { throw FastJSONDeclined() }
        return QualifiedName(parsing: text)
    }

    /// `{ "key": "value", … }`: any keys (a `[String: String]`).
    mutating func stringDictionary() throws -> [String: String] {
        try consume(UInt8(ascii: "{"))
        var result: [String: String] = [:]
        if try peek() == UInt8(ascii: "}") { parser.at += 1; return result }
        while true {
            let key = try string()
            try consume(UInt8(ascii: ":"))
            guard result.updateValue(try string(), forKey: key) == nil else { throw FastJSONDeclined() }
            let b = try peek()
            parser.at += 1
            if b == UInt8(ascii: ",") { continue }
            guard b == UInt8(ascii: "}") else { throw FastJSONDeclined() }
            return result
        }
    }
}
