import CODBC

/// A statement handle, freed when the value goes away (also on error paths).
///
/// It keeps what it needs of its connection as values, not a reference: the
/// connection caches one statement, and a strong reference back would keep
/// both (and the server session) alive forever.
final class ODBCStatement {
    let handle: SQLHSTMT
    let textMode: ODBCConnection.TextMode
    let displayName: String
    /// How result rows are read (see ``ODBCConnection/FetchStrategy``).
    var fetchStrategy: ODBCConnection.FetchStrategy
    private var parameters: ParameterBuffers?

    init(connection: ODBCConnection) throws {
        textMode = connection.textMode
        fetchStrategy = connection.fetchStrategy
        displayName = connection.displayName
        var stmt: SQLHSTMT?
        let rc = SQLAllocHandle(SQLSMALLINT(SQL_HANDLE_STMT), connection.handle, &stmt)
        guard Diagnostics.succeeded(rc), let stmt else {
            throw ODBCError(context: "allocate statement on \(connection.displayName)",
                            records: Diagnostics.records(SQLSMALLINT(SQL_HANDLE_DBC), connection.handle))
        }
        handle = stmt
    }

    /// Set when the handle was freed early (its connection closed).
    private(set) var isFreed = false

    deinit {
        free()
    }

    /// Frees the handle now; later use throws instead of touching freed memory.
    func free() {
        guard !isFreed else { return }
        isFreed = true
        SQLFreeHandle(SQLSMALLINT(SQL_HANDLE_STMT), handle)
    }

    func ensureUsable() throws {
        if isFreed {
            throw ODBCError(context: "use statement on \(displayName)", records: [.init(sqlState: "08003", nativeCode: 0, message: "the connection was closed")])
        }
    }

    var wide: Bool { textMode == .wide }

    /// Discards pending results so the connection can end its transaction.
    func closeCursor() {
        SQLFreeStmt(handle, SQLUSMALLINT(SQL_CLOSE))
    }

    func check(_ rc: SQLRETURN, _ context: @autoclosure () -> String) throws {
        try Diagnostics.check(rc, SQLSMALLINT(SQL_HANDLE_STMT), handle, context())
    }

    /// `SQLExecDirect` then drain. The handle may be reused: any open cursor
    /// and earlier parameter bindings are released first.
    func run(_ sql: String, _ values: [ODBCValue]) throws -> ODBCResult {
        try ensureUsable()
        SQLFreeStmt(handle, SQLUSMALLINT(SQL_CLOSE))
        SQLFreeStmt(handle, SQLUSMALLINT(SQL_RESET_PARAMS))
        parameters = nil
        try bind(values)
        let rc: SQLRETURN
        if wide {
            var text = WideText.encode(sql)
            rc = SQLExecDirectW(handle, &text, SQLINTEGER(text.count - 1))
        } else {
            var bytes = Array(sql.utf8).map { SQLCHAR($0) }
            rc = SQLExecDirect(handle, &bytes, SQLINTEGER(bytes.count))
        }
        try checkExecution(rc)
        return try drain()
    }

    /// `SQLPrepare`.
    func prepare(_ sql: String) throws {
        let rc: SQLRETURN
        if wide {
            var text = WideText.encode(sql)
            rc = SQLPrepareW(handle, &text, SQLINTEGER(text.count - 1))
        } else {
            var bytes = Array(sql.utf8).map { SQLCHAR($0) }
            rc = SQLPrepare(handle, &bytes, SQLINTEGER(bytes.count))
        }
        try check(rc, "prepare statement")
    }

    /// `SQLExecute` of a prepared statement, then drain.
    func executePrepared(_ values: [ODBCValue]) throws -> ODBCResult {
        try ensureUsable()
        SQLFreeStmt(handle, SQLUSMALLINT(SQL_CLOSE))
        SQLFreeStmt(handle, SQLUSMALLINT(SQL_RESET_PARAMS))
        try bind(values)
        try checkExecution(SQLExecute(handle))
        return try drain()
    }

