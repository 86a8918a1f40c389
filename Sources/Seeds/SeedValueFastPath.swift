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
            // The fraction's digits are b[20..<end]; zeros past the precision are dropped.
            var end = 19
            if b.count > 19 {
                guard b[19] == UInt8(ascii: "."), b.count > 20 else { return nil }
                for i in 20..<b.count {
                    guard b[i] &- UInt8(ascii: "0") < 10 else { return nil }
                }
                end = b.count
            }
            while end - 20 > p, b[end - 1] == UInt8(ascii: "0") { end -= 1 }
            let digits = max(0, end - 20)
            guard digits <= p else { return nil }
            return String(unsafeUninitializedCapacity: 19 + (p > 0 ? p + 1 : 0)) { out in
                for i in 0..<19 { out[i] = b[i] }
                out[10] = UInt8(ascii: " ")
                guard p > 0 else { return 19 }
                out[19] = UInt8(ascii: ".")
                for k in 0..<p { out[20 + k] = k < digits ? b[20 + k] : UInt8(ascii: "0") }
                return 20 + p
            }
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
            while i < b.count, b[i] == UInt8(ascii: "0") { i += 1 }  // leading zeros
            let wholeStart = i
            while i < b.count, b[i] != UInt8(ascii: ".") {
                guard b[i] &- UInt8(ascii: "0") < 10 else { return nil }
                i += 1
            }
            let wholeEnd = i
            var sawDigit = i > (negative ? 1 : 0)
            var fractionStart = i, fractionEnd = i
            if i < b.count {
                i += 1  // the point
                guard i < b.count else { return nil }
                fractionStart = i
                while i < b.count {
                    guard b[i] &- UInt8(ascii: "0") < 10 else { return nil }
                    i += 1
                }
                fractionEnd = i
                sawDigit = true
            }
            guard sawDigit else { return nil }
            while fractionEnd - fractionStart > s, b[fractionEnd - 1] == UInt8(ascii: "0") { fractionEnd -= 1 }
            let whole = wholeEnd - wholeStart, fraction = fractionEnd - fractionStart
            guard fraction <= s, whole <= p - s else { return nil }
            var isZero = whole == 0
            if isZero { for k in fractionStart..<fractionEnd where b[k] != UInt8(ascii: "0") { isZero = false; break } }
            let sign = negative && !isZero ? 1 : 0
            let count = sign + max(whole, 1) + (s > 0 ? s + 1 : 0)
            return String(unsafeUninitializedCapacity: count) { out in
                var o = 0
                if sign == 1 { out[0] = UInt8(ascii: "-"); o = 1 }
                if whole == 0 {
                    out[o] = UInt8(ascii: "0"); o += 1
                } else {
                    for k in wholeStart..<wholeEnd { out[o] = b[k]; o += 1 }
                }
                if s > 0 {
                    out[o] = UInt8(ascii: "."); o += 1
                    for k in 0..<s { out[o] = k < fraction ? b[fractionStart + k] : UInt8(ascii: "0"); o += 1 }
                }
                return o
            }
        } ?? nil
    }
}
