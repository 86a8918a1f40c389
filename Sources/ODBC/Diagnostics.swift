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
}

import Foundation