    /// `SQL_NO_DATA` from an execute means "no rows affected", not an error.
    private func checkExecution(_ rc: SQLRETURN) throws {
        if rc == SQLRETURN(SQL_NO_DATA) { return }
        try check(rc, "execute")
    }

    private func bind(_ values: [ODBCValue]) throws {
        guard !values.isEmpty else { return }
        let buffers = ParameterBuffers(count: values.count)
        parameters = buffers
        for (i, value) in values.enumerated() {
            let p = buffers.prepare(i, value, wide: wide)
            let rc = SQLBindParameter(handle, SQLUSMALLINT(i + 1), SQLSMALLINT(SQL_PARAM_INPUT), p.cType, p.sqlType,
                                      p.columnSize, p.decimalDigits, p.pointer, p.bufferLength, buffers.indicators + i)
            try check(rc, "bind parameter \(i + 1)")
        }
    }

    /// Reads every result set and row count, calling SQLMoreResults until done.
    private func drain() throws -> ODBCResult {
        var result = ODBCResult(resultSets: [], rowCounts: [])
        while true {
            var columnCount: SQLSMALLINT = 0
            try check(SQLNumResultCols(handle, &columnCount), "read result columns")
            if columnCount > 0 {
                result.resultSets.append(try readRows(columns: Int(columnCount)))
            } else {
                var count: SQLLEN = 0
                if Diagnostics.succeeded(SQLRowCount(handle, &count)) { result.rowCounts.append(Int(count)) }
            }
            let more = SQLMoreResults(handle)
            if more == SQLRETURN(SQL_NO_DATA) { break }
            try check(more, "read next result")
        }
        return result
    }

    private func readRows(columns: Int) throws -> ODBCResultSet {
        var names: [String] = []
        var sizes: [Int] = []
        for c in 1...columns {
            var name = [SQLWCHAR](repeating: 0, count: 256)
            var nameLength: SQLSMALLINT = 0, digits: SQLSMALLINT = 0
            var size: SQLULEN = 0
            // No type and no nullability asked for (nil): given either,
            // psqlODBC (PGAPI_DescribeCol's build_fi, results.c) looks the
            // column's table up in the catalog, one extra query per table a
            // result reads from, once per connection. Names and sizes are all
            // the fetch needs.
            try check(SQLDescribeColW(handle, SQLUSMALLINT(c), &name, SQLSMALLINT(name.count), &nameLength, nil, &size, &digits, nil),
                      "describe column \(c)")
            names.append(WideText.decode(name, count: Int(nameLength)))
            sizes.append(size > SQLULEN(Int32.max) ? 0 : Int(size))
        }
        switch fetchStrategy {
        case .getData:
            return ODBCResultSet(columns: names, rows: try readRowsByCell(columns: columns))
        case .block(let limit):
            return ODBCResultSet(columns: names, rows: try readBlocks(sizes: sizes, limit: max(1, limit)))
        case .boundRow:
            return ODBCResultSet(columns: names, rows: try readBlocks(sizes: sizes, limit: 1))
        }
    }

