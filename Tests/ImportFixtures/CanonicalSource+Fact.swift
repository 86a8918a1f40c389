import OEEDSL

extension CanonicalSource {
    static var fact: Schema {
        Schema("fact", "Machine time series: raw events, jobs, cycles, per-minute counts, stops and rejects; partitioned by time and page-compressed") {
            event
            jobRun
            cycle
            productionCount
            downtime
            reject
        }
    }

    static var event: Table {
        Table("event", "Raw machine events as ingested from connectors (about 1/s per machine); daily partitions on ps_day(ts_utc), kept about 90 days") {
            Column("machine_id", .int, "Machine that emitted the event")
            Column("ts_utc", .datetime2(3), "UTC time the event occurred at the source (millisecond precision); the partitioning column")
            Column("event_id", .bigint, "Surrogate id, unique per row; breaks ties between events of one machine in the same millisecond").identity()
            Column("site_id", .smallint, "Site of the machine (RLS tenant key); must equal the machine's site")
            Column("event_type", .smallint, "Kind of event (see ref.event_type)")
            Column("state_code", .smallint, "New machine state for STATE_CHANGE events; NULL for events that carry no state")
                .nullable()
            Column("value_num", .float, "Numeric value of the event (count increment, measured value); NULL when the event has none")
                .nullable()
            Column("source_seq", .bigint, "Sequence number assigned by the source or connector, for de-duplication and gap detection; NULL when the source has none")
                .nullable()
            Column("payload_json", .nvarchar(2000), "Extra source attributes as a JSON document (must be valid JSON); NULL when none")
                .nullable()
            Column("ingest_utc", .datetime2(3), "UTC time the row was written to the database; ingest_utc - ts_utc is the pipeline latency")
                .default("df_event_ingest_utc", Expression.sysUTCDateTime)
            PrimaryKey("pk_event", "machine_id", "ts_utc", "event_id")
            ForeignKey("fk_event_machine", ["machine_id", "site_id"], references: "ref.machine")
            ForeignKey("fk_event_event_type", "event_type", references: "ref.event_type")
            ForeignKey("fk_event_state_code", "state_code", references: "ref.state_code")
            Check("ck_event_payload_json", col("payload_json").isNull || Expression.fn("ISJSON", col("payload_json")) > 0)
            Index("ix_event_hot_window", on: "machine_id", "event_type", "ts_utc")
                .including("state_code", "value_num")
                .filtered(col("ts_utc") >= "2026-11-01T00:00:00")
                .rolling(keepHours: 72)
                .described("Hot window for live tiles: recent events by machine and type; the literal lower bound is moved forward by a maintenance step (no GETDATE() in a filter)")
        }
        .partitioned(by: "ps_day", on: "ts_utc")
        .compressed(.page)
    }

    static var jobRun: Table {
        Table("job_run", "A production job (work order run) on a machine: recipe, planned quantity and UTC span; not partitioned (low volume)") {
            Column("machine_id", .int, "Machine that ran the job")
            Column("start_utc", .datetime2(3), "UTC time the job started")
            Column("job_run_id", .int, "Surrogate id of the job run; unique on its own so cycles can reference it").identity()
            Column("site_id", .smallint, "Site of the machine (RLS tenant key); must equal the machine's site")
            Column("end_utc", .datetime2(3), "UTC time the job ended; NULL while the job is still running")
                .nullable()
            Column("work_order", .varchar(64), "ERP / MES work order number the job executes")
            Column("recipe_id", .int, "Recipe (product version) the job runs")
            Column("planned_qty", .int, "Quantity the work order asks for, in the product's unit of measure; >= 0")
            PrimaryKey("pk_job_run", "machine_id", "start_utc", "job_run_id")
            Unique("uq_job_run_job_run_id", "job_run_id")
            ForeignKey("fk_job_run_machine", ["machine_id", "site_id"], references: "ref.machine")
            ForeignKey("fk_job_run_recipe", "recipe_id", references: "ref.recipe")
            Check("ck_job_run_end_after_start", col("end_utc").isNull || col("end_utc") > col("start_utc"))
            Check("ck_job_run_planned_qty", col("planned_qty") >= 0)
        }
        .compressed(.page)
    }

