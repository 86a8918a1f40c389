import OEEDSL

extension OEESchema {
    /// `sec`: application users, their site grants, and the row-level-security
    /// objects that confine a session to its site.
    ///
    /// The application reads `sec.user_site` for the signed-in principal, then
    /// sets `SESSION_CONTEXT(N'site_id')` (and `N'is_global'` for global users);
    /// `sec.site_policy` filters and blocks rows of every site-scoped table by it.
    static var sec: Schema {
        Schema("sec", "Security: application users, their site grants and the row-level-security function and policy that confine a session to its site") {
            secTables
            InlineFunction(
                "fn_site_filter", parameters: [.init("site_id", .smallint)], returns: "fn_result",
                where: param("site_id").equals(Expression.sessionContext("site_id").cast(as: .smallint))
                    || Expression.sessionContext("is_global").cast(as: .bit).equals(true),
                "RLS predicate (schema-bound inline TVF): a row is visible and writable when its site_id equals SESSION_CONTEXT site_id or the session is global")
            SecurityPolicy(
                "site_policy",
                "Site isolation, STATE = ON: filter plus AFTER INSERT / AFTER UPDATE block predicates on every table with site_id smallint NOT NULL, except sec.user_site"
            ) {
                for table in siteScopedTables {
                    SecurityPredicate.filter("sec.fn_site_filter", "site_id", on: table)
                    SecurityPredicate.block(.blockAfterInsert, "sec.fn_site_filter", "site_id", on: table)
                    SecurityPredicate.block(.blockAfterUpdate, "sec.fn_site_filter", "site_id", on: table)
                }
            }
            // Migration pre- and post-checks run as a global session, so they see every site's rows.
            .maintenanceSession("is_global", "1")
        }
    }

    static var secTables: [Table] { [appUser, userSite] }

    static var appUser: Table {
        Table("app_user", "Application user (Entra ID / SQL principal) known to the OEE application") {
            Column("user_id", .int, "Surrogate key of the user").identity()
            Column("principal", .nvarchar(256), "Login principal (UPN, e.g. jane@corp.example, or SQL login name), unique")
            Column("is_global", .bit, "1 if the user sees every site (the app then sets SESSION_CONTEXT is_global = 1); 0 = only granted sites")
                .default("df_app_user_is_global", false)
            Column("expires_utc", .datetime2(0), "UTC time after which the user's access lapses; NULL = does not expire")
                .nullable()
            PrimaryKey("pk_app_user", "user_id")
            Unique("uq_app_user_principal", "principal")
        }
    }

    static var userSite: Table {
        Table("user_site", "Site grants of a user; read before SESSION_CONTEXT is set, so deliberately not under the site policy") {
            Column("user_id", .int, "User holding the grant")
            Column("site_id", .smallint, "Site the user may work in")
            Column("role", .varchar(16), "Role at that site: VIEWER, OPERATOR, SUPERVISOR, ENGINEER or ADMIN")
                .default("df_user_site_role", "VIEWER")
            PrimaryKey("pk_user_site", "user_id", "site_id")
            ForeignKey("fk_user_site_app_user", "user_id", references: "sec.app_user")
            ForeignKey("fk_user_site_site", "site_id", references: "ref.site")
            Check("ck_user_site_role", col("role").in(["VIEWER", "OPERATOR", "SUPERVISOR", "ENGINEER", "ADMIN"]))
        }
    }

    /// Tables deliberately left outside the site policy although they carry
    /// `site_id smallint NOT NULL`.
    static let siteScopeExemptions: Set<String> = ["sec.user_site"]

    /// Every table (qualified) whose `site_id` is `smallint NOT NULL`, in
    /// declaration order, minus ``siteScopeExemptions``: derived from the
    /// declared tables, so a new site-scoped table is covered automatically.
    static var siteScopedTables: [String] {
        let declared = [ref, fact, agg].flatMap { s in s.tables.map { (s.name, $0) } }
            + secTables.map { ("sec", $0) }
        return declared.compactMap { schema, table in
            guard let c = table.column(named: "site_id"), c.type == .smallint, !c.isNullable else { return nil }
            let name = "\(schema).\(table.name)"
            return siteScopeExemptions.contains(name) ? nil : name
        }
    }
}
