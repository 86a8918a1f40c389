import OEEDSL

extension ImportedCanonical {
    static var sec: Schema {
        Schema("sec", "Security: application users, their site grants and the row-level-security function and policy that confine a session to its site") {
            appUser
            userSite
            InlineFunction(
                "fn_site_filter", parameters: [.init("site_id", .smallint)], returns: "fn_result",
                where: param("site_id").equals(Expression.sessionContext("site_id").cast(as: .smallint)) || Expression.sessionContext("is_global").cast(as: .bit).equals(true),
                "RLS predicate (schema-bound inline TVF): a row is visible and writable when its site_id equals SESSION_CONTEXT site_id or the session is global")
            SecurityPolicy(
                "site_policy"
            ) {
                SecurityPredicate.block(.blockAfterInsert, "sec.fn_site_filter", "site_id", on: "agg.rollup_day")
                SecurityPredicate.block(.blockAfterUpdate, "sec.fn_site_filter", "site_id", on: "agg.rollup_day")
                SecurityPredicate.filter("sec.fn_site_filter", "site_id", on: "agg.rollup_day")
                SecurityPredicate.block(.blockAfterInsert, "sec.fn_site_filter", "site_id", on: "agg.rollup_hour")
                SecurityPredicate.block(.blockAfterUpdate, "sec.fn_site_filter", "site_id", on: "agg.rollup_hour")
                SecurityPredicate.filter("sec.fn_site_filter", "site_id", on: "agg.rollup_hour")
                SecurityPredicate.block(.blockAfterInsert, "sec.fn_site_filter", "site_id", on: "agg.rollup_hour_loss")
                SecurityPredicate.block(.blockAfterUpdate, "sec.fn_site_filter", "site_id", on: "agg.rollup_hour_loss")
                SecurityPredicate.filter("sec.fn_site_filter", "site_id", on: "agg.rollup_hour_loss")
                SecurityPredicate.block(.blockAfterInsert, "sec.fn_site_filter", "site_id", on: "agg.rollup_shift")
                SecurityPredicate.block(.blockAfterUpdate, "sec.fn_site_filter", "site_id", on: "agg.rollup_shift")
                SecurityPredicate.filter("sec.fn_site_filter", "site_id", on: "agg.rollup_shift")
                SecurityPredicate.block(.blockAfterInsert, "sec.fn_site_filter", "site_id", on: "agg.rollup_watermark")
                SecurityPredicate.block(.blockAfterUpdate, "sec.fn_site_filter", "site_id", on: "agg.rollup_watermark")
                SecurityPredicate.filter("sec.fn_site_filter", "site_id", on: "agg.rollup_watermark")
                SecurityPredicate.block(.blockAfterInsert, "sec.fn_site_filter", "site_id", on: "fact.cycle")
                SecurityPredicate.block(.blockAfterUpdate, "sec.fn_site_filter", "site_id", on: "fact.cycle")
                SecurityPredicate.filter("sec.fn_site_filter", "site_id", on: "fact.cycle")
                SecurityPredicate.block(.blockAfterInsert, "sec.fn_site_filter", "site_id", on: "fact.downtime")
                SecurityPredicate.block(.blockAfterUpdate, "sec.fn_site_filter", "site_id", on: "fact.downtime")
                SecurityPredicate.filter("sec.fn_site_filter", "site_id", on: "fact.downtime")
                SecurityPredicate.block(.blockAfterInsert, "sec.fn_site_filter", "site_id", on: "fact.event")
                SecurityPredicate.block(.blockAfterUpdate, "sec.fn_site_filter", "site_id", on: "fact.event")
                SecurityPredicate.filter("sec.fn_site_filter", "site_id", on: "fact.event")
                SecurityPredicate.block(.blockAfterInsert, "sec.fn_site_filter", "site_id", on: "fact.job_run")
                SecurityPredicate.block(.blockAfterUpdate, "sec.fn_site_filter", "site_id", on: "fact.job_run")
                SecurityPredicate.filter("sec.fn_site_filter", "site_id", on: "fact.job_run")
                SecurityPredicate.block(.blockAfterInsert, "sec.fn_site_filter", "site_id", on: "fact.production_count")
                SecurityPredicate.block(.blockAfterUpdate, "sec.fn_site_filter", "site_id", on: "fact.production_count")
                SecurityPredicate.filter("sec.fn_site_filter", "site_id", on: "fact.production_count")
                SecurityPredicate.block(.blockAfterInsert, "sec.fn_site_filter", "site_id", on: "fact.reject")
                SecurityPredicate.block(.blockAfterUpdate, "sec.fn_site_filter", "site_id", on: "fact.reject")
                SecurityPredicate.filter("sec.fn_site_filter", "site_id", on: "fact.reject")
                SecurityPredicate.block(.blockAfterInsert, "sec.fn_site_filter", "site_id", on: "ref.area")
                SecurityPredicate.block(.blockAfterUpdate, "sec.fn_site_filter", "site_id", on: "ref.area")
                SecurityPredicate.filter("sec.fn_site_filter", "site_id", on: "ref.area")
                SecurityPredicate.block(.blockAfterInsert, "sec.fn_site_filter", "site_id", on: "ref.calendar_exception")
                SecurityPredicate.block(.blockAfterUpdate, "sec.fn_site_filter", "site_id", on: "ref.calendar_exception")
                SecurityPredicate.filter("sec.fn_site_filter", "site_id", on: "ref.calendar_exception")
                SecurityPredicate.block(.blockAfterInsert, "sec.fn_site_filter", "site_id", on: "ref.line")
                SecurityPredicate.block(.blockAfterUpdate, "sec.fn_site_filter", "site_id", on: "ref.line")
                SecurityPredicate.filter("sec.fn_site_filter", "site_id", on: "ref.line")
                SecurityPredicate.block(.blockAfterInsert, "sec.fn_site_filter", "site_id", on: "ref.machine")
                SecurityPredicate.block(.blockAfterUpdate, "sec.fn_site_filter", "site_id", on: "ref.machine")
                SecurityPredicate.filter("sec.fn_site_filter", "site_id", on: "ref.machine")
                SecurityPredicate.block(.blockAfterInsert, "sec.fn_site_filter", "site_id", on: "ref.machine_recipe_standard")
                SecurityPredicate.block(.blockAfterUpdate, "sec.fn_site_filter", "site_id", on: "ref.machine_recipe_standard")
                SecurityPredicate.filter("sec.fn_site_filter", "site_id", on: "ref.machine_recipe_standard")
                SecurityPredicate.block(.blockAfterInsert, "sec.fn_site_filter", "site_id", on: "ref.shift_break")
                SecurityPredicate.block(.blockAfterUpdate, "sec.fn_site_filter", "site_id", on: "ref.shift_break")
                SecurityPredicate.filter("sec.fn_site_filter", "site_id", on: "ref.shift_break")
                SecurityPredicate.block(.blockAfterInsert, "sec.fn_site_filter", "site_id", on: "ref.shift_definition")
                SecurityPredicate.block(.blockAfterUpdate, "sec.fn_site_filter", "site_id", on: "ref.shift_definition")
                SecurityPredicate.filter("sec.fn_site_filter", "site_id", on: "ref.shift_definition")
                SecurityPredicate.block(.blockAfterInsert, "sec.fn_site_filter", "site_id", on: "ref.shift_instance")
                SecurityPredicate.block(.blockAfterUpdate, "sec.fn_site_filter", "site_id", on: "ref.shift_instance")
                SecurityPredicate.filter("sec.fn_site_filter", "site_id", on: "ref.shift_instance")
                SecurityPredicate.block(.blockAfterInsert, "sec.fn_site_filter", "site_id", on: "ref.shift_pattern")
                SecurityPredicate.block(.blockAfterUpdate, "sec.fn_site_filter", "site_id", on: "ref.shift_pattern")
                SecurityPredicate.filter("sec.fn_site_filter", "site_id", on: "ref.shift_pattern")
                SecurityPredicate.block(.blockAfterInsert, "sec.fn_site_filter", "site_id", on: "ref.site")
                SecurityPredicate.block(.blockAfterUpdate, "sec.fn_site_filter", "site_id", on: "ref.site")
                SecurityPredicate.filter("sec.fn_site_filter", "site_id", on: "ref.site")
            }
        }
    }

