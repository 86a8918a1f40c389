import CODBC

/// Return-code checks and diagnostic collection shared by every handle kind.
enum Diagnostics {
    static func succeeded(_ rc: SQLRETURN) -> Bool {
        rc == SQLRETURN(SQL_SUCCESS) || rc == SQLRETURN(SQL_SUCCESS_WITH_INFO)
    }

    /// Every diagnostic record on a handle (`SQLGetDiagRecW`).
    static func records(_ type: SQLSMALLINT, _ handle: SQLHANDLE?) -> [ODBCError.Record] {
        guard let handle else { return [] }
        var records: [ODBCError.Record] = []
        var index: SQLSMALLINT = 1
        while index < 64 {
            var state = [SQLWCHAR](repeating: 0, count: 6)
            var native: SQLINTEGER = 0
            var message = [SQLWCHAR](repeating: 0, count: 2048)
            var length: SQLSMALLINT = 0
            let rc = SQLGetDiagRecW(type, handle, index, &state, &native, &message, SQLSMALLINT(message.count), &length)
            guard succeeded(rc) else { break }
            let text = WideText.decode(message, count: min(Int(length), message.count - 1))
            records.append(ODBCError.Record(
                sqlState: WideText.decode(state, count: 5), nativeCode: Int(native),
                message: text.trimmingCharacters(in: .whitespacesAndNewlines)))
            index += 1
        }
        return records
    }

    /// Throws an ``ODBCError`` with the handle's diagnostics unless `rc` succeeded.
    static func check(_ rc: SQLRETURN, _ type: SQLSMALLINT, _ handle: SQLHANDLE?, _ context: @autoclosure () -> String) throws {
        guard !succeeded(rc) else { return }
        if rc == SQLRETURN(SQL_INVALID_HANDLE) {
            throw ODBCError(context: context(), records: [.init(sqlState: "HY000", nativeCode: 0, message: "invalid handle")])
        }
        throw ODBCError(context: context(), records: records(type, handle))
    }
}

/// UTF-16 conversion for the wide ODBC API (`SQLWCHAR` is UTF-16 on unixODBC).
enum WideText {
    static func encode(_ text: String) -> [SQLWCHAR] {
        Array(text.utf16) + [0]
    }

    static func decode(_ units: [SQLWCHAR], count: Int) -> String {
        let n = max(0, min(count, units.count))
        var end = n
        if let zero = units.prefix(n).firstIndex(of: 0) { end = zero }
        return String(decoding: units[0..<end], as: UTF16.self)
    }

    /// UTF-16 from a driver as a `String`, transcoded here: the standard
    /// library's generic `String(decoding:as: UTF16.self)` costs hundreds of
    /// instructions a code unit (seconds for a multi-megabyte value). Lone
    /// surrogates become U+FFFD, as there.
    static func string(_ units: UnsafeBufferPointer<UInt16>) -> String {
        var utf8 = 0
        var ascii = true
        for u in units {
            if u < 0x80 { utf8 += 1 } else { ascii = false; utf8 += u < 0x800 ? 2 : 3 }
        }
        if ascii {
            return String(unsafeUninitializedCapacity: units.count) { out in
                for i in 0..<units.count { out[i] = UInt8(truncatingIfNeeded: units[i]) }
                return units.count
            }
        }
        // A surrogate pair (2 units counted as 6 bytes) needs 4: capacity suffices.
        return String(unsafeUninitializedCapacity: utf8) { out in
            var o = 0
            var i = 0
            let n = units.count
            func put(_ scalar: UInt32) {
                switch scalar {
                case ..<0x80:
                    out[o] = UInt8(scalar); o += 1
                case ..<0x800:
                    out[o] = UInt8(0xC0 | scalar >> 6); out[o + 1] = UInt8(0x80 | scalar & 0x3F); o += 2
                case ..<0x10000:
                    out[o] = UInt8(0xE0 | scalar >> 12); out[o + 1] = UInt8(0x80 | scalar >> 6 & 0x3F)
                    out[o + 2] = UInt8(0x80 | scalar & 0x3F); o += 3
                default:
                    out[o] = UInt8(0xF0 | scalar >> 18); out[o + 1] = UInt8(0x80 | scalar >> 12 & 0x3F)
                    out[o + 2] = UInt8(0x80 | scalar >> 6 & 0x3F); out[o + 3] = UInt8(0x80 | scalar & 0x3F); o += 4
                }
            }
            while i < n {
                let u = UInt32(units[i])
                if u & 0xF800 != 0xD800 {
                    put(u)
                    i += 1
                } else if u < 0xDC00, i + 1 < n, units[i + 1] & 0xFC00 == 0xDC00 {
                    put(0x10000 + ((u - 0xD800) << 10) + (UInt32(units[i + 1]) - 0xDC00))
                    i += 2
                } else {
                    put(0xFFFD)
                    i += 1
                }
            }
            return o
        }
    }
}

import Foundation
