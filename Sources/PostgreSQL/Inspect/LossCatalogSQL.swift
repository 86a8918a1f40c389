import OEEDiff
import OEEModel

/// The catalog queries for what the model cannot hold, for `oeedb import`'s
/// loss report: every row is `(schema, object, detail)`, the query name is
/// the kind of loss. Same names as the SQL Server dialect's.
///
/// - `views`: views and materialized views;
/// - `routines`: functions and procedures other than the model's predicate
///   functions (`LANGUAGE sql RETURNS boolean`), extension members left out;
/// - `triggers`: user triggers (`tgisinternal` ones back foreign keys);
/// - `sequences`: sequences not owned by an identity column;
/// - `grants`: privileges on tables, views, sequences, schemas and routines
///   granted to anyone but the owner;
/// - `options`: what the model has no field for on objects it does hold —
///   column collations, storage parameters (fillfactor), unlogged tables,
///   column types outside the model's, index methods other than btree,
///   expression keys, exclusion / deferrable / NOT VALID constraints,
///   inheritance, partitioning other than single-column RANGE, policies not
///   in oeedb's naming;
/// - `other_objects`: user-defined types, domains and enums.
enum LossCatalogSQL {
    static let names = ["views", "routines", "triggers", "sequences", "grants", "options", "other_objects"]

    /// The types the model reads back as themselves (``PostgreSQLDialect/modelType(fromCatalog:)``).
    static let modelTypes = #"^(smallint|integer|bigint|boolean|numeric\([0-9]+,[0-9]+\)|double precision|real|date|timestamp(\([0-9]\))? with(out)? time zone|time(\([0-9]\))? without time zone|character varying\([0-9]+\)|text|character\([0-9]+\)|bytea|uuid)$"#