    static var appUser: Table {
        Table("app_user", "Application user (Entra ID / SQL principal) known to the OEE application") {
            Column("user_id", .int, "Surrogate key of the user").identity()
            Column("principal", .varchar(256), "Login principal (UPN, e.g. jane@corp.example, or SQL login name), unique")
            Column("is_global", .bit, "1 if the user sees every site (the app then sets SESSION_CONTEXT is_global = 1); 0 = only granted sites")
                .default("df_app_user_is_global", false)
            Column("expires_utc", .datetime2(0), "UTC time after which the user's access lapses; NULL = does not expire")
                .nullable()
            PrimaryKey("pk_app_user", "user_id", clustered: false)
            Unique("uq_app_user_principal", "principal")
        }
    }

    static var userSite: Table {
        Table("user_site", "Site grants of a user; read before SESSION_CONTEXT is set, so deliberately not under the site policy") {
            Column("user_id", .int, "User holding the grant")
            Column("site_id", .smallint, "Site the user may work in")
            Column("role", .varchar(16), "Role at that site: VIEWER, OPERATOR, SUPERVISOR, ENGINEER or ADMIN")
                .default("df_user_site_role", "VIEWER")
            PrimaryKey("pk_user_site", "user_id", "site_id", clustered: false)
            ForeignKey("fk_user_site_app_user", "user_id", references: "sec.app_user")
            ForeignKey("fk_user_site_site", "site_id", references: "ref.site")
            Check("ck_user_site_role", col("role").in(["VIEWER", "OPERATOR", "SUPERVISOR", "ENGINEER", "ADMIN"]))
        }
    }
}
