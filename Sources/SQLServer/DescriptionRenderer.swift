import OEEDiff
import OEEModel

/// Descriptions as `MS_Description` extended properties.
///
///     EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Site code',
///         @level0type = N'SCHEMA', @level0name = N'ref', @level1type = N'TABLE', @level1name = N'site',
///         @level2type = N'COLUMN', @level2name = N'code';
///
/// (one line per statement in the output). Updating uses
/// `sp_updateextendedproperty`, removing `sp_dropextendedproperty` without `@value`.
///
/// A description holding a line break is built in a variable first, its line
/// breaks written as `NCHAR(13)`, `NCHAR(10)`, … between literals, so that no
/// line of the script holds a line of the text: a line reading `GO` in a
/// description can never be taken for a batch separator (EXEC parameters must
/// be constants or variables, not expressions, hence the variable):
///
///     DECLARE @description nvarchar(4000) = N'First' + NCHAR(10) + N'GO';
///     EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = @description, …;
///
/// (nvarchar(4000), not max: `@value` is sql_variant, which holds no max type.)
/// Such a statement declares a variable, so it must be alone in its batch
/// (``needsOwnBatch(_:)``). Descriptions without a line break keep the one-line
/// form above, so scripts rendered before this rule are unchanged.
enum DescriptionRenderer {
    static let variable = "@description"

    /// Whether a rendered statement declares ``variable`` (and so must not share its batch).
    static func needsOwnBatch(_ statement: String) -> Bool {
        statement.hasPrefix("DECLARE \(variable) ")
    }

    /// Scalars that end a line for some batch splitter (sqlcmd, SSMS, sqlfluff, editors).
    static func isLineBreak(_ u: Unicode.Scalar) -> Bool {
        ["\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}"].contains(u)
    }

    /// `text` as one T-SQL expression on one line: literals joined with `NCHAR(n)` for each line break.
    static func expression(_ text: String) -> String {
        var parts: [String] = []
        var piece = ""
        for u in text.unicodeScalars {
            if isLineBreak(u) {
                if !piece.isEmpty { parts.append(TSQL.nstring(piece)); piece = "" }
                parts.append("NCHAR(\(u.value))")
            } else {
                piece.unicodeScalars.append(u)
            }
        }
        if !piece.isEmpty || parts.isEmpty { parts.append(TSQL.nstring(piece)) }
        return parts.joined(separator: " + ")
    }

    static func render(_ target: DescriptionTarget, from: String?, to: String?) throws -> String {
        let procedure: String
        switch (from, to) {
        case (nil, nil): throw RenderError(path(target), "setDescription changes nothing (from and to are both nil)")
        case (nil, _?): procedure = "sys.sp_addextendedproperty"
        case (_?, _?): procedure = "sys.sp_updateextendedproperty"
        case (_?, nil): procedure = "sys.sp_dropextendedproperty"
        }
        var arguments = ["@name = N'MS_Description'"]
        var declaration = ""
        if let to {
            if to.unicodeScalars.contains(where: isLineBreak) {
                declaration = "DECLARE \(variable) nvarchar(4000) = \(expression(to));\n"
                arguments.append("@value = \(variable)")
            } else {
                arguments.append("@value = \(TSQL.nstring(to))")
            }
        }
        for (i, level) in levels(target).enumerated() {
            arguments.append("@level\(i)type = \(TSQL.nstring(level.type))")
            arguments.append("@level\(i)name = \(TSQL.nstring(level.name))")
        }
        return declaration + "EXEC \(procedure) \(arguments.joined(separator: ", "));"
    }

    /// The object's level0/1/2 type and name, as the extended-property procedures want them.
    static func levels(_ target: DescriptionTarget) -> [(type: String, name: String)] {
        switch target {
        case .schema(let s): return [("SCHEMA", s)]
        case .table(let q): return [("SCHEMA", q.schema), ("TABLE", q.name)]
        case .column(let q, let c): return [("SCHEMA", q.schema), ("TABLE", q.name), ("COLUMN", c)]
        case .index(let q, let i): return [("SCHEMA", q.schema), ("TABLE", q.name), ("INDEX", i)]
        case .constraint(let q, let c): return [("SCHEMA", q.schema), ("TABLE", q.name), ("CONSTRAINT", c)]
        case .function(let q): return [("SCHEMA", q.schema), ("FUNCTION", q.name)]
        case .partitionFunction(let f): return [("PARTITION FUNCTION", f)]
        case .partitionScheme(let s): return [("PARTITION SCHEME", s)]
        }
    }

    /// The object whose descriptions may share a batch: a table with its
    /// columns, indexes and constraints; any other object alone.
    static func owner(_ target: DescriptionTarget) -> String {
        switch target {
        case .schema(let s): return "schema \(s)"
        case .table(let q), .column(let q, _), .index(let q, _), .constraint(let q, _): return "table \(q)"
        case .function(let q): return "function \(q)"
        case .partitionFunction(let f): return "partition function \(f)"
        case .partitionScheme(let s): return "partition scheme \(s)"
        }
    }

    static func path(_ target: DescriptionTarget) -> String {
        switch target {
        case .schema(let s): return s
        case .table(let q), .function(let q): return q.description
        case .column(let q, let c), .index(let q, let c), .constraint(let q, let c): return "\(q).\(c)"
        case .partitionFunction(let f): return "partition function \(f)"
        case .partitionScheme(let s): return "partition scheme \(s)"
        }
    }
}
