import OEEModel

/// The catalog queries that read a PostgreSQL database: eight queries,
/// whatever the number of tables, sent as one batch (one round trip). With
/// `tables`, the same eight read only those tables and their schemas — the
/// migration post-check's read, which compares tables alone: partitions,
/// functions and policies come back empty (`AND false`, planned as nothing).
///
/// Names come back as names, never spliced into text: lists of names as JSON
/// arrays (`json_agg`), a referenced table as schema and name apart, so a name
/// holding `,`, `.`, `"` or `'` reads back as itself.
///
/// Per-row work is what costs at 2,000 tables: descriptions come from one
/// join on `pg_description` (its unique key: object, catalog, sub-id — the
/// rows `obj_description`/`col_description` read, one lookup per call), and
/// `pg_get_constraintdef` deparses only checks (the one kind whose text is read),
/// key column names are looked up one by one by index, only for the
/// constraints whose columns are read (keys; referenced ones for foreign keys),
/// an identity column's sequence is found by index (`pg_depend` by
/// referenced object), not by scanning every dependency, and columns come
/// unsorted (the builder orders them).
enum CatalogSQL {
    /// `nspname NOT IN (…)` for system and excluded schemas.
    static func schemaFilter(_ column: String, excluding: [String]) -> String {
        let names = (["information_schema", "public"] + excluding).map { "'\($0.replacingOccurrences(of: "'", with: "''"))'" }.joined(separator: ", ")
        return "\(column) NOT IN (\(names)) AND \(column) NOT LIKE 'pg\\_%'"
    }

    /// Which tables the queries read.
    enum Restriction {
        /// The whole database (drift, import).
        case none
        /// These tables, named in the text.
        case tables([QualifiedName])
        /// The tables named by the parameters `$1` (schemas) and `$2` (names),
        /// two `text[]` of equal length: the text of a statement prepared once
        /// per session (``PostgreSQLDialect/preparedCatalogRead(excluding:prefix:)``).
        case parameters
    }

    /// `AND (schema, table) IN ((…), …)`, or nothing when every table is read.
    static func tableFilter(_ schema: String, _ table: String, _ tables: [QualifiedName]?) -> String {
        tableFilter(schema, table, tables.map(Restriction.tables) ?? .none)
    }

    static func tableFilter(_ schema: String, _ table: String, _ restriction: Restriction) -> String {
        switch restriction {
        case .none: return ""
        case .tables(let tables) where tables.isEmpty: return " AND false"
        case .tables(let tables):
            return " AND (\(schema), \(table)) IN (" + tables.map { "(\(PGSQL.string($0.schema)), \(PGSQL.string($0.name)))" }.joined(separator: ", ") + ")"
        case .parameters:
            return " AND (\(schema), \(table)) IN (SELECT u.s, u.t FROM unnest($1::text[], $2::text[]) AS u(s, t))"
        }
    }

    /// A column of an identity column's sequence, looked up (by index on
    /// `pg_depend`'s referenced object) only for identity columns.
    static func identity(_ column: String) -> String {
        "CASE WHEN a.attidentity <> '' THEN (SELECT sq.\(column) FROM pg_catalog.pg_depend AS dep JOIN pg_catalog.pg_sequence AS sq ON sq.seqrelid = dep.objid"
            + " WHERE dep.refclassid = 'pg_catalog.pg_class'::regclass AND dep.refobjid = c.oid AND dep.refobjsubid = a.attnum"
            + " AND dep.classid = 'pg_catalog.pg_class'::regclass AND dep.deptype = 'i') END"
    }

    static func queries(excluding: [String], tables: [QualifiedName]? = nil) -> [(String, String)] {
        queries(excluding: excluding, restriction: tables.map(Restriction.tables) ?? .none)
    }

    static func queries(excluding: [String], restriction: Restriction) -> [(String, String)] {
        let ns = schemaFilter("n.nspname", excluding: excluding)
        let onlyTables = tableFilter("n.nspname", "c.relname", restriction)
        let onlySchemas: String
        let restricted: Bool
        switch restriction {
        case .none: (onlySchemas, restricted) = ("", false)
        case .tables(let t) where t.isEmpty: (onlySchemas, restricted) = (" AND false", true)
        case .tables(let t): (onlySchemas, restricted) = (" AND n.nspname IN (" + Set(t.map(\.schema)).sorted().map(PGSQL.string).joined(separator: ", ") + ")", true)
        case .parameters: (onlySchemas, restricted) = (" AND n.nspname = ANY ($1::text[])", true)
        }
        let nothingWhenRestricted = restricted ? " AND false" : ""
        return [
            ("schemas", """
                SELECT n.nspname, obj_description(n.oid, 'pg_namespace')
                FROM pg_catalog.pg_namespace AS n
                WHERE \(ns)\(onlySchemas)
                ORDER BY n.nspname;
                """),
            ("tables", """
                SELECT n.nspname, c.relname, ds.description,
                       CASE WHEN c.relrowsecurity THEN 1 ELSE 0 END,
                       (SELECT a.attname FROM pg_catalog.pg_partitioned_table AS pt
                        JOIN pg_catalog.pg_attribute AS a ON a.attrelid = pt.partrelid AND a.attnum = pt.partattrs[0]
                        WHERE pt.partrelid = c.oid)
                FROM pg_catalog.pg_class AS c
                JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
                LEFT JOIN pg_catalog.pg_description AS ds ON ds.objoid = c.oid AND ds.classoid = 'pg_catalog.pg_class'::regclass AND ds.objsubid = 0
                WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND \(ns)\(onlyTables)
                ORDER BY n.nspname, c.relname;
                """),
            // No ORDER BY: sorting 20,000 wide rows spilled to disk; the
            // builder orders each table's columns by attnum (the last value).
            ("columns", """
                SELECT n.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod),
                       CASE WHEN a.attnotnull THEN 1 ELSE 0 END, a.attidentity, \(identity("seqstart")), \(identity("seqincrement")),
                       pg_get_expr(d.adbin, d.adrelid), a.attgenerated, ds.description, a.attnum
                FROM pg_catalog.pg_class AS c
                JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
                JOIN pg_catalog.pg_attribute AS a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                LEFT JOIN pg_catalog.pg_attrdef AS d ON d.adrelid = c.oid AND d.adnum = a.attnum
                LEFT JOIN pg_catalog.pg_description AS ds ON ds.objoid = c.oid AND ds.classoid = 'pg_catalog.pg_class'::regclass AND ds.objsubid = a.attnum
                WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND \(ns)\(onlyTables);
                """),
            ("constraints", """
                SELECT n.nspname, c.relname, co.conname, co.contype,
                       CASE WHEN co.contype <> 'c' THEN (SELECT json_agg((SELECT a.attname FROM pg_catalog.pg_attribute AS a
                                                          WHERE a.attrelid = co.conrelid AND a.attnum = k.attnum) ORDER BY k.ord)
                                                         FROM unnest(co.conkey) WITH ORDINALITY AS k(attnum, ord)) END,
                       rn.nspname,
                       CASE WHEN co.contype = 'f' THEN (SELECT json_agg((SELECT a.attname FROM pg_catalog.pg_attribute AS a
                                                         WHERE a.attrelid = co.confrelid AND a.attnum = k.attnum) ORDER BY k.ord)
                                                        FROM unnest(co.confkey) WITH ORDINALITY AS k(attnum, ord)) END,
                       co.confdeltype, co.confupdtype, CASE WHEN co.contype = 'c' THEN pg_get_constraintdef(co.oid) END, ds.description, rc.relname
                FROM pg_catalog.pg_constraint AS co
                JOIN pg_catalog.pg_class AS c ON c.oid = co.conrelid
                JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
                LEFT JOIN pg_catalog.pg_class AS rc ON rc.oid = co.confrelid
                LEFT JOIN pg_catalog.pg_namespace AS rn ON rn.oid = rc.relnamespace
                LEFT JOIN pg_catalog.pg_description AS ds ON ds.objoid = co.oid AND ds.classoid = 'pg_catalog.pg_constraint'::regclass AND ds.objsubid = 0
                WHERE co.contype IN ('p', 'u', 'f', 'c') AND co.conparentid = 0 AND NOT c.relispartition AND \(ns)\(onlyTables)
                ORDER BY n.nspname, c.relname, co.conname;
                """),
            ("indexes", """
                SELECT n.nspname, c.relname, ic.relname, CASE WHEN i.indisunique THEN 1 ELSE 0 END, i.indnkeyatts,
                       (SELECT json_agg(json_build_array((SELECT a.attname FROM pg_catalog.pg_attribute AS a WHERE a.attrelid = i.indrelid AND a.attnum = k.attnum),
                                                         (i.indoption[k.ord - 1] & 1) = 1) ORDER BY k.ord)
                        FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)),
                       pg_get_expr(i.indpred, i.indrelid), ds.description
                FROM pg_catalog.pg_index AS i
                JOIN pg_catalog.pg_class AS c ON c.oid = i.indrelid
                JOIN pg_catalog.pg_class AS ic ON ic.oid = i.indexrelid
                JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
                LEFT JOIN pg_catalog.pg_description AS ds ON ds.objoid = ic.oid AND ds.classoid = 'pg_catalog.pg_class'::regclass AND ds.objsubid = 0
                WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND \(ns)\(onlyTables)
                  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint AS k WHERE k.conindid = i.indexrelid AND k.conrelid = c.oid AND k.contype IN ('p', 'u'))
                ORDER BY n.nspname, c.relname, ic.relname;
                """),
            ("partitions", """
                SELECT pn.nspname, p.relname, c.relname, pg_get_expr(c.relpartbound, c.oid)
                FROM pg_catalog.pg_inherits AS inh
                JOIN pg_catalog.pg_class AS c ON c.oid = inh.inhrelid
                JOIN pg_catalog.pg_class AS p ON p.oid = inh.inhparent
                JOIN pg_catalog.pg_namespace AS pn ON pn.oid = p.relnamespace
                WHERE c.relispartition AND p.relkind = 'p' AND \(schemaFilter("pn.nspname", excluding: excluding))\(nothingWhenRestricted)
                ORDER BY pn.nspname, p.relname, c.relname;
                """),
            ("functions", """
                SELECT n.nspname, p.proname,
                       (SELECT json_agg(json_build_array(p.proargnames[u.o], format_type(u.t, NULL)) ORDER BY u.o)
                        FROM unnest(p.proargtypes::oid[]) WITH ORDINALITY AS u(t, o)),
                       p.prosrc, obj_description(p.oid, 'pg_proc')
                FROM pg_catalog.pg_proc AS p
                JOIN pg_catalog.pg_namespace AS n ON n.oid = p.pronamespace
                WHERE p.prokind = 'f' AND \(ns)\(nothingWhenRestricted)
                ORDER BY n.nspname, p.proname;
                """),
            ("policies", """
                SELECT n.nspname, c.relname, pol.polname, pg_get_expr(pol.polqual, pol.polrelid), pg_get_expr(pol.polwithcheck, pol.polrelid)
                FROM pg_catalog.pg_policy AS pol
                JOIN pg_catalog.pg_class AS c ON c.oid = pol.polrelid
                JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
                WHERE \(ns)\(nothingWhenRestricted)
                ORDER BY n.nspname, c.relname, pol.polname;
                """),
        ]
    }
}
