// Why a hand-written JSON scanner: model snapshots are read on every
// generate, migrate and drift, and at 2,000 tables (13 MB) Foundation's
// JSONDecoder behind the strict wrapper (StrictDecoder.swift, which opens
// every object twice) took ~0.55 s, most of `oeedb generate`'s time. These
// are the scanner's pieces — whitespace, literals, strings — that
// ``ModelReader`` (ModelReader.swift) reads the model's types with, straight
// from the bytes.
//
// It is a fast path only: it accepts a strict subset of RFC 8259 JSON (valid
// UTF-8, no control characters in strings, well-formed escapes and
// surrogate pairs) and gives up on anything else by throwing
// ``FastJSONDeclined``. `ModelSnapshot` then decodes the same bytes the
// Foundation way, so every error message is exactly that path's.

/// The fast path declined the input (the caller falls back).
struct FastJSONDeclined: Error {}

enum FastJSON {
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
