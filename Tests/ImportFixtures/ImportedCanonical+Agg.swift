import OEEDSL

extension ImportedCanonical {
    static var agg: Schema {
        Schema("agg", "Rollups written by the rollup job: additive seconds and counts per machine and hour, shift and day, plus loss Pareto; ratios are derived per row, never averaged") {
            rollupDay
            rollupHour
            rollupHourLoss
            rollupShift
            rollupWatermark
        }
    }

    static var rollupDay: Table {
        Table("rollup_day", "Additive OEE components per machine and site business date, for daily trends") {
            Column("machine_id", .int, "Machine the day totals belong to")
            Column("business_date", .date, "Site business date (starting at ref.site.business_day_start local time) the totals cover")
            Column("site_id", .smallint, "Site of the machine (RLS tenant key)")
            Column("line_id", .int, "Line the machine belonged to on that day (denormalised for line trends)")
            Column("all_time_s", .int, "Calendar seconds in the bucket (3600 for a full hour); the TEEP denominator")
            Column("planned_production_s", .int, "Planned production time in seconds (all time minus schedule loss); the Availability denominator")
            Column("run_s", .int, "Seconds the machine ran inside planned production time; the Availability numerator")
            Column("planned_stop_s", .int, "Seconds of planned stops (planned downtime, setup) inside planned production time")
            Column("unplanned_stop_s", .int, "Seconds of unplanned stops (breakdowns and the like) inside planned production time")
            Column("minor_stop_s", .int, "Seconds of minor stops below the machine's micro-stop threshold (counted in run time, a Performance loss)")
            Column("total_count", .bigint, "Units produced, good plus rejects; the Quality denominator")
            Column("good_count", .bigint, "Good units (first-pass); the Quality numerator")
            Column("startup_reject_count", .bigint, "Units rejected during startup (Six Big Loss 6); production rejects are total - good - startup rejects")
            Column("ideal_run_s", .decimal(12, 3), "Seconds the produced units would take at ideal rate (sum of ideal cycle time x count); the Performance numerator")
            Column("availability", .real, "Derived run_s / planned_production_s; NULL when planned production time is 0")
                .nullable()
            Column("performance", .real, "Derived ideal_run_s / run_s; NULL when run time is 0")
                .nullable()
            Column("quality", .real, "Derived good_count / total_count; NULL when nothing was produced")
                .nullable()
            Column("oee", .real, "Derived availability x performance x quality; NULL when any factor is NULL; re-derive from sums, never average")
                .nullable()
            Column("computed_utc", .datetime2(0), "UTC time the rollup job last wrote the row")
                .default("df_rollup_day_computed_utc", Expression.sysUTCDateTime)
            PrimaryKey("pk_rollup_day", "machine_id", "business_date", clustered: false)
            ForeignKey("fk_rollup_day_line", ["line_id", "site_id"], references: "ref.line")
            ForeignKey("fk_rollup_day_machine", ["machine_id", "site_id"], references: "ref.machine")
            Check("ck_rollup_day_non_negative", col("all_time_s") >= 0 && col("planned_production_s") >= 0 && col("run_s") >= 0 && col("planned_stop_s") >= 0 && col("unplanned_stop_s") >= 0 && col("minor_stop_s") >= 0 && col("total_count") >= 0 && col("good_count") >= 0 && col("startup_reject_count") >= 0 && col("ideal_run_s") >= 0)
            Index("ix_rollup_day_site_id_business_date", on: "site_id", "business_date")
                .including("line_id")
                .described("Site day dashboard: every machine of a site for a range of business dates")
        }
    }

