import CODBC

/// Memory for bound parameters: it must outlive `SQLExecute`, so it is owned
/// by the statement and freed with it.
final class ParameterBuffers {
    let indicators: UnsafeMutablePointer<SQLLEN>
    private var allocations: [UnsafeMutableRawPointer] = []
    private let count: Int

    struct Binding {
        var cType: SQLSMALLINT
        var sqlType: SQLSMALLINT
        var columnSize: SQLULEN
        var decimalDigits: SQLSMALLINT
        var pointer: UnsafeMutableRawPointer?
        var bufferLength: SQLLEN
    }

    init(count: Int) {
        self.count = count
        indicators = .allocate(capacity: count)
        indicators.initialize(repeating: 0, count: count)
    }

    deinit {
        for a in allocations { a.deallocate() }
        indicators.deallocate()
    }

    private func store<T>(_ values: [T]) -> (UnsafeMutableRawPointer, Int) {
        let bytes = max(1, values.count * MemoryLayout<T>.stride)
        let raw = UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: MemoryLayout<T>.alignment)
        values.withUnsafeBytes { src in if let base = src.baseAddress { raw.copyMemory(from: base, byteCount: src.count) } }
        allocations.append(raw)
        return (raw, values.count * MemoryLayout<T>.stride)
    }

    private func text(_ s: String, wide: Bool, sqlType: Int32, size: Int? = nil, digits: Int = 0, at i: Int) -> Binding {
        if wide {
            let units = Array(s.utf16)
            let (p, n) = store(units + [0])
            indicators[i] = SQLLEN(n - 2)
            let wideType: Int32 = sqlType == SQL_VARCHAR ? SQL_WVARCHAR : sqlType
            return Binding(cType: SQLSMALLINT(SQL_C_WCHAR), sqlType: SQLSMALLINT(wideType), columnSize: SQLULEN(size ?? max(1, units.count)),
                           decimalDigits: SQLSMALLINT(digits), pointer: p, bufferLength: SQLLEN(n))
        }
        let bytes = Array(s.utf8)
        let (p, n) = store(bytes + [0])
        indicators[i] = SQLLEN(n - 1)
        return Binding(cType: SQLSMALLINT(SQL_C_CHAR), sqlType: SQLSMALLINT(sqlType), columnSize: SQLULEN(size ?? max(1, bytes.count)),
                       decimalDigits: SQLSMALLINT(digits), pointer: p, bufferLength: SQLLEN(n))
    }

    /// Buffers for parameter `i` and how to bind them.
    func prepare(_ i: Int, _ value: ODBCValue, wide: Bool) -> Binding {
        switch value {
        case .null(let type):
            indicators[i] = SQLLEN(SQL_NULL_DATA)
            let sqlType: Int32
            switch type {
            case .bit: sqlType = SQL_BIT
            case .bigint: sqlType = SQL_BIGINT
            case .double: sqlType = SQL_DOUBLE
            case .decimal: sqlType = SQL_DECIMAL
            case .text: sqlType = wide ? SQL_WVARCHAR : SQL_VARCHAR
            case .date: sqlType = SQL_TYPE_DATE
            case .timestamp: sqlType = SQL_TYPE_TIMESTAMP
            case .binary: sqlType = SQL_VARBINARY
            }
            let size: SQLULEN = type == .timestamp ? 27 : (type == .date ? 10 : (type == .decimal ? 38 : 1))
            return Binding(cType: SQLSMALLINT(SQL_C_CHAR), sqlType: SQLSMALLINT(sqlType), columnSize: size,
                           decimalDigits: type == .timestamp ? 3 : 0, pointer: nil, bufferLength: 0)
        case .bool(let b):
            let (p, _) = store([UInt8(b ? 1 : 0)])
            indicators[i] = 1
            return Binding(cType: SQLSMALLINT(SQL_C_BIT), sqlType: SQLSMALLINT(SQL_BIT), columnSize: 1, decimalDigits: 0, pointer: p, bufferLength: 1)
        case .int(let v):
            let (p, n) = store([v])
            indicators[i] = SQLLEN(n)
            return Binding(cType: SQLSMALLINT(SQL_C_SBIGINT), sqlType: SQLSMALLINT(SQL_BIGINT), columnSize: 19, decimalDigits: 0, pointer: p, bufferLength: SQLLEN(n))
        case .double(let v):
            let (p, n) = store([v])
            indicators[i] = SQLLEN(n)
            return Binding(cType: SQLSMALLINT(SQL_C_DOUBLE), sqlType: SQLSMALLINT(SQL_DOUBLE), columnSize: 15, decimalDigits: 0, pointer: p, bufferLength: SQLLEN(n))
        case .decimal(let s):
            let scale = s.split(separator: ".").dropFirst().first?.count ?? 0
            let digits = s.filter(\.isNumber).count
            return text(s, wide: false, sqlType: SQL_DECIMAL, size: max(digits, scale + 1), digits: scale, at: i)
        case .text(let s):
            return text(s, wide: wide, sqlType: SQL_VARCHAR, at: i)
        case .date(let s):
            return text(s, wide: false, sqlType: SQL_TYPE_DATE, size: 10, at: i)
        case .timestamp(let s):
            let fraction = s.split(separator: ".").dropFirst().first?.count ?? 0
            return text(s, wide: false, sqlType: SQL_TYPE_TIMESTAMP, size: fraction > 0 ? 20 + fraction : 19, digits: fraction, at: i)
        case .bytes(let b):
            let (p, n) = store(b)
            indicators[i] = SQLLEN(n)
            return Binding(cType: SQLSMALLINT(SQL_C_BINARY), sqlType: SQLSMALLINT(SQL_VARBINARY), columnSize: SQLULEN(max(1, n)),
                           decimalDigits: 0, pointer: p, bufferLength: SQLLEN(n))
        }
    }
}