    static var cycle: Table {
        Table("cycle", "One completed machine cycle with its output split into good, scrap and rework; monthly partitions on ps_month(start_ts)") {
            Column("machine_id", .int, "Machine that ran the cycle")
            Column("start_ts", .datetime2(3), "UTC time the cycle started; the partitioning column")
            Column("cycle_id", .bigint, "Surrogate id, unique per row; breaks ties between cycles of one machine starting in the same millisecond").identity()
            Column("site_id", .smallint, "Site of the machine (RLS tenant key); must equal the machine's site")
            Column("end_ts", .datetime2(3), "UTC time the cycle completed; not before start_ts")
            Column("recipe_id", .int, "Recipe running during the cycle")
            Column("shift_instance_id", .int, "Shift instance the cycle started in; NULL when it ran outside any scheduled shift")
                .nullable()
            Column("job_run_id", .int, "Job run the cycle belongs to; NULL when no job was open")
                .nullable()
            Column("good_qty", .int, "Good units produced by the cycle (first-pass yield); >= 0")
            Column("scrap_qty", .int, "Units scrapped from the cycle; >= 0")
            Column("rework_qty", .int, "Units sent to rework from the cycle (not good first time); >= 0")
            Column("is_startup", .bit, "1 if the cycle ran during startup after a changeover or stop, so its rejects are startup rejects (Six Big Loss 6)")
                .default("df_cycle_is_startup", false)
            Column("ideal_cycle_time_ms", .int, "Ideal cycle time in milliseconds, copied from ref.machine_recipe_standard at production time so later standard changes do not rewrite history; > 0")
            PrimaryKey("pk_cycle", "machine_id", "start_ts", "cycle_id")
            ForeignKey("fk_cycle_machine", ["machine_id", "site_id"], references: "ref.machine")
            ForeignKey("fk_cycle_recipe", "recipe_id", references: "ref.recipe")
            ForeignKey("fk_cycle_shift_instance", "shift_instance_id", references: "ref.shift_instance")
            ForeignKey("fk_cycle_job_run", "job_run_id", references: "fact.job_run")
            Check("ck_cycle_end_after_start", col("end_ts") >= col("start_ts"))
            Check("ck_cycle_quantities", col("good_qty") >= 0 && col("scrap_qty") >= 0 && col("rework_qty") >= 0)
            Check("ck_cycle_ideal_cycle_time_ms", col("ideal_cycle_time_ms") > 0)
            Index("ix_cycle_shift_instance_id", on: "shift_instance_id")
                .including("good_qty", "scrap_qty", "rework_qty", "is_startup", "ideal_cycle_time_ms")
                .described("Shift rollup: reads a shift's cycles and quantities without scanning the machine/time clustered key; partition-aligned")
        }
        .partitioned(by: "ps_month", on: "start_ts")
        .compressed(.page)
    }

    static var productionCount: Table {
        Table("production_count", "Per-minute production counters for high-speed lines where single cycles are not recorded; monthly partitions on ps_month(bucket_start_utc)") {
            Column("machine_id", .int, "Machine the counts belong to")
            Column("bucket_start_utc", .datetime2(3), "UTC start of the 1-minute bucket (whole minute); the partitioning column")
            Column("recipe_id", .int, "Recipe running during the bucket; a changeover inside a minute splits it into one row per recipe")
            Column("site_id", .smallint, "Site of the machine (RLS tenant key); must equal the machine's site")
            Column("total_qty", .int, "All units started or produced in the bucket (good + rejects); the Quality denominator; >= 0")
            Column("good_qty", .int, "Good units in the bucket; >= 0")
            Column("startup_reject_qty", .int, "Units rejected during startup (Six Big Loss 6) in the bucket; >= 0")
            Column("reject_qty", .int, "Units rejected in steady production (Six Big Loss 5) in the bucket; >= 0")
            PrimaryKey("pk_production_count", "machine_id", "bucket_start_utc", "recipe_id")
            ForeignKey("fk_production_count_machine", ["machine_id", "site_id"], references: "ref.machine")
            ForeignKey("fk_production_count_recipe", "recipe_id", references: "ref.recipe")
            Check("ck_production_count_quantities", col("total_qty") >= 0 && col("good_qty") >= 0 && col("startup_reject_qty") >= 0 && col("reject_qty") >= 0)
            Check("ck_production_count_within_total", col("good_qty") + col("startup_reject_qty") + col("reject_qty") <= col("total_qty"))
        }
        .partitioned(by: "ps_month", on: "bucket_start_utc")
        .compressed(.page)
    }

