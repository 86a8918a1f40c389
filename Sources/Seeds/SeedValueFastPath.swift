import OEEModel

/// Byte-level parsing of the value shapes that make up nearly every seed cell
/// and every value a driver returns: plain integers and
/// decimals and `YYYY-MM-DD[T ]hh:mm:ss[.f…]` timestamps. Hand-written for speed (50,000
/// rows are a million cells, read twice): it answers only for text of exactly
/// those shapes and returns nil for anything else, so the general parser in
/// ``SeedValueParser`` still decides — and words the error for — every other
/// text. Its results equal the general parser's (a test compares them).
enum SeedValueFastPath {
    /// The value, when `text` (already trimmed) has one of the fast shapes for `type`.
    static func parse(_ text: String, as type: SQLType) -> SeedValue? {
        switch type {
        case .tinyint: return integer(text, in: 0...255)
        case .smallint: return integer(text, in: -32_768...32_767)
        case .int: return integer(text, in: Int64(Int32.min)...Int64(Int32.max))
        case .bigint: return integer(text, in: -999_999_999_999_999_999...999_999_999_999_999_999)
        case .decimal(let p, let s): return decimal(text, precision: p, scale: s).map(SeedValue.decimal)
        case .datetime2(let p): return timestamp(text, precision: p).map(SeedValue.timestamp)
        default: return nil
        }
    }

    /// `-?[0-9]{1,18}` in `range`; nil for any other shape.
    static func integer(_ text: String, in range: ClosedRange<Int64>) -> SeedValue? {
        text.utf8.withContiguousStorageIfAvailable { bytes -> SeedValue? in
            var i = 0
            let negative = bytes.first == UInt8(ascii: "-")
            if negative { i = 1 }
            let digits = bytes.count - i
            guard digits >= 1, digits <= 18 else { return nil }
            var v: Int64 = 0
            while i < bytes.count {
                let d = bytes[i] &- UInt8(ascii: "0")
                guard d < 10 else { return nil }
                v = v * 10 + Int64(d)
                i += 1
            }
            if negative { v = -v }
            return range.contains(v) ? .int(v) : nil
        } ?? nil
    }

    /// `YYYY-MM-DD hh:mm:ss` or with `T`, optionally `.f…` (1–9 digits),
    /// canonicalised to `precision` fraction digits as the general parser
    /// does; nil for any other shape or an invalid date or time.
    static func timestamp(_ text: String, precision p: Int) -> String? {
        text.utf8.withContiguousStorageIfAvailable { b -> String? in
            guard b.count >= 19, b.count <= 29, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
                  b[10] == UInt8(ascii: " ") || b[10] == UInt8(ascii: "T"),
                  b[13] == UInt8(ascii: ":"), b[16] == UInt8(ascii: ":") else { return nil }
            func number(_ from: Int, _ count: Int) -> Int? {
                var v = 0
                for i in from..<(from + count) {
                    let d = b[i] &- UInt8(ascii: "0")
                    guard d < 10 else { return nil }
                    v = v * 10 + Int(d)
                }
                return v
            }
            guard let y = number(0, 4), let mo = number(5, 2), let d = number(8, 2),
                  let h = number(11, 2), let mi = number(14, 2), let s = number(17, 2),
                  h <= 23, mi <= 59, s <= 59, CivilDate(year: y, month: mo, day: d) != nil else { return nil }
            var fraction: [UInt8] = []
            if b.count > 19 {
                guard b[19] == UInt8(ascii: "."), b.count > 20 else { return nil }
                for i in 20..<b.count {
                    guard b[i] &- UInt8(ascii: "0") < 10 else { return nil }
                    fraction.append(b[i])
                }
            }
            while fraction.count > p, fraction.last == UInt8(ascii: "0") { fraction.removeLast() }
            guard fraction.count <= p else { return nil }
            var out = Array(b[0..<19])
            out[10] = UInt8(ascii: " ")
            if p > 0 {
                out.append(UInt8(ascii: "."))
                out += fraction
                out += [UInt8](repeating: UInt8(ascii: "0"), count: p - fraction.count)
            }
            return String(decoding: out, as: UTF8.self)
        } ?? nil
    }

    /// `-?[0-9]+(\.[0-9]+)?` within `decimal(p,s)`, canonicalised as the
    /// general parser does (leading zeros dropped, `s` fraction digits, no
    /// `-0`); nil for any other shape or a value that does not fit.
    static func decimal(_ text: String, precision p: Int, scale s: Int) -> String? {
        text.utf8.withContiguousStorageIfAvailable { b -> String? in
            var i = 0
            let negative = b.first == UInt8(ascii: "-")
            if negative { i = 1 }
            var whole: [UInt8] = []
            while i < b.count, b[i] != UInt8(ascii: ".") {
                guard b[i] &- UInt8(ascii: "0") < 10 else { return nil }
                if !(whole.isEmpty && b[i] == UInt8(ascii: "0")) { whole.append(b[i]) }
                i += 1
            }
            var fraction: [UInt8] = []
            var sawDigit = i > (negative ? 1 : 0)
            if i < b.count {
                i += 1  // the point
                guard i < b.count else { return nil }
                while i < b.count {
                    guard b[i] &- UInt8(ascii: "0") < 10 else { return nil }
                    fraction.append(b[i])
                    i += 1
                }
                sawDigit = true
            }
            guard sawDigit else { return nil }
            while fraction.count > s, fraction.last == UInt8(ascii: "0") { fraction.removeLast() }
            guard fraction.count <= s, whole.count <= p - s else { return nil }
            let isZero = whole.isEmpty && fraction.allSatisfy { $0 == UInt8(ascii: "0") }
            var out: [UInt8] = negative && !isZero ? [UInt8(ascii: "-")] : []
            out += whole.isEmpty ? [UInt8(ascii: "0")] : whole
            if s > 0 {
                out.append(UInt8(ascii: "."))
                out += fraction
                out += [UInt8](repeating: UInt8(ascii: "0"), count: s - fraction.count)
            }
            return String(decoding: out, as: UTF8.self)
        } ?? nil
    }
}
