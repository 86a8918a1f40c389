/// Reads the one JSON text PostgreSQL returns for a table's current rows
/// (``PostgreSQLSeedSQL/selectRowsJSON(_:_:)``): an array of rows, each an
/// array of strings or nulls — `[["1", "ITEM-1", null], …]` — or SQL NULL
/// (nil) for an empty table.
///
/// Hand-written rather than `JSONDecoder`/`JSONSerialization`: it reads only
/// this shape, on the UTF-8 bytes, straight into rows of optional strings;
/// 50,000 rows of 8 values through Foundation's JSON cost several times what
/// the driver spent returning them. Anything else is refused (nil), and the
/// loader then reads the table row by row instead.
enum JSONRows {
    static func parse(_ text: String?, columns: Int) -> [[String?]]? {
        guard let text else { return [] }
        var copy = text
        return copy.withUTF8 { parse(bytes: $0, columns: columns) }
    }

    static func parse(bytes b: UnsafeBufferPointer<UInt8>, columns: Int) -> [[String?]]? {
        var i = 0
        let n = b.count
        func skipSpace() {
            while i < n, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i += 1 }
        }
        func expect(_ c: UInt8) -> Bool {
            skipSpace()
            guard i < n, b[i] == c else { return false }
            i += 1
            return true
        }
        func hex4() -> UInt32? {
            guard i + 4 <= n else { return nil }
            var v: UInt32 = 0
            for k in 0..<4 {
                let c = b[i + k]
                let d: UInt8
                switch c {
                case 0x30...0x39: d = c - 0x30
                case 0x41...0x46: d = c - 0x41 + 10
                case 0x61...0x66: d = c - 0x61 + 10
                default: return nil
                }
                v = v << 4 | UInt32(d)
            }
            i += 4
            return v
        }
        /// A string starting after its opening quote.
        func string() -> String? {
            let start = i
            while i < n, b[i] != 0x22, b[i] != 0x5C { i += 1 }
            guard i < n else { return nil }
            if b[i] == 0x22 {
                defer { i += 1 }
                return String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)
            }
            var out = Array(b[start..<i])
            while i < n {
                let c = b[i]
                if c == 0x22 { i += 1; return String(decoding: out, as: UTF8.self) }
                guard c == 0x5C else { out.append(c); i += 1; continue }
                i += 1
                guard i < n else { return nil }
                let e = b[i]
                i += 1
                switch e {
                case 0x22, 0x5C, 0x2F: out.append(e)
                case 0x62: out.append(0x08)
                case 0x66: out.append(0x0C)
                case 0x6E: out.append(0x0A)
                case 0x72: out.append(0x0D)
                case 0x74: out.append(0x09)
                case 0x75:
                    guard var scalar = hex4() else { return nil }
                    if (0xD800..<0xDC00).contains(scalar) {
                        guard i + 6 <= n, b[i] == 0x5C, b[i + 1] == 0x75 else { return nil }
                        i += 2
                        guard let low = hex4(), (0xDC00..<0xE000).contains(low) else { return nil }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let u = Unicode.Scalar(scalar) else { return nil }
                    out += Array(String(Character(u)).utf8)
                default: return nil
                }
            }
            return nil
        }

        guard expect(0x5B) else { return nil }
        var rows: [[String?]] = []
        skipSpace()
        if i < n, b[i] == 0x5D {
            i += 1
        } else {
            while true {
                guard expect(0x5B) else { return nil }
                var row: [String?] = []
                row.reserveCapacity(columns)
                skipSpace()
                if i < n, b[i] == 0x5D {
                    i += 1
                } else {
                    while true {
                        skipSpace()
                        guard i < n else { return nil }
                        if b[i] == 0x22 {
                            i += 1
                            guard let s = string() else { return nil }
                            row.append(s)
                        } else if i + 4 <= n, b[i] == 0x6E, b[i + 1] == 0x75, b[i + 2] == 0x6C, b[i + 3] == 0x6C {
                            i += 4
                            row.append(nil)
                        } else {
                            return nil
                        }
                        skipSpace()
                        guard i < n else { return nil }
                        if b[i] == 0x2C { i += 1; continue }
                        guard b[i] == 0x5D else { return nil }
                        i += 1
                        break
                    }
                }
                guard row.count == columns else { return nil }
                rows.append(row)
                skipSpace()
                guard i < n else { return nil }
                if b[i] == 0x2C { i += 1; continue }
                guard b[i] == 0x5D else { return nil }
                i += 1
                break
            }
        }
        skipSpace()
        return i == n ? rows : nil
    }
}
