import CODBC

/// Bound result columns for block fetch: one text buffer per column holding
/// `rows` values of `width` code units each (column-wise binding), one
/// length/indicator array per column, and the row status array. It must
/// outlive every `SQLFetch` that writes into it, so the statement unbinds
/// it (``ODBCStatement``) before it goes away.
///
/// Values are bound as text — `SQL_C_WCHAR` for wide drivers, `SQL_C_CHAR`
/// (UTF-8) for ANSI ones — exactly as `SQLGetData` read them before, so the
/// strings are the same; a value longer than its column's width (or of
/// unknown length) is read again whole with `SQLGetData`.
final class ColumnBuffers {
    let rows: Int
    let columns: Int
    /// Code units per value, terminator included.
    let widths: [Int]
    let wide: Bool
    private let data: [UnsafeMutableRawPointer]
    let indicators: [UnsafeMutablePointer<SQLLEN>]
    let status: UnsafeMutablePointer<SQLUSMALLINT>
    /// Rows the last fetch returned (`SQL_ATTR_ROWS_FETCHED_PTR`).
    let fetched: UnsafeMutablePointer<SQLULEN>

    /// Widths from the described column sizes: a short declared type gets
    /// just its size, anything unknown or long the default width (longer
    /// values take the `SQLGetData` path).
    static func width(describedSize size: Int, wide: Bool) -> Int {
        // UTF-8 takes up to 4 bytes a character; UTF-16 one unit for all but
        // the rare pair (which then takes the long path).
        let units = wide ? size : size * 4
        return size > 0 && units < 1024 ? max(40, units + 1) : (wide ? 256 : 512)
    }

    /// Rows per fetch so that one block stays near `budget` bytes.
    static func rowsPerBlock(widths: [Int], wide: Bool, limit: Int, budget: Int = 2 << 20) -> Int {
        let rowBytes = widths.reduce(0) { $0 + $1 * (wide ? 2 : 1) + MemoryLayout<SQLLEN>.stride }
        return max(1, min(limit, budget / max(1, rowBytes)))
    }

    init(rows: Int, widths: [Int], wide: Bool) {
        self.rows = rows
        self.columns = widths.count
        self.widths = widths
        self.wide = wide
        let unit = wide ? MemoryLayout<SQLWCHAR>.stride : 1
        data = widths.map { UnsafeMutableRawPointer.allocate(byteCount: rows * $0 * unit, alignment: 8) }
        indicators = widths.map { _ in
            let p = UnsafeMutablePointer<SQLLEN>.allocate(capacity: rows)
            p.initialize(repeating: 0, count: rows)
            return p
        }
        status = .allocate(capacity: rows)
        status.initialize(repeating: 0, count: rows)
        fetched = .allocate(capacity: 1)
        fetched.initialize(to: 0)
    }

    deinit {
        for d in data { d.deallocate() }
        for i in indicators { i.deallocate() }
        status.deallocate()
        fetched.deallocate()
    }

    /// Binds every column (1-based in ODBC) to its buffer.
    func bind(_ statement: SQLHSTMT) -> (column: Int, rc: SQLRETURN)? {
        let unit = wide ? MemoryLayout<SQLWCHAR>.stride : 1
        for c in 0..<columns {
            let rc = SQLBindCol(statement, SQLUSMALLINT(c + 1), SQLSMALLINT(wide ? SQL_C_WCHAR : SQL_C_CHAR), data[c],
                                SQLLEN(widths[c] * unit), indicators[c])
            if !Diagnostics.succeeded(rc) { return (c + 1, rc) }
        }
        return nil
    }

    enum Cell {
        case null
        case text(String)
        /// Longer than the buffer (or of unknown length): read it with SQLGetData.
        case truncated
    }

    /// The value of `column` (0-based) in `row` of the last block.
    func cell(row: Int, column: Int) -> Cell {
        let indicator = indicators[column][row]
        if indicator == SQLLEN(SQL_NULL_DATA) { return .null }
        if indicator == SQLLEN(SQL_NO_TOTAL) || indicator < 0 { return .truncated }
        let capacity = widths[column] - 1
        if wide {
            let count = Int(indicator) / 2
            if count > capacity { return .truncated }
            let base = data[column].assumingMemoryBound(to: UInt16.self) + row * widths[column]
            let units = UnsafeBufferPointer(start: base, count: count)
            // ASCII (most catalog and seed text) narrows straight to UTF-8:
            // transcoding UTF-16 costs several times more.
            if !units.contains(where: { $0 >= 0x80 }) {
                return .text(String(unsafeUninitializedCapacity: count) { out in
                    for i in 0..<count { out[i] = UInt8(truncatingIfNeeded: units[i]) }
                    return count
                })
            }
            return .text(WideText.string(units))
        }
        let count = Int(indicator)
        if count > capacity { return .truncated }
        let base = data[column].assumingMemoryBound(to: UInt8.self) + row * widths[column]
        return .text(String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self))
    }
}
