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
enum DescriptionRenderer {
    static func render(_ target: DescriptionTarget, from: String?, to: String?) throws -> String {
        let procedure: String
        switch (from, to) {
        case (nil, nil): throw RenderError(path(target), "setDescription changes nothing (from and to are both nil)")
        case (nil, _?): procedure = "sys.sp_addextendedproperty"
        case (_?, _?): procedure = "sys.sp_updateextendedproperty"
        case (_?, nil): procedure = "sys.sp_dropextendedproperty"
        }
        var arguments = ["@name = N'MS_Description'"]
        if let to {
            try TSQL.checkNoSeparatorLine(to, path: path(target), what: "description")
            arguments.append("@value = \(TSQL.nstring(to))")
        }
        for (i, level) in levels(target).enumerated() {
            arguments.append("@level\(i)type = \(TSQL.nstring(level.type))")
            arguments.append("@level\(i)name = \(TSQL.nstring(level.name))")
        }
        return "EXEC \(procedure) \(arguments.joined(separator: ", "));"
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