    /// Block fetch: every column bound as text, `SQL_ATTR_ROW_ARRAY_SIZE`
    /// rows per `SQLFetch`. A value longer than its bound width is read again
    /// whole with `SQLGetData` after positioning on its row (`SQLSetPos`,
    /// which drivers with `SQL_GD_BLOCK` allow; one row per fetch needs none).
    private func readBlocks(sizes: [Int], limit: Int) throws -> [[String?]] {
        let widths = sizes.map { ColumnBuffers.width(describedSize: $0, wide: wide) }
        let perBlock = ColumnBuffers.rowsPerBlock(widths: widths, wide: wide, limit: limit)
        let buffers = ColumnBuffers(rows: perBlock, widths: widths, wide: wide)
        // Everything the driver holds of ours is released before `buffers`
        // goes: the handle lives on (the connection reuses it).
        defer {
            SQLFreeStmt(handle, SQLUSMALLINT(SQL_UNBIND))
            SQLSetStmtAttr(handle, SQLINTEGER(SQL_ATTR_ROW_STATUS_PTR), nil, 0)
            SQLSetStmtAttr(handle, SQLINTEGER(SQL_ATTR_ROWS_FETCHED_PTR), nil, 0)
            SQLSetStmtAttr(handle, SQLINTEGER(SQL_ATTR_ROW_ARRAY_SIZE), UnsafeMutableRawPointer(bitPattern: 1), 0)
        }
        try check(SQLSetStmtAttr(handle, SQLINTEGER(SQL_ATTR_ROW_ARRAY_SIZE), UnsafeMutableRawPointer(bitPattern: perBlock), 0), "set rows per fetch")
        try check(SQLSetStmtAttr(handle, SQLINTEGER(SQL_ATTR_ROW_STATUS_PTR), buffers.status, 0), "set row status array")
        try check(SQLSetStmtAttr(handle, SQLINTEGER(SQL_ATTR_ROWS_FETCHED_PTR), buffers.fetched, 0), "set rows fetched pointer")
        if let (column, rc) = buffers.bind(handle) { try check(rc, "bind column \(column)") }
        let columns = widths.count
        var rows: [[String?]] = []
        var wideBuffer = [SQLWCHAR](repeating: 0, count: wide ? 2048 : 0)
        var narrowBuffer = [SQLCHAR](repeating: 0, count: wide ? 0 : 4096)
        while true {
            buffers.fetched.pointee = 0
            let rc = SQLFetch(handle)
            if rc == SQLRETURN(SQL_NO_DATA) { break }
            try check(rc, "fetch rows from \(rows.count + 1)")
            let count = min(Int(buffers.fetched.pointee), perBlock)
            rows.reserveCapacity(rows.count + count)
            for r in 0..<count {
                let status = Int32(buffers.status[r])
                if status == SQL_ROW_NOROW { continue }
                if status == SQL_ROW_ERROR {
                    throw ODBCError(context: "fetch row \(rows.count + 1)", records: Diagnostics.records(SQLSMALLINT(SQL_HANDLE_STMT), handle))
                }
                var row: [String?] = []
                row.reserveCapacity(columns)
                var positioned = perBlock == 1
                for c in 0..<columns {
                    switch buffers.cell(row: r, column: c) {
                    case .null: row.append(nil)
                    case .text(let s): row.append(s)
                    case .truncated:
                        if !positioned {
                            try check(SQLSetPos(handle, SQLSETPOSIROW(r + 1), SQLUSMALLINT(SQL_POSITION), SQLUSMALLINT(SQL_LOCK_NO_CHANGE)),
                                      "position on row \(rows.count + 1)")
                            positioned = true
                        }
                        row.append(try readText(column: c + 1, wide: &wideBuffer, narrow: &narrowBuffer))
                    }
                }
                rows.append(row)
            }
        }
        return rows
    }

    /// One `SQLGetData` per value: for drivers whose block fetch is not
    /// known to work (FreeTDS and Microsoft's are not measured here).
    private func readRowsByCell(columns: Int) throws -> [[String?]] {
        var rows: [[String?]] = []
        // One buffer for every value of the result set: allocating (and
        // zeroing) one per value cost more than the fetch itself.
        var wideBuffer = [SQLWCHAR](repeating: 0, count: wide ? 2048 : 0)
        var narrowBuffer = [SQLCHAR](repeating: 0, count: wide ? 0 : 4096)
        while true {
            let rc = SQLFetch(handle)
            if rc == SQLRETURN(SQL_NO_DATA) { break }
            try check(rc, "fetch row \(rows.count + 1)")
            var row: [String?] = []
            row.reserveCapacity(columns)
            for c in 1...columns { row.append(try readText(column: c, wide: &wideBuffer, narrow: &narrowBuffer)) }
            rows.append(row)
        }
        return rows
    }

