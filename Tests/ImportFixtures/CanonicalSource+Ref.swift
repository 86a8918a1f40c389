import OEEDSL

extension CanonicalSource {
    static var ref: Schema {
        Schema("ref", "Reference data: ISA-95 hierarchy (enterprise, site, area, line, machine), products and rate standards, shift calendars, loss buckets and reason, state and event codes") {
            enterprise
            site
            area
            line
            machine
            product
            recipe
            machineRecipeStandard
            shiftPattern
            shiftDefinition
            shiftBreak
            shiftInstance
            calendarException
            lossBucket
            reasonCode
            stateCode
            eventType
        }
    }

    static var enterprise: Table {
        Table("enterprise", "ISA-95 enterprise: the company owning sites, products and the standard reason-code tree") {
            Column("enterprise_id", .smallint, "Surrogate key of the enterprise").identity()
            Column("code", .varchar(32), "Short stable business code of the enterprise, unique")
            Column("name", .nvarchar(128), "Display name of the enterprise")
            PrimaryKey("pk_enterprise", "enterprise_id")
            Unique("uq_enterprise_code", "code")
        }
    }

    static var site: Table {
        Table("site", "ISA-95 site (plant): the tenant boundary for row-level security and the owner of the local time zone and business day") {
            Column("site_id", .smallint, "Surrogate key of the site; the RLS tenant key carried by every site-scoped table").identity()
            Column("enterprise_id", .smallint, "Enterprise that owns the site")
            Column("code", .varchar(32), "Short stable site code, unique across the database (e.g. a plant number)")
            Column("name", .nvarchar(128), "Display name of the site")
            Column("tz_windows", .varchar(64), "Windows time zone name of the site, as AT TIME ZONE expects (e.g. 'W. Europe Standard Time')")
            Column("tz_iana", .varchar(64), "IANA time zone name of the site for non-SQL consumers (e.g. 'Europe/Berlin')")
            Column("business_day_start", .time(0), "Local time at which the site's business (production) day starts; business_date of shifts and rollup_day follows it")
                .default("df_site_business_day_start", "06:00:00")
            Column("is_active", .bit, "1 while the site is operated and reporting; 0 keeps history but hides it from active lists")
                .default("df_site_is_active", true)
            PrimaryKey("pk_site", "site_id")
            Unique("uq_site_code", "code")
            ForeignKey("fk_site_enterprise", "enterprise_id", references: "ref.enterprise")
        }
    }

    static var area: Table {
        Table("area", "ISA-95 area: a plant section grouping lines within one site") {
            Column("area_id", .int, "Surrogate key of the area").identity()
            Column("site_id", .smallint, "Site the area belongs to (RLS tenant key)")
            Column("code", .varchar(32), "Area code, unique within its site")
            Column("name", .nvarchar(128), "Display name of the area")
            PrimaryKey("pk_area", "area_id")
            Unique("uq_area_site_id_code", "site_id", "code")
            Unique("uq_area_area_id_site_id", "area_id", "site_id")
            ForeignKey("fk_area_site", "site_id", references: "ref.site")
        }
    }

    static var line: Table {
        Table("line", "ISA-95 work center (production line, process cell, production unit or work cell); shifts are scheduled per line") {
            Column("line_id", .int, "Surrogate key of the line").identity()
            Column("site_id", .smallint, "Site the line belongs to (RLS tenant key); must equal its area's site")
            Column("area_id", .int, "Area the line belongs to; the composite FK with site_id keeps it inside the same site")
            Column("code", .varchar(32), "Line code, unique within its site")
            Column("name", .nvarchar(128), "Display name of the line")
            Column("work_center_type", .varchar(16), "ISA-95 work center type: PRODUCTION_LINE, PROCESS_CELL, PRODUCTION_UNIT or WORK_CELL")
            PrimaryKey("pk_line", "line_id")
            Unique("uq_line_site_id_code", "site_id", "code")
            Unique("uq_line_line_id_site_id", "line_id", "site_id")
            ForeignKey("fk_line_area", ["area_id", "site_id"], references: "ref.area")
            Check("ck_line_work_center_type", col("work_center_type").in(["PRODUCTION_LINE", "PROCESS_CELL", "PRODUCTION_UNIT", "WORK_CELL"]))
        }
    }