    static var rollupHour: Table {
        Table("rollup_hour", "Additive OEE components per machine and UTC hour (bucket_start_utc; the spec's bucket_start renamed to the _utc convention); clustered columnstore on ps_month") {
            Column("site_id", .smallint, "Site of the machine (RLS tenant key)")
            Column("line_id", .int, "Line the machine belonged to when the hour was computed (denormalised for line tiles)")
            Column("machine_id", .int, "Machine the hour belongs to")
            Column("bucket_start_utc", .datetime2(3), "UTC start of the hour bucket (whole hour); named bucket_start in the spec; the partitioning column")
            Column("shift_instance_id", .int, "Shift instance in force at the bucket start; NULL when no shift was scheduled")
                .nullable()
            Column("all_time_s", .int, "Calendar seconds in the bucket (3600 for a full hour); the TEEP denominator")
            Column("planned_production_s", .int, "Planned production time in seconds (all time minus schedule loss); the Availability denominator")
            Column("run_s", .int, "Seconds the machine ran inside planned production time; the Availability numerator")
            Column("planned_stop_s", .int, "Seconds of planned stops (planned downtime, setup) inside planned production time")
            Column("unplanned_stop_s", .int, "Seconds of unplanned stops (breakdowns and the like) inside planned production time")
            Column("minor_stop_s", .int, "Seconds of minor stops below the machine's micro-stop threshold (counted in run time, a Performance loss)")
            Column("total_count", .bigint, "Units produced, good plus rejects; the Quality denominator")
            Column("good_count", .bigint, "Good units (first-pass); the Quality numerator")
            Column("startup_reject_count", .bigint, "Units rejected during startup (Six Big Loss 6); production rejects are total - good - startup rejects")
            Column("ideal_run_s", .decimal(12, 3), "Seconds the produced units would take at ideal rate (sum of ideal cycle time x count); the Performance numerator")
            Column("availability", .real, "Derived run_s / planned_production_s; NULL when planned production time is 0")
                .nullable()
            Column("performance", .real, "Derived ideal_run_s / run_s; NULL when run time is 0")
                .nullable()
            Column("quality", .real, "Derived good_count / total_count; NULL when nothing was produced")
                .nullable()
            Column("oee", .real, "Derived availability x performance x quality; NULL when any factor is NULL; re-derive from sums, never average")
                .nullable()
            Column("computed_utc", .datetime2(0), "UTC time the rollup job last wrote the row")
                .default("df_rollup_hour_computed_utc", Expression.sysUTCDateTime)
            PrimaryKey("pk_rollup_hour", "machine_id", "bucket_start_utc", clustered: false)
            ForeignKey("fk_rollup_hour_line", ["line_id", "site_id"], references: "ref.line")
            ForeignKey("fk_rollup_hour_machine", ["machine_id", "site_id"], references: "ref.machine")
            ForeignKey("fk_rollup_hour_shift_instance", "shift_instance_id", references: "ref.shift_instance")
            Check("ck_rollup_hour_non_negative", col("all_time_s") >= 0 && col("planned_production_s") >= 0 && col("run_s") >= 0 && col("planned_stop_s") >= 0 && col("unplanned_stop_s") >= 0 && col("minor_stop_s") >= 0 && col("total_count") >= 0 && col("good_count") >= 0 && col("startup_reject_count") >= 0 && col("ideal_run_s") >= 0)
        }
        .partitioned(by: "ps_rollup_hour", on: "bucket_start_utc")
    }

    static var rollupHourLoss: Table {
        Table("rollup_hour_loss", "Loss time, occurrences and quantity per machine, UTC hour and reason, for Pareto tiles; monthly partitions on ps_month(bucket_start_utc)") {
            Column("machine_id", .int, "Machine the losses belong to")
            Column("bucket_start_utc", .datetime2(3), "UTC start of the hour bucket (whole hour); named bucket_start in the spec; the partitioning column")
            Column("reason_code_id", .int, "Reason of the loss; stops still unassigned are booked to the UD.UNASSIGNED code")
            Column("loss_bucket_id", .smallint, "Loss bucket the time or quantity was booked to (as on the source rows)")
            Column("site_id", .smallint, "Site of the machine (RLS tenant key)")
            Column("duration_s", .int, "Seconds of stop time inside the hour with this reason and bucket (0 for quantity-only losses); >= 0")
            Column("occurrences", .int, "Number of stops or reject records with this reason starting in the hour; >= 0")
            Column("qty", .int, "Units rejected with this reason in the hour (0 for time losses); >= 0")
            PrimaryKey("pk_rollup_hour_loss", "machine_id", "bucket_start_utc", "reason_code_id", "loss_bucket_id", clustered: false)
            ForeignKey("fk_rollup_hour_loss_loss_bucket", "loss_bucket_id", references: "ref.loss_bucket")
            ForeignKey("fk_rollup_hour_loss_machine", ["machine_id", "site_id"], references: "ref.machine")
            ForeignKey("fk_rollup_hour_loss_reason_code", "reason_code_id", references: "ref.reason_code")
            Check("ck_rollup_hour_loss_non_negative", col("duration_s") >= 0 && col("occurrences") >= 0 && col("qty") >= 0)
        }
        .partitioned(by: "ps_rollup_hour_loss", on: "bucket_start_utc")
    }