    /// Reads one column as text, looping over `SQLGetData` for long values.
    private func readText(column: Int, wide buffer: inout [SQLWCHAR], narrow: inout [SQLCHAR]) throws -> String? {
        if wide {
            var collected: [SQLWCHAR] = []
            while true {
                var indicator: SQLLEN = 0
                let rc = SQLGetData(handle, SQLUSMALLINT(column), SQLSMALLINT(SQL_C_WCHAR), &buffer, SQLLEN(buffer.count * 2), &indicator)
                if rc == SQLRETURN(SQL_NO_DATA) { break }
                try check(rc, "read column \(column)")
                if indicator == SQLLEN(SQL_NULL_DATA) { return nil }
                let capacity = buffer.count - 1
                if rc == SQLRETURN(SQL_SUCCESS_WITH_INFO) && (indicator == SQLLEN(SQL_NO_TOTAL) || Int(indicator) / 2 > capacity) {
                    collected += buffer[0..<capacity]
                    // A known length: the rest in one more call, not thousands of 2 KB ones.
                    if indicator != SQLLEN(SQL_NO_TOTAL) {
                        let rest = Int(indicator) / 2 - capacity + 1
                        if rest > buffer.count && rest <= 1 << 26 { buffer = [SQLWCHAR](repeating: 0, count: rest) }
                    }
                    continue
                }
                let count = min(capacity, Int(indicator) / 2)
                // The common case, a value that fits at once, decodes straight from the buffer.
                if collected.isEmpty { return buffer.withUnsafeBufferPointer { WideText.string(UnsafeBufferPointer(rebasing: $0[0..<count])) } }
                collected += buffer[0..<count]
                break
            }
            return collected.withUnsafeBufferPointer { WideText.string($0) }
        } else {
            var collected: [UInt8] = []
            while true {
                var indicator: SQLLEN = 0
                let rc = SQLGetData(handle, SQLUSMALLINT(column), SQLSMALLINT(SQL_C_CHAR), &narrow, SQLLEN(narrow.count), &indicator)
                if rc == SQLRETURN(SQL_NO_DATA) { break }
                try check(rc, "read column \(column)")
                if indicator == SQLLEN(SQL_NULL_DATA) { return nil }
                let capacity = narrow.count - 1
                if rc == SQLRETURN(SQL_SUCCESS_WITH_INFO) && (indicator == SQLLEN(SQL_NO_TOTAL) || Int(indicator) > capacity) {
                    collected += narrow[0..<capacity]
                    if indicator != SQLLEN(SQL_NO_TOTAL) {
                        let rest = Int(indicator) - capacity + 1
                        if rest > narrow.count && rest <= 1 << 27 { narrow = [SQLCHAR](repeating: 0, count: rest) }
                    }
                    continue
                }
                let count = min(capacity, Int(indicator))
                if collected.isEmpty { return String(decoding: narrow[0..<count], as: UTF8.self) }
                collected += narrow[0..<count]
                break
            }
            return String(decoding: collected, as: UTF8.self)
        }
    }
}

/// A statement prepared once and executed many times. It keeps its
/// connection open for as long as it lives.
public final class ODBCPreparedStatement {
    private let statement: ODBCStatement
    private let connection: ODBCConnection
    public let sql: String

    init(connection: ODBCConnection, sql: String) throws {
        self.connection = connection
        statement = try ODBCStatement(connection: connection)
        self.sql = sql
        try statement.prepare(sql)
        connection.track(statement)
    }

    @discardableResult
    public func execute(_ parameters: [ODBCValue]) throws -> ODBCResult {
        statement.fetchStrategy = connection.fetchStrategy
        return try statement.executePrepared(parameters)
    }
}