    static var machine: Table {
        Table("machine", "ISA-95 work unit: a machine whose states, cycles and counts are measured for OEE") {
            Column("machine_id", .int, "Surrogate key of the machine").identity()
            Column("site_id", .smallint, "Site the machine belongs to (RLS tenant key); must equal its line's site")
            Column("line_id", .int, "Line (work center) the machine belongs to; the composite FK with site_id keeps it inside the same site")
            Column("code", .varchar(32), "Machine code, unique within its site (typically the asset or PLC tag prefix)")
            Column("name", .nvarchar(128), "Display name of the machine")
            Column("machine_class", .varchar(32), "Equipment class used to group comparable machines (e.g. FILLER, CAPPER, PRESS)")
            Column("is_bottleneck", .bit, "1 if this machine is the line's constraint, whose OEE stands for the line's OEE")
                .default("df_machine_is_bottleneck", false)
            Column("microstop_threshold_s", .smallint, "Stops shorter than this many seconds are minor stops (Performance loss), longer ones are downtime (Availability loss)")
                .default("df_machine_microstop_threshold_s", 120)
            Column("source_uri", .nvarchar(256), "Data source of the machine (OPC UA node, MQTT topic, connector URI); NULL for machines recorded manually")
                .nullable()
            Column("is_active", .bit, "1 while the machine is in service and expected to report; 0 keeps history")
                .default("df_machine_is_active", true)
            PrimaryKey("pk_machine", "machine_id")
            Unique("uq_machine_site_id_code", "site_id", "code")
            Unique("uq_machine_machine_id_site_id", "machine_id", "site_id")
            ForeignKey("fk_machine_line", ["line_id", "site_id"], references: "ref.line")
            Check("ck_machine_microstop_threshold_s", col("microstop_threshold_s") > 0)
        }
    }

    static var product: Table {
        Table("product", "Product (SKU) made by the enterprise; counts are expressed in its unit of measure") {
            Column("product_id", .int, "Surrogate key of the product").identity()
            Column("enterprise_id", .smallint, "Enterprise that owns the product master")
            Column("sku", .varchar(64), "Stock-keeping unit / ERP material number, unique within the enterprise")
            Column("name", .nvarchar(128), "Display name of the product")
            Column("uom", .varchar(16), "Unit of measure in which produced and rejected quantities are counted (e.g. EA, CS, KG)")
            PrimaryKey("pk_product", "product_id")
            Unique("uq_product_enterprise_id_sku", "enterprise_id", "sku")
            ForeignKey("fk_product_enterprise", "enterprise_id", references: "ref.enterprise")
        }
    }

    static var recipe: Table {
        Table("recipe", "Versioned recipe (format, program) for making a product; rate standards are kept per machine and recipe") {
            Column("recipe_id", .int, "Surrogate key of the recipe version").identity()
            Column("product_id", .int, "Product the recipe makes")
            Column("code", .varchar(32), "Recipe code as the machines / MES know it")
            Column("version", .smallint, "Recipe version number, starting at 1; a changed recipe gets a new row")
                .default("df_recipe_version", 1)
            PrimaryKey("pk_recipe", "recipe_id")
            Unique("uq_recipe_product_id_code_version", "product_id", "code", "version")
            ForeignKey("fk_recipe_product", "product_id", references: "ref.product")
            Check("ck_recipe_version", col("version") >= 1)
        }
    }

    static var machineRecipeStandard: Table {
        Table("machine_recipe_standard", "Time-versioned ideal rate of a machine running a recipe: the Performance denominator (ideal cycle time)") {
            Column("machine_id", .int, "Machine the standard applies to")
            Column("recipe_id", .int, "Recipe the standard applies to")
            Column("valid_from_utc", .datetime2(0), "UTC start of validity (inclusive)")
            Column("site_id", .smallint, "Site of the machine (RLS tenant key); must equal the machine's site")
            Column("valid_to_utc", .datetime2(0), "UTC end of validity (exclusive); NULL while the standard is current")
                .nullable()
            Column("ideal_cycle_time_s", .decimal(12, 4), "Ideal (nameplate or validated best) seconds per machine cycle; must be > 0")
            Column("units_per_cycle", .smallint, "Units produced per machine cycle (cavities, lanes); must be > 0")
                .default("df_machine_recipe_standard_units_per_cycle", 1)
            Column("target_oee", .decimal(5, 4), "Target OEE as a fraction 0..1 (0.8500 = 85 %); NULL when no target is set")
                .nullable()
            PrimaryKey("pk_machine_recipe_standard", "machine_id", "recipe_id", "valid_from_utc")
            ForeignKey("fk_machine_recipe_standard_machine", ["machine_id", "site_id"], references: "ref.machine")
            ForeignKey("fk_machine_recipe_standard_recipe", "recipe_id", references: "ref.recipe")
            Check("ck_machine_recipe_standard_ideal_cycle_time_s", col("ideal_cycle_time_s") > 0)
            Check("ck_machine_recipe_standard_units_per_cycle", col("units_per_cycle") > 0)
            Check("ck_machine_recipe_standard_target_oee", col("target_oee").isNull || col("target_oee") >= 0 && col("target_oee") <= 1)
            Check("ck_machine_recipe_standard_valid_to_after_from", col("valid_to_utc").isNull || col("valid_to_utc") > col("valid_from_utc"))
        }
    }