    static func queries(excluding: [String]) -> [CatalogQuery] {
        let ns = CatalogSQL.schemaFilter("n.nspname", excluding: excluding)
        let notExtension = "NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend AS x WHERE x.objid = %@ AND x.deptype = 'e')"
        func ext(_ oid: String) -> String { notExtension.replacingOccurrences(of: "%@", with: oid) }
        let sql: [String: String] = [
            "views": """
                SELECT n.nspname, c.relname, CASE c.relkind WHEN 'm' THEN 'materialized view' ELSE 'view' END || ': ' || pg_get_viewdef(c.oid, true)
                FROM pg_catalog.pg_class AS c
                JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
                WHERE c.relkind IN ('v', 'm') AND \(ns) AND \(ext("c.oid"))
                ORDER BY 1, 2;
                """,
            "routines": """
                SELECT n.nspname, p.proname,
                       CASE p.prokind WHEN 'p' THEN 'procedure' WHEN 'a' THEN 'aggregate' WHEN 'w' THEN 'window function' ELSE 'function' END
                       || ' ' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ') in ' || l.lanname
                       || CASE WHEN p.prokind = 'p' THEN '' ELSE ' returning ' || format_type(p.prorettype, NULL) END
                FROM pg_catalog.pg_proc AS p
                JOIN pg_catalog.pg_namespace AS n ON n.oid = p.pronamespace
                JOIN pg_catalog.pg_language AS l ON l.oid = p.prolang
                WHERE \(ns) AND \(ext("p.oid"))
                  AND NOT (p.prokind = 'f' AND l.lanname = 'sql' AND p.prorettype = 'pg_catalog.bool'::regtype AND NOT p.proretset)
                ORDER BY 1, 2, 3;
                """,
            "triggers": """
                SELECT n.nspname, c.relname || '.' || t.tgname, pg_get_triggerdef(t.oid)
                FROM pg_catalog.pg_trigger AS t
                JOIN pg_catalog.pg_class AS c ON c.oid = t.tgrelid
                JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
                WHERE NOT t.tgisinternal AND \(ns)
                ORDER BY 1, 2;
                """,
            "sequences": """
                SELECT n.nspname, c.relname,
                       'sequence ' || format_type(s.seqtypid, NULL) || ' start ' || s.seqstart || ' increment ' || s.seqincrement
                       || COALESCE(' owned by ' || oc.relname || '.' || a.attname, '')
                FROM pg_catalog.pg_class AS c
                JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
                JOIN pg_catalog.pg_sequence AS s ON s.seqrelid = c.oid
                LEFT JOIN pg_catalog.pg_depend AS d ON d.objid = c.oid AND d.classid = 'pg_catalog.pg_class'::regclass
                     AND d.refclassid = 'pg_catalog.pg_class'::regclass AND d.deptype = 'a'
                LEFT JOIN pg_catalog.pg_class AS oc ON oc.oid = d.refobjid
                LEFT JOIN pg_catalog.pg_attribute AS a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
                WHERE c.relkind = 'S' AND \(ns) AND \(ext("c.oid"))
                  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend AS i WHERE i.objid = c.oid AND i.deptype = 'i')
                ORDER BY 1, 2;
                """,
            "grants": """
                SELECT g.nspname, g.object, g.detail FROM (
                    SELECT n.nspname, c.relname AS object,
                           'GRANT ' || string_agg(a.privilege_type, ', ' ORDER BY a.privilege_type) || ' TO '
                           || CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(a.grantee) END AS detail
                    FROM pg_catalog.pg_class AS c
                    JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
                    CROSS JOIN LATERAL aclexplode(c.relacl) AS a
                    WHERE c.relacl IS NOT NULL AND a.grantee <> c.relowner AND c.relkind IN ('r', 'p', 'v', 'm', 'S') AND NOT c.relispartition AND \(ns)
                    GROUP BY n.nspname, c.relname, a.grantee
                    UNION ALL
                    SELECT n.nspname, '' AS object,
                           'GRANT ' || string_agg(a.privilege_type, ', ' ORDER BY a.privilege_type) || ' ON SCHEMA TO '
                           || CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(a.grantee) END
                    FROM pg_catalog.pg_namespace AS n
                    CROSS JOIN LATERAL aclexplode(n.nspacl) AS a
                    WHERE n.nspacl IS NOT NULL AND a.grantee <> n.nspowner AND \(ns)
                    GROUP BY n.nspname, a.grantee
                    UNION ALL
                    SELECT n.nspname, p.proname,
                           'GRANT ' || string_agg(a.privilege_type, ', ' ORDER BY a.privilege_type) || ' TO '
                           || CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(a.grantee) END
                    FROM pg_catalog.pg_proc AS p
                    JOIN pg_catalog.pg_namespace AS n ON n.oid = p.pronamespace
                    CROSS JOIN LATERAL aclexplode(p.proacl) AS a
                    WHERE p.proacl IS NOT NULL AND a.grantee <> p.proowner AND \(ns)
                    GROUP BY n.nspname, p.proname, a.grantee
                ) AS g
                ORDER BY 1, 2, 3;
                """,
            "options": """
                SELECT o.nspname, o.object, o.detail FROM (
                    SELECT n.nspname, c.relname || '.' || a.attname AS object, 'column collation ' || quote_ident(co.collname) AS detail
                    FROM pg_catalog.pg_attribute AS a
                    JOIN pg_catalog.pg_class AS c ON c.oid = a.attrelid
                    JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
                    JOIN pg_catalog.pg_type AS ty ON ty.oid = a.atttypid
                    JOIN pg_catalog.pg_collation AS co ON co.oid = a.attcollation
                    WHERE a.attnum > 0 AND NOT a.attisdropped AND a.attcollation <> ty.typcollation
                      AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND \(ns)
                    UNION ALL
                    SELECT n.nspname, c.relname || '.' || a.attname, 'column type ' || format_type(a.atttypid, a.atttypmod) || ' (the model has no such type)'
                    FROM pg_catalog.pg_attribute AS a
                    JOIN pg_catalog.pg_class AS c ON c.oid = a.attrelid
                    JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
                    WHERE a.attnum > 0 AND NOT a.attisdropped AND format_type(a.atttypid, a.atttypmod) !~ \(PGSQL.string(modelTypes))
                      AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND \(ns)
                    UNION ALL
                    SELECT n.nspname, c.relname, 'storage parameters ' || array_to_string(c.reloptions, ', ')
                    FROM pg_catalog.pg_class AS c
                    JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
                    WHERE c.reloptions IS NOT NULL AND c.relkind IN ('r', 'p', 'i', 'I') AND \(ns)
                    UNION ALL
                    SELECT n.nspname, c.relname, 'unlogged table'
                    FROM pg_catalog.pg_class AS c
                    JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
                    WHERE c.relpersistence = 'u' AND c.relkind IN ('r', 'p') AND \(ns)
                    UNION ALL
                    SELECT n.nspname, c.relname || '.' || ic.relname, 'index ' || pg_get_indexdef(i.indexrelid)
                    FROM pg_catalog.pg_index AS i
                    JOIN pg_catalog.pg_class AS c ON c.oid = i.indrelid
                    JOIN pg_catalog.pg_class AS ic ON ic.oid = i.indexrelid
                    JOIN pg_catalog.pg_am AS am ON am.oid = ic.relam
                    JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
                    WHERE (am.amname <> 'btree' OR i.indexprs IS NOT NULL OR 0 = ANY (i.indkey::int2[]))
                      AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND \(ns)
                    UNION ALL
                    SELECT n.nspname, c.relname || '.' || co.conname,
                           CASE WHEN co.contype = 'x' THEN 'exclusion constraint '
                                WHEN NOT co.convalidated THEN 'NOT VALID constraint '
                                ELSE 'deferrable constraint ' END || pg_get_constraintdef(co.oid)
                    FROM pg_catalog.pg_constraint AS co
                    JOIN pg_catalog.pg_class AS c ON c.oid = co.conrelid
                    JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
                    WHERE (co.contype = 'x' OR co.condeferrable OR NOT co.convalidated) AND co.conparentid = 0 AND NOT c.relispartition AND \(ns)
                    UNION ALL
                    SELECT n.nspname, c.relname, 'inherits from ' || pn.nspname || '.' || p.relname
                    FROM pg_catalog.pg_inherits AS inh
                    JOIN pg_catalog.pg_class AS c ON c.oid = inh.inhrelid
                    JOIN pg_catalog.pg_class AS p ON p.oid = inh.inhparent
                    JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
                    JOIN pg_catalog.pg_namespace AS pn ON pn.oid = p.relnamespace
                    WHERE NOT c.relispartition AND \(ns)
                    UNION ALL
                    SELECT n.nspname, c.relname, 'partitioned ' || pg_get_partkeydef(c.oid) || ' (the model partitions by RANGE on one column)'
                    FROM pg_catalog.pg_partitioned_table AS pt
                    JOIN pg_catalog.pg_class AS c ON c.oid = pt.partrelid
                    JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
                    WHERE (pt.partstrat <> 'r' OR pt.partnatts <> 1 OR pt.partattrs[0] = 0) AND \(ns)
                    UNION ALL
                    SELECT n.nspname, c.relname || '.' || pol.polname, 'row-level security policy not written by oeedb: ' || COALESCE(pg_get_expr(pol.polqual, pol.polrelid), pg_get_expr(pol.polwithcheck, pol.polrelid), '')
                    FROM pg_catalog.pg_policy AS pol
                    JOIN pg_catalog.pg_class AS c ON c.oid = pol.polrelid
                    JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
                    WHERE pol.polname !~ '_(filter|block_insert|block_update|block_before_update|block_delete)$' AND \(ns)
                ) AS o
                ORDER BY 1, 2, 3;
                """,
            "other_objects": """
                SELECT n.nspname, t.typname,
                       CASE t.typtype WHEN 'd' THEN 'domain over ' || format_type(t.typbasetype, t.typtypmod)
                                      WHEN 'e' THEN 'enum type' WHEN 'r' THEN 'range type' WHEN 'm' THEN 'multirange type' ELSE 'composite type' END
                FROM pg_catalog.pg_type AS t
                JOIN pg_catalog.pg_namespace AS n ON n.oid = t.typnamespace
                WHERE (t.typtype IN ('d', 'e', 'r', 'm') OR (t.typtype = 'c' AND (SELECT c.relkind FROM pg_catalog.pg_class AS c WHERE c.oid = t.typrelid) = 'c'))
                  AND \(ns) AND \(ext("t.oid"))
                ORDER BY 1, 2;
                """,
        ]
        return names.map { CatalogQuery($0, sql[$0]!) }
    }
}