    static var downtime: Table {
        Table("downtime", "Machine stop intervals with their reason and loss bucket; open while end_ts is NULL; monthly partitions on ps_month(start_ts)") {
            Column("machine_id", .int, "Machine that stopped")
            Column("start_ts", .datetime2(3), "UTC time the stop began; the partitioning column")
            Column("dt_id", .bigint, "Surrogate id of the stop, unique per row").identity()
            Column("site_id", .smallint, "Site of the machine (RLS tenant key); must equal the machine's site")
            Column("end_ts", .datetime2(3), "UTC time the machine resumed; NULL while the stop is still open")
                .nullable()
            Column("state_code", .smallint, "Machine state during the stop (STOPPED, FAULTED, STARVED, ...)")
            Column("reason_code_id", .int, "Reason for the stop; NULL until an operator or rule assigns one")
                .nullable()
            Column("loss_bucket_id", .tinyint, "Loss bucket the stop time is booked to; UNKNOWN (10) until classified, then usually the reason's bucket")
                .default("df_downtime_loss_bucket_id", 10)
            Column("is_planned", .bit, "1 if the stop was planned (planned downtime, setup, break inside PPT)")
                .default("df_downtime_is_planned", false)
            Column("is_minor", .bit, "1 if the stop lasted less than the machine's microstop_threshold_s: a minor stop (Performance loss), not downtime")
                .default("df_downtime_is_minor", false)
            Column("shift_instance_id", .int, "Shift instance the stop started in; NULL when it started outside any scheduled shift")
                .nullable()
            Column("source", .char(1), "How the stop was recorded: A automatically from machine state, M manually by an operator, I imported from another system")
                .default("df_downtime_source", "A")
            Column("comment", .nvarchar(500), "Operator comment on the stop; NULL when none (required when the reason demands one)")
                .nullable()
            Column("assigned_by", .nvarchar(256), "Principal (sec.app_user.principal) or rule that assigned the reason; NULL while unassigned")
                .nullable()
            Column("assigned_utc", .datetime2(0), "UTC time the reason was assigned; NULL while unassigned")
                .nullable()
            PrimaryKey("pk_downtime", "machine_id", "start_ts", "dt_id")
            ForeignKey("fk_downtime_machine", ["machine_id", "site_id"], references: "ref.machine")
            ForeignKey("fk_downtime_state_code", "state_code", references: "ref.state_code")
            ForeignKey("fk_downtime_reason_code", "reason_code_id", references: "ref.reason_code")
            ForeignKey("fk_downtime_loss_bucket", "loss_bucket_id", references: "ref.loss_bucket")
            ForeignKey("fk_downtime_shift_instance", "shift_instance_id", references: "ref.shift_instance")
            Check("ck_downtime_end_after_start", col("end_ts").isNull || col("end_ts") > col("start_ts"))
            Check("ck_downtime_source", col("source").in(["A", "M", "I"]))
            Check("ck_downtime_assigned_with_reason", col("assigned_utc").isNull || col("reason_code_id").isNotNull)
            Index("ix_downtime_open", on: "site_id", "machine_id")
                .including("reason_code_id", "loss_bucket_id")
                .filtered(col("end_ts").isNull)
                .described("Open stops per site and machine for the live andon board; tiny because only rows with end_ts IS NULL are indexed")
            Index("ix_downtime_unassigned", on: "site_id", "machine_id", "start_ts")
                .including("end_ts", "state_code")
                .filtered(col("reason_code_id").isNull)
                .described("Stops still awaiting a reason, for the operator classification queue; only rows with reason_code_id IS NULL are indexed")
            Index("ix_downtime_shift_instance_id", on: "shift_instance_id")
                .including("end_ts", "loss_bucket_id", "reason_code_id", "is_planned", "is_minor")
                .described("Shift rollup and shift reports: a shift's stops and their buckets without scanning the machine/time clustered key; partition-aligned")
        }
        .partitioned(by: "ps_month", on: "start_ts")
        .compressed(.page)
    }

    static var reject: Table {
        Table("reject", "Rejected quantities recorded with a reason (scrap, rework, startup rejects); monthly partitions on ps_month(ts_utc)") {
            Column("machine_id", .int, "Machine at which the units were rejected")
            Column("ts_utc", .datetime2(3), "UTC time the reject was recorded; the partitioning column")
            Column("reject_id", .bigint, "Surrogate id of the reject record, unique per row").identity()
            Column("site_id", .smallint, "Site of the machine (RLS tenant key); must equal the machine's site")
            Column("reason_code_id", .int, "Reject reason; its loss bucket says production (PR.*) or startup (SR.*) reject")
            Column("qty", .int, "Rejected units in the product's unit of measure; > 0")
            Column("recipe_id", .int, "Recipe running when the units were rejected")
            PrimaryKey("pk_reject", "machine_id", "ts_utc", "reject_id")
            ForeignKey("fk_reject_machine", ["machine_id", "site_id"], references: "ref.machine")
            ForeignKey("fk_reject_reason_code", "reason_code_id", references: "ref.reason_code")
            ForeignKey("fk_reject_recipe", "recipe_id", references: "ref.recipe")
            Check("ck_reject_qty", col("qty") > 0)
        }
        .partitioned(by: "ps_month", on: "ts_utc")
        .compressed(.page)
    }
}