    static var shiftPattern: Table {
        Table("shift_pattern", "A site's repeating shift rotation (e.g. 3x8 over 7 days, 4-crew 2x12 over 28 days)") {
            Column("shift_pattern_id", .int, "Surrogate key of the shift pattern").identity()
            Column("site_id", .smallint, "Site the pattern belongs to (RLS tenant key)")
            Column("name", .nvarchar(64), "Display name of the pattern, unique within its site")
            Column("cycle_days", .tinyint, "Length of the rotation in days (7 for a weekly pattern); must be > 0")
            PrimaryKey("pk_shift_pattern", "shift_pattern_id")
            Unique("uq_shift_pattern_site_id_name", "site_id", "name")
            Unique("uq_shift_pattern_shift_pattern_id_site_id", "shift_pattern_id", "site_id")
            ForeignKey("fk_shift_pattern_site", "site_id", references: "ref.site")
            Check("ck_shift_pattern_cycle_days", col("cycle_days") > 0)
        }
    }

    static var shiftDefinition: Table {
        Table("shift_definition", "One shift slot of a pattern: which day of the rotation, local start time and length") {
            Column("shift_def_id", .int, "Surrogate key of the shift definition").identity()
            Column("site_id", .smallint, "Site of the pattern (RLS tenant key); must equal the pattern's site")
            Column("shift_pattern_id", .int, "Pattern the shift belongs to")
            Column("code", .varchar(16), "Shift code shown to operators (e.g. A, B, NIGHT)")
            Column("day_of_cycle", .tinyint, "1-based day of the rotation on which the shift starts (1..cycle_days)")
            Column("start_local", .time(0), "Shift start in site local time; converted to UTC per day when shift instances are generated")
            Column("duration_min", .smallint, "Shift length in minutes including breaks (480 for an 8-hour shift); 1..1440")
            PrimaryKey("pk_shift_definition", "shift_def_id")
            Unique("uq_shift_definition_shift_pattern_id_day_of_cycle_code", "shift_pattern_id", "day_of_cycle", "code")
            Unique("uq_shift_definition_shift_def_id_site_id", "shift_def_id", "site_id")
            ForeignKey("fk_shift_definition_shift_pattern", ["shift_pattern_id", "site_id"], references: "ref.shift_pattern")
            Check("ck_shift_definition_day_of_cycle", col("day_of_cycle") >= 1)
            Check("ck_shift_definition_duration_min", col("duration_min") > 0 && col("duration_min") <= 1440)
        }
    }

    static var shiftBreak: Table {
        Table("shift_break", "Planned break inside a shift definition; its reason code decides whether it is outside PPT (NS.BREAK) or a planned stop") {
            Column("shift_def_id", .int, "Shift definition the break belongs to")
            Column("offset_min", .smallint, "Break start in minutes after the shift start (0 = at shift start)")
            Column("site_id", .smallint, "Site of the shift definition (RLS tenant key); must equal the definition's site")
            Column("duration_min", .smallint, "Break length in minutes; must be > 0")
            Column("reason_code_id", .int, "Reason code classifying the break (e.g. NS.BREAK, excluded from planned production time)")
            PrimaryKey("pk_shift_break", "shift_def_id", "offset_min")
            ForeignKey("fk_shift_break_shift_definition", ["shift_def_id", "site_id"], references: "ref.shift_definition")
            ForeignKey("fk_shift_break_reason_code", "reason_code_id", references: "ref.reason_code")
            Check("ck_shift_break_offset_min", col("offset_min") >= 0)
            Check("ck_shift_break_duration_min", col("duration_min") > 0)
        }
    }

