import OEEDiff
import OEEModel

/// Partition functions and schemes. Boundaries change only by SPLIT and MERGE,
/// never by rebuilding the function.
///
///     CREATE PARTITION FUNCTION [pf_day](datetime2(3)) AS RANGE RIGHT FOR VALUES (
///         '2026-10-01T00:00:00',
///         '2026-10-02T00:00:00'
///     );
///     CREATE PARTITION SCHEME [ps_day] AS PARTITION [pf_day] ALL TO ([PRIMARY]);
///     ALTER PARTITION SCHEME [ps_day] NEXT USED [PRIMARY];
///     ALTER PARTITION FUNCTION [pf_day]() SPLIT RANGE ('2026-10-03T00:00:00');
enum PartitionRenderer {
    static func createFunction(_ pf: PartitionFunction) throws -> String {
        let path = "partition function \(pf.name)"
        let values = pf.boundaryValues
        guard !values.isEmpty else {
            throw RenderError(path, "has no boundary values (a window that does not parse, or an empty list); give it at least one boundary")
        }
        let type = try TypeRenderer.render(pf.inputType, path: path)
        let literals = try values.map { try boundary($0, path: path) }
        return "CREATE PARTITION FUNCTION \(TSQL.quote(pf.name))(\(type)) AS RANGE \(pf.range.rawValue) FOR VALUES (\n"
            + literals.map { "    " + $0 }.joined(separator: ",\n")
            + "\n);"
    }

    /// `DROP PARTITION FUNCTION [pf];` (valid T-SQL; sqlfluff 4 rejects it, so the gate waives it).
    static func dropFunction(_ pf: PartitionFunction) -> String {
        "DROP PARTITION FUNCTION \(TSQL.quote(pf.name));"
    }

    /// `ALL TO ([fg])` for one filegroup, `TO ([a], [b], …)` for several.
    static func createScheme(_ ps: PartitionScheme) throws -> String {
        let path = "partition scheme \(ps.name)"
        guard !ps.filegroups.isEmpty else { throw RenderError(path, "maps to no filegroup; give it at least one (PRIMARY)") }
        let head = "CREATE PARTITION SCHEME \(TSQL.quote(ps.name)) AS PARTITION \(TSQL.quote(ps.function))"
        if ps.filegroups.count == 1 {
            return head + " ALL TO (\(TSQL.quote(ps.filegroups[0])));"
        }
        return head + " TO (\(TSQL.columnList(ps.filegroups)));"
    }

    /// `DROP PARTITION SCHEME [ps];` (valid T-SQL; sqlfluff 4 rejects it, so the gate waives it).
    static func dropScheme(_ ps: PartitionScheme) -> String {
        "DROP PARTITION SCHEME \(TSQL.quote(ps.name));"
    }

    /// NEXT USED on every scheme of the function, then SPLIT RANGE. The
    /// filegroup of a scheme is its only one (`ALL TO`) or, for a list, the
    /// last one — where the new partition of a window moving forward lands.
    static func split(function: String, schemes: [String], boundary value: Literal, plan: MigrationPlan) throws -> String {
        let path = "partition function \(function)"
        var statements: [String] = []
        for scheme in schemes {
            guard let ps = plan.to.partitionScheme(named: scheme) ?? plan.from.partitionScheme(named: scheme),
                  let filegroup = ps.filegroups.last else {
                throw RenderError("partition scheme \(scheme)", "is not in the plan's models, so its NEXT USED filegroup is unknown; declare the scheme")
            }
            statements.append("ALTER PARTITION SCHEME \(TSQL.quote(scheme)) NEXT USED \(TSQL.quote(filegroup));")
        }
        statements.append("ALTER PARTITION FUNCTION \(TSQL.quote(function))() SPLIT RANGE (\(try boundary(value, path: path)));")
        return statements.joined(separator: "\n")
    }

    /// `ALTER PARTITION FUNCTION [pf]() MERGE RANGE ('…');`.
    static func merge(function: String, boundary value: Literal) throws -> String {
        "ALTER PARTITION FUNCTION \(TSQL.quote(function))() MERGE RANGE (\(try boundary(value, path: "partition function \(function)")));"
    }

    private static func boundary(_ value: Literal, path: String) throws -> String {
        if case .null = value { throw RenderError(path, "has a NULL boundary; boundaries must be constants") }
        return try ExpressionRenderer.literal(value, path: path)
    }
}
