import OEEModel

/// How much of the model is described: every table and every column counts
/// once; a description that is missing or blank does not count.
public struct DocCoverage: Hashable, Sendable {
    public var tableCount: Int
    public var columnCount: Int
    /// Qualified names of tables without a description (`ref.site`), in declaration order.
    public var undescribedTables: [String]
    /// Columns without a description (`ref.site.code`), in declaration order.
    public var undescribedColumns: [String]

    public init(_ database: Database) {
        tableCount = 0
        columnCount = 0
        undescribedTables = []
        undescribedColumns = []
        for (name, table) in database.allTables {
            tableCount += 1
            if DocCoverage.isBlank(table.description) { undescribedTables.append(name.description) }
            for column in table.columns {
                columnCount += 1
                if DocCoverage.isBlank(column.description) { undescribedColumns.append("\(name).\(column.name)") }
            }
        }
    }

    public var describedTables: Int { tableCount - undescribedTables.count }
    public var describedColumns: Int { columnCount - undescribedColumns.count }
    public var isComplete: Bool { undescribedTables.isEmpty && undescribedColumns.isEmpty }

    /// `100 %`, or the share of described tables and columns rounded down to
    /// a tenth (`97.3 %`), so an incomplete model never reads 100 %.
    public var percentText: String {
        let total = tableCount + columnCount
        if isComplete || total == 0 { return "100 %" }
        let permille = (describedTables + describedColumns) * 1000 / total
        return "\(permille / 10).\(permille % 10) %"
    }

    /// `100 % (30/30 tables, 412/412 columns described)`.
    public var summary: String {
        "\(percentText) (\(describedTables)/\(tableCount) tables, \(describedColumns)/\(columnCount) columns described)"
    }

    static func isBlank(_ text: String?) -> Bool {
        (text ?? "").allSatisfy(\.isWhitespace)
    }
}