    static var shiftInstance: Table {
        Table("shift_instance", "A concrete shift worked on a line: UTC span and planned production time; the unit of shift reports and rollup_shift") {
            Column("shift_instance_id", .int, "Surrogate key of the shift instance").identity()
            Column("site_id", .smallint, "Site of the line (RLS tenant key); must equal the line's and shift definition's site")
            Column("line_id", .int, "Line the shift is scheduled on")
            Column("shift_def_id", .int, "Shift definition the instance was generated from")
            Column("business_date", .date, "Site business date the shift counts towards (local date at business_day_start)")
            Column("start_utc", .datetime2(0), "UTC shift start (inclusive)")
            Column("end_utc", .datetime2(0), "UTC shift end (exclusive); after start_utc")
            Column("planned_production_s", .int, "Planned production time in seconds: shift length minus breaks outside PPT and calendar exceptions; the Availability denominator")
            PrimaryKey("pk_shift_instance", "shift_instance_id")
            Unique("uq_shift_instance_line_id_start_utc", "line_id", "start_utc")
            ForeignKey("fk_shift_instance_line", ["line_id", "site_id"], references: "ref.line")
            ForeignKey("fk_shift_instance_shift_definition", ["shift_def_id", "site_id"], references: "ref.shift_definition")
            Check("ck_shift_instance_end_after_start", col("end_utc") > col("start_utc"))
            Check("ck_shift_instance_planned_production_s", col("planned_production_s") >= 0)
            Index("ix_shift_instance_site_id_business_date", on: "site_id", "business_date")
                .including("line_id", "start_utc", "end_utc", "planned_production_s")
                .described("Finds a site's shifts by business date for shift and day reports and the day rollup")
        }
    }

    static var calendarException: Table {
        Table("calendar_exception", "Deviation from the shift calendar (holiday, shutdown, extra shift) for a whole site or one line") {
            Column("exception_id", .int, "Surrogate key of the calendar exception").identity()
            Column("site_id", .smallint, "Site the exception applies to (RLS tenant key)")
            Column("line_id", .int, "Line the exception applies to; NULL = every line of the site")
                .nullable()
            Column("start_utc", .datetime2(0), "UTC start of the exception (inclusive)")
            Column("end_utc", .datetime2(0), "UTC end of the exception (exclusive); after start_utc")
            Column("reason_code_id", .int, "Reason code classifying the time (e.g. NS.SHUTDOWN for a holiday, PD.PM for planned maintenance)")
            Column("note", .nvarchar(400), "Free-text explanation for planners; NULL when none")
                .nullable()
            PrimaryKey("pk_calendar_exception", "exception_id")
            ForeignKey("fk_calendar_exception_site", "site_id", references: "ref.site")
            ForeignKey("fk_calendar_exception_line", ["line_id", "site_id"], references: "ref.line")
            ForeignKey("fk_calendar_exception_reason_code", "reason_code_id", references: "ref.reason_code")
            Check("ck_calendar_exception_end_after_start", col("end_utc") > col("start_utc"))
        }
    }

    static var lossBucket: Table {
        Table("loss_bucket", "Fixed loss categories mapping time and quantity to OEE factors and the Six Big Losses (ids are seeded codes)") {
            Column("loss_bucket_id", .tinyint, "Fixed id of the bucket as seeded (1 VALUE_ADDING .. 10 UNKNOWN); not an identity")
            Column("code", .varchar(32), "Stable bucket code (e.g. UNPLANNED_DOWNTIME, MINOR_STOPPAGES), unique")
            Column("name", .nvarchar(128), "Display name of the bucket")
            Column("oee_factor", .char(1), "OEE factor the loss lowers: A availability, P performance, Q quality, S schedule loss (outside PPT, TEEP only), N none")
            Column("six_big_loss", .tinyint, "Six Big Losses number 1..6 (1 breakdowns, 2 setup, 3 minor stops, 4 reduced speed, 5 production rejects, 6 startup rejects); NULL when not one of them")
                .nullable()
            Column("in_ppt", .bit, "1 if time in this bucket lies inside planned production time; 0 only for schedule loss")
            Column("is_planned", .bit, "1 if the loss is planned (breaks, planned downtime, setup); 0 if unplanned")
            PrimaryKey("pk_loss_bucket", "loss_bucket_id")
            Unique("uq_loss_bucket_code", "code")
            Check("ck_loss_bucket_oee_factor", col("oee_factor").in(["A", "P", "Q", "S", "N"]))
            Check("ck_loss_bucket_six_big_loss", col("six_big_loss").isNull || col("six_big_loss") >= 1 && col("six_big_loss") <= 6 && col("oee_factor").in(["A", "P", "Q"]))
        }
    }

