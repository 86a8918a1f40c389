extension SQLType.Length: ExpressibleByIntegerLiteral {
    /// `.nvarchar(128)` reads as `.nvarchar(.n(128))`.
    public init(integerLiteral value: Int) { self = .n(value) }
}

extension SQLType {
    /// `.decimal(12, 4)`.
    public static func decimal(_ precision: Int, _ scale: Int) -> SQLType { .decimal(precision: precision, scale: scale) }
    /// `.time(0)`.
    public static func time(_ precision: Int) -> SQLType { .time(precision: precision) }
    /// `.datetime2(3)`.
    public static func datetime2(_ precision: Int) -> SQLType { .datetime2(precision: precision) }
    /// `.datetimeoffset(7)`.
    public static func datetimeoffset(_ precision: Int) -> SQLType { .datetimeoffset(precision: precision) }
}
