import OEEDiff

/// One row of a catalog query, its values addressed by column alias.
///
///     let row = try CatalogRow.rows(.columns, in: rows)[0]
///     try row.text("column_name")      // "qty"
///     try row.int("max_length")        // 128
///     try row.bool("is_nullable")      // false ("0", "1", "true", "false")
struct CatalogRow {
    let query: CatalogSQL.Query
    /// 1-based, for error messages.
    let number: Int
    let values: [String?]
    let columns: [String: Int]

    /// Every row of `query`, each checked to have the query's number of columns.
    static func rows(_ query: CatalogSQL.Query, in rows: CatalogRows) throws -> [CatalogRow] {
        let names = CatalogSQL.columns(query)
        let index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        return try rows.rows(query.rawValue).enumerated().map { i, values in
            guard values.count == names.count else {
                throw RenderError("catalog query '\(query.rawValue)'", "row \(i + 1) has \(values.count) values; expected \(names.count) (\(names.joined(separator: ", ")))")
            }
            return CatalogRow(query: query, number: i + 1, values: values, columns: index)
        }
    }

    private func error(_ column: String, _ message: String) -> RenderError {
        RenderError("catalog query '\(query.rawValue)'", "row \(number), column \(column): \(message)")
    }

    /// The value, or nil for NULL.
    func optional(_ column: String) -> String? {
        guard let i = columns[column] else { preconditionFailure("catalog query '\(query.rawValue)' has no column '\(column)'") }
        return values[i]
    }

    func text(_ column: String) throws -> String {
        guard let value = optional(column) else { throw error(column, "is NULL") }
        return value
    }

    func int(_ column: String) throws -> Int {
        let value = try text(column)
        guard let n = Int(value.trimmingSpaces) else { throw error(column, "'\(value)' is not an integer") }
        return n
    }

    func optionalInt(_ column: String) throws -> Int? {
        optional(column) == nil ? nil : try int(column)
    }

    func bool(_ column: String) throws -> Bool {
        let value = try text(column)
        switch value.trimmingSpaces.lowercased() {
        case "1", "true": return true
        case "0", "false": return false
        default: throw error(column, "'\(value)' is not a bit")
        }
    }
}