    static var reasonCode: Table {
        Table("reason_code", "Hierarchical stop / reject reason tree: enterprise standard codes plus site-specific extensions, each mapped to a loss bucket") {
            Column("reason_code_id", .int, "Surrogate key of the reason code").identity()
            Column("enterprise_id", .smallint, "Enterprise whose reason tree the code belongs to")
            Column("site_id", .smallint, "Site that added this code; NULL = enterprise standard code visible to every site")
                .nullable()
            Column("parent_id", .int, "Parent reason code; NULL for a root (depth 0)")
                .nullable()
            Column("code", .varchar(32), "Dotted reason code (e.g. UD.MECH), unique per enterprise and site")
            Column("path", .varchar(256), "Materialised path of codes from the root (e.g. /UD/UD.MECH/) for subtree queries")
            Column("depth", .tinyint, "Depth in the tree: 0 for a root, parent's depth + 1 otherwise")
            Column("name", .nvarchar(128), "Display name shown to operators")
            Column("loss_bucket_id", .tinyint, "Loss bucket (and so OEE factor and Six Big Loss) time or quantity with this reason is booked to")
            Column("is_leaf", .bit, "1 if the code has no children; only leaves are offered for assignment")
            Column("requires_comment", .bit, "1 if an operator must add a comment when assigning this reason")
                .default("df_reason_code_requires_comment", false)
            Column("auto_only", .bit, "1 if only the system assigns this reason (e.g. UD.UNASSIGNED, MS.AUTO); hidden from operators")
                .default("df_reason_code_auto_only", false)
            Column("is_active", .bit, "1 while the code may be assigned; 0 retires it but keeps history")
                .default("df_reason_code_is_active", true)
            Column("sort_order", .smallint, "Display order among siblings (ascending)")
                .default("df_reason_code_sort_order", 0)
            PrimaryKey("pk_reason_code", "reason_code_id")
            Unique("uq_reason_code_enterprise_id_site_id_code", "enterprise_id", "site_id", "code")
            ForeignKey("fk_reason_code_enterprise", "enterprise_id", references: "ref.enterprise")
            ForeignKey("fk_reason_code_site", "site_id", references: "ref.site")
            ForeignKey("fk_reason_code_parent", "parent_id", references: "ref.reason_code", "reason_code_id")
            ForeignKey("fk_reason_code_loss_bucket", "loss_bucket_id", references: "ref.loss_bucket")
            Check("ck_reason_code_root_depth", col("parent_id").isNull && col("depth").equals(0) || col("parent_id").isNotNull && col("depth") > 0)
        }
    }

    static var stateCode: Table {
        Table("state_code", "Machine state vocabulary (RUNNING, STOPPED, STARVED, ...); ids are seeded codes shared with the connectors") {
            Column("state_code", .smallint, "Fixed state id as seeded and sent by connectors; not an identity")
            Column("name", .varchar(32), "State name in connector vocabulary (e.g. RUNNING, FAULTED), unique")
            Column("is_running", .bit, "1 if the machine produces in this state (counts as run time); 0 if it is stopped")
            Column("default_reason_code_id", .int, "Reason a stop in this state gets automatically (e.g. STARVED -> UD.STARVED); NULL = left unassigned for the operator")
                .nullable()
            PrimaryKey("pk_state_code", "state_code")
            Unique("uq_state_code_name", "name")
            ForeignKey("fk_state_code_reason_code", "default_reason_code_id", references: "ref.reason_code", "reason_code_id")
        }
    }

    static var eventType: Table {
        Table("event_type", "Machine event vocabulary (STATE_CHANGE, COUNT_GOOD, HEARTBEAT, ...); ids are seeded codes shared with the connectors") {
            Column("event_type", .smallint, "Fixed event type id as seeded and sent by connectors; not an identity")
            Column("code", .varchar(32), "Event type code (e.g. STATE_CHANGE, COUNT_REJECT), unique")
            Column("description", .nvarchar(256), "What the event means and how value_num / state_code / payload_json are used for it")
            PrimaryKey("pk_event_type", "event_type")
            Unique("uq_event_type_code", "code")
        }
    }
}
