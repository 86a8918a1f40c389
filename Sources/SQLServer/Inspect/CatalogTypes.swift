import OEEModel

/// Types as the catalog reports them (`sys.types` name by user_type_id,
/// `max_length` in bytes, precision, scale) mapped to ``SQLType``.
enum CatalogTypes {
    /// The model type, or nil for a type the model does not have (`datetime`,
    /// `money`, `xml`, `binary`, …).
    ///
    ///     type("nvarchar", maxLength: 128, precision: 0, scale: 0)   // nvarchar(64)
    ///     type("nvarchar", maxLength: -1, precision: 0, scale: 0)    // nvarchar(max)
    ///     type("float", maxLength: 8, precision: 53, scale: 0)       // float
    ///     type("real", maxLength: 4, precision: 24, scale: 0)        // real (float(24) is stored as real)
    static func type(_ name: String, maxLength: Int, precision: Int, scale: Int) -> SQLType? {
        func bytes() -> SQLType.Length { maxLength == -1 ? .max : .n(maxLength) }
        func characters() -> SQLType.Length { maxLength == -1 ? .max : .n(maxLength / 2) }
        switch name.lowercased() {
        case "tinyint": return .tinyint
        case "smallint": return .smallint
        case "int": return .int
        case "bigint": return .bigint
        case "bit": return .bit
        case "decimal", "numeric": return .decimal(precision: precision, scale: scale)
        case "float": return precision <= 24 ? .real : .float
        case "real": return .real
        case "date": return .date
        case "time": return .time(precision: scale)
        case "datetime2": return .datetime2(precision: scale)
        case "datetimeoffset": return .datetimeoffset(precision: scale)
        case "char": return .char(bytes())
        case "varchar": return .varchar(bytes())
        case "nchar": return .nchar(characters())
        case "nvarchar": return .nvarchar(characters())
        case "varbinary": return .varbinary(bytes())
        case "uniqueidentifier": return .uniqueidentifier
        case "sysname": return .sysname
        default: return nil
        }
    }

    /// The type as SQL Server stores it: `float(1…24)` is `real`, `float(25…53)`
    /// is `float`.
    static func comparable(_ type: SQLType) -> SQLType {
        if case .float(let m?) = type { return m <= 24 ? .real : .float }
        return type
    }
}
