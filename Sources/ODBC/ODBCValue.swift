/// A parameter value, with a SQL type even when NULL (drivers need one).
public enum ODBCValue: Hashable, Sendable {
    /// A typed NULL.
    case null(ODBCParameterType)
    case bool(Bool)
    case int(Int64)
    case double(Double)
    /// An exact number sent as text so no binary rounding happens: `"12.3456"`.
    case decimal(String)
    case text(String)
    /// `YYYY-MM-DD`.
    case date(String)
    /// `YYYY-MM-DD hh:mm:ss[.fffffff]`, no time zone (datetime2 / timestamp).
    case timestamp(String)
    case bytes([UInt8])

    /// The parameter type the value is bound as.
    public var parameterType: ODBCParameterType {
        switch self {
        case .null(let t): return t
        case .bool: return .bit
        case .int: return .bigint
        case .double: return .double
        case .decimal: return .decimal
        case .text: return .text
        case .date: return .date
        case .timestamp: return .timestamp
        case .bytes: return .binary
        }
    }
}

/// The SQL type a parameter is declared as when bound.
public enum ODBCParameterType: Hashable, Sendable {
    case bit, bigint, double, decimal, text, date, timestamp, binary
}