    static var rollupShift: Table {
        Table("rollup_shift", "Additive OEE components per machine and shift instance, for shift reports") {
            Column("machine_id", .int, "Machine the shift totals belong to")
            Column("shift_instance_id", .int, "Shift instance (line, business date, UTC span) the totals cover")
            Column("site_id", .smallint, "Site of the machine (RLS tenant key)")
            Column("line_id", .int, "Line the machine belonged to during the shift (denormalised for line reports)")
            Column("all_time_s", .int, "Calendar seconds in the bucket (3600 for a full hour); the TEEP denominator")
            Column("planned_production_s", .int, "Planned production time in seconds (all time minus schedule loss); the Availability denominator")
            Column("run_s", .int, "Seconds the machine ran inside planned production time; the Availability numerator")
            Column("planned_stop_s", .int, "Seconds of planned stops (planned downtime, setup) inside planned production time")
            Column("unplanned_stop_s", .int, "Seconds of unplanned stops (breakdowns and the like) inside planned production time")
            Column("minor_stop_s", .int, "Seconds of minor stops below the machine's micro-stop threshold (counted in run time, a Performance loss)")
            Column("total_count", .bigint, "Units produced, good plus rejects; the Quality denominator")
            Column("good_count", .bigint, "Good units (first-pass); the Quality numerator")
            Column("startup_reject_count", .bigint, "Units rejected during startup (Six Big Loss 6); production rejects are total - good - startup rejects")
            Column("ideal_run_s", .decimal(12, 3), "Seconds the produced units would take at ideal rate (sum of ideal cycle time x count); the Performance numerator")
            Column("availability", .real, "Derived run_s / planned_production_s; NULL when planned production time is 0")
                .nullable()
            Column("performance", .real, "Derived ideal_run_s / run_s; NULL when run time is 0")
                .nullable()
            Column("quality", .real, "Derived good_count / total_count; NULL when nothing was produced")
                .nullable()
            Column("oee", .real, "Derived availability x performance x quality; NULL when any factor is NULL; re-derive from sums, never average")
                .nullable()
            Column("computed_utc", .datetime2(0), "UTC time the rollup job last wrote the row")
                .default("df_rollup_shift_computed_utc", Expression.sysUTCDateTime)
            PrimaryKey("pk_rollup_shift", "machine_id", "shift_instance_id", clustered: false)
            ForeignKey("fk_rollup_shift_line", ["line_id", "site_id"], references: "ref.line")
            ForeignKey("fk_rollup_shift_machine", ["machine_id", "site_id"], references: "ref.machine")
            ForeignKey("fk_rollup_shift_shift_instance", "shift_instance_id", references: "ref.shift_instance")
            Check("ck_rollup_shift_non_negative", col("all_time_s") >= 0 && col("planned_production_s") >= 0 && col("run_s") >= 0 && col("planned_stop_s") >= 0 && col("unplanned_stop_s") >= 0 && col("minor_stop_s") >= 0 && col("total_count") >= 0 && col("good_count") >= 0 && col("startup_reject_count") >= 0 && col("ideal_run_s") >= 0)
            Index("ix_rollup_shift_shift_instance_id", on: "shift_instance_id")
                .described("Shift report: every machine of one shift instance; also supports fk_rollup_shift_shift_instance")
        }
    }

    static var rollupWatermark: Table {
        Table("rollup_watermark", "Per site and rollup table, the earliest hour to recompute because late facts or reasons arrived") {
            Column("site_id", .smallint, "Site whose rollups are dirty (RLS tenant key)")
            Column("table_name", .varchar(128), "Qualified rollup table the mark applies to (e.g. agg.rollup_hour)")
            Column("dirty_from_utc", .datetime2(3), "UTC hour from which rollups must be recomputed; NULL when the table is up to date for the site")
                .nullable()
            PrimaryKey("pk_rollup_watermark", "site_id", "table_name", clustered: false)
            ForeignKey("fk_rollup_watermark_site", "site_id", references: "ref.site")
        }
    }
}
