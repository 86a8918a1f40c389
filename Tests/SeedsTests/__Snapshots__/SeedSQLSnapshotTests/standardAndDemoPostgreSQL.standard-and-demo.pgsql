INSERT INTO "ref"."enterprise" AS t ("enterprise_id", "code", "name")
OVERRIDING SYSTEM VALUE
VALUES
    (1, 'DEFAULT', 'Default enterprise'),
    (2, 'DEMO', 'Demo Beverages Inc.')
ON CONFLICT ("enterprise_id") DO UPDATE SET
    "code" = EXCLUDED."code",
    "name" = EXCLUDED."name"
WHERE (t."code", t."name") IS DISTINCT FROM (EXCLUDED."code", EXCLUDED."name");

SELECT setval(pg_get_serial_sequence('"ref"."enterprise"', 'enterprise_id'), GREATEST(COALESCE(MAX("enterprise_id"), 0) + 1, 1), false) FROM "ref"."enterprise";

INSERT INTO "ref"."site" AS t ("site_id", "enterprise_id", "code", "name", "tz_windows", "tz_iana", "business_day_start", "is_active")
OVERRIDING SYSTEM VALUE
VALUES
    (1, 2, 'DEMO-BER', 'Demo plant Berlin', 'W. Europe Standard Time', 'Europe/Berlin', '06:00:00', TRUE)
ON CONFLICT ("site_id") DO UPDATE SET
    "enterprise_id" = EXCLUDED."enterprise_id",
    "code" = EXCLUDED."code",
    "name" = EXCLUDED."name",
    "tz_windows" = EXCLUDED."tz_windows",
    "tz_iana" = EXCLUDED."tz_iana",
    "business_day_start" = EXCLUDED."business_day_start",
    "is_active" = EXCLUDED."is_active"
WHERE (t."enterprise_id", t."code", t."name", t."tz_windows", t."tz_iana", t."business_day_start", t."is_active") IS DISTINCT FROM (EXCLUDED."enterprise_id", EXCLUDED."code", EXCLUDED."name", EXCLUDED."tz_windows", EXCLUDED."tz_iana", EXCLUDED."business_day_start", EXCLUDED."is_active");

SELECT setval(pg_get_serial_sequence('"ref"."site"', 'site_id'), GREATEST(COALESCE(MAX("site_id"), 0) + 1, 1), false) FROM "ref"."site";

INSERT INTO "ref"."area" AS t ("area_id", "site_id", "code", "name")
OVERRIDING SYSTEM VALUE
VALUES
    (1, 1, 'BOTTLING', 'Bottling hall')
ON CONFLICT ("area_id") DO UPDATE SET
    "site_id" = EXCLUDED."site_id",
    "code" = EXCLUDED."code",
    "name" = EXCLUDED."name"
WHERE (t."site_id", t."code", t."name") IS DISTINCT FROM (EXCLUDED."site_id", EXCLUDED."code", EXCLUDED."name");

SELECT setval(pg_get_serial_sequence('"ref"."area"', 'area_id'), GREATEST(COALESCE(MAX("area_id"), 0) + 1, 1), false) FROM "ref"."area";

INSERT INTO "ref"."line" AS t ("line_id", "site_id", "area_id", "code", "name", "work_center_type")
OVERRIDING SYSTEM VALUE
VALUES
    (1, 1, 1, 'L1', 'Bottling line 1 (PET)', 'PRODUCTION_LINE'),
    (2, 1, 1, 'L2', 'Bottling line 2 (glass)', 'PRODUCTION_LINE')
ON CONFLICT ("line_id") DO UPDATE SET
    "site_id" = EXCLUDED."site_id",
    "area_id" = EXCLUDED."area_id",
    "code" = EXCLUDED."code",
    "name" = EXCLUDED."name",
    "work_center_type" = EXCLUDED."work_center_type"
WHERE (t."site_id", t."area_id", t."code", t."name", t."work_center_type") IS DISTINCT FROM (EXCLUDED."site_id", EXCLUDED."area_id", EXCLUDED."code", EXCLUDED."name", EXCLUDED."work_center_type");

SELECT setval(pg_get_serial_sequence('"ref"."line"', 'line_id'), GREATEST(COALESCE(MAX("line_id"), 0) + 1, 1), false) FROM "ref"."line";

INSERT INTO "ref"."machine" AS t ("machine_id", "site_id", "line_id", "code", "name", "machine_class", "is_bottleneck", "microstop_threshold_s", "source_uri", "is_active")
OVERRIDING SYSTEM VALUE
VALUES
    (1, 1, 1, 'L1-FILLER', 'Line 1 filler', 'FILLER', TRUE, 120, 'opc.tcp://plc-l1.demo.local:4840/ns=2;s=L1.FILLER', TRUE),
    (2, 1, 1, 'L1-CAPPER', 'Line 1 capper', 'CAPPER', FALSE, 120, 'opc.tcp://plc-l1.demo.local:4840/ns=2;s=L1.CAPPER', TRUE),
    (3, 1, 1, 'L1-LABELER', 'Line 1 labeler', 'LABELER', FALSE, 60, NULL, TRUE),
    (4, 1, 2, 'L2-FILLER', 'Line 2 filler', 'FILLER', TRUE, 120, 'opc.tcp://plc-l2.demo.local:4840/ns=2;s=L2.FILLER', TRUE),
    (5, 1, 2, 'L2-CAPPER', 'Line 2 capper', 'CAPPER', FALSE, 120, 'opc.tcp://plc-l2.demo.local:4840/ns=2;s=L2.CAPPER', TRUE),
    (6, 1, 2, 'L2-LABELER', 'Line 2 labeler', 'LABELER', FALSE, 60, NULL, TRUE)
ON CONFLICT ("machine_id") DO UPDATE SET
    "site_id" = EXCLUDED."site_id",
    "line_id" = EXCLUDED."line_id",
    "code" = EXCLUDED."code",
    "name" = EXCLUDED."name",
    "machine_class" = EXCLUDED."machine_class",
    "is_bottleneck" = EXCLUDED."is_bottleneck",
    "microstop_threshold_s" = EXCLUDED."microstop_threshold_s",
    "source_uri" = EXCLUDED."source_uri",
    "is_active" = EXCLUDED."is_active"
WHERE (t."site_id", t."line_id", t."code", t."name", t."machine_class", t."is_bottleneck", t."microstop_threshold_s", t."source_uri", t."is_active") IS DISTINCT FROM (EXCLUDED."site_id", EXCLUDED."line_id", EXCLUDED."code", EXCLUDED."name", EXCLUDED."machine_class", EXCLUDED."is_bottleneck", EXCLUDED."microstop_threshold_s", EXCLUDED."source_uri", EXCLUDED."is_active");

SELECT setval(pg_get_serial_sequence('"ref"."machine"', 'machine_id'), GREATEST(COALESCE(MAX("machine_id"), 0) + 1, 1), false) FROM "ref"."machine";

INSERT INTO "ref"."product" AS t ("product_id", "enterprise_id", "sku", "name", "uom")
OVERRIDING SYSTEM VALUE
VALUES
    (1, 2, 'SKU-1001', 'Sparkling water 0.5 l PET', 'EA'),
    (2, 2, 'SKU-1002', 'Still water 1.5 l PET', 'EA'),
    (3, 2, 'SKU-2001', 'Lemonade 0.33 l glass', 'EA')
ON CONFLICT ("product_id") DO UPDATE SET
    "enterprise_id" = EXCLUDED."enterprise_id",
    "sku" = EXCLUDED."sku",
    "name" = EXCLUDED."name",
    "uom" = EXCLUDED."uom"
WHERE (t."enterprise_id", t."sku", t."name", t."uom") IS DISTINCT FROM (EXCLUDED."enterprise_id", EXCLUDED."sku", EXCLUDED."name", EXCLUDED."uom");

SELECT setval(pg_get_serial_sequence('"ref"."product"', 'product_id'), GREATEST(COALESCE(MAX("product_id"), 0) + 1, 1), false) FROM "ref"."product";

INSERT INTO "ref"."recipe" AS t ("recipe_id", "product_id", "code", "version")
OVERRIDING SYSTEM VALUE
VALUES
    (1, 1, 'PET-050', 1),
    (2, 2, 'PET-150', 1),
    (3, 3, 'GL-033', 1),
    (4, 3, 'GL-033', 2)
ON CONFLICT ("recipe_id") DO UPDATE SET
    "product_id" = EXCLUDED."product_id",
    "code" = EXCLUDED."code",
    "version" = EXCLUDED."version"
WHERE (t."product_id", t."code", t."version") IS DISTINCT FROM (EXCLUDED."product_id", EXCLUDED."code", EXCLUDED."version");

SELECT setval(pg_get_serial_sequence('"ref"."recipe"', 'recipe_id'), GREATEST(COALESCE(MAX("recipe_id"), 0) + 1, 1), false) FROM "ref"."recipe";

INSERT INTO "ref"."machine_recipe_standard" AS t ("machine_id", "recipe_id", "valid_from_utc", "site_id", "valid_to_utc", "ideal_cycle_time_s", "units_per_cycle", "target_oee")
VALUES
    (1, 1, '2024-01-01 00:00:00', 1, NULL, 2.4000, 24, 0.8500),
    (1, 2, '2024-01-01 00:00:00', 1, NULL, 3.6000, 24, 0.8000),
    (2, 1, '2024-01-01 00:00:00', 1, NULL, 0.1000, 1, 0.8500),
    (2, 2, '2024-01-01 00:00:00', 1, NULL, 0.1500, 1, 0.8000),
    (3, 1, '2024-01-01 00:00:00', 1, NULL, 0.1000, 1, 0.8500),
    (3, 2, '2024-01-01 00:00:00', 1, NULL, 0.1500, 1, 0.8000),
    (4, 3, '2024-01-01 00:00:00', 1, '2024-07-01 00:00:00', 1.6000, 16, 0.8000),
    (4, 4, '2024-07-01 00:00:00', 1, NULL, 1.4400, 16, NULL),
    (5, 3, '2024-01-01 00:00:00', 1, '2024-07-01 00:00:00', 0.0900, 1, 0.8000),
    (5, 4, '2024-07-01 00:00:00', 1, NULL, 0.0800, 1, NULL),
    (6, 3, '2024-01-01 00:00:00', 1, '2024-07-01 00:00:00', 0.0900, 1, 0.8000),
    (6, 4, '2024-07-01 00:00:00', 1, NULL, 0.0800, 1, NULL)
ON CONFLICT ("machine_id", "recipe_id", "valid_from_utc") DO UPDATE SET
    "site_id" = EXCLUDED."site_id",
    "valid_to_utc" = EXCLUDED."valid_to_utc",
    "ideal_cycle_time_s" = EXCLUDED."ideal_cycle_time_s",
    "units_per_cycle" = EXCLUDED."units_per_cycle",
    "target_oee" = EXCLUDED."target_oee"
WHERE (t."site_id", t."valid_to_utc", t."ideal_cycle_time_s", t."units_per_cycle", t."target_oee") IS DISTINCT FROM (EXCLUDED."site_id", EXCLUDED."valid_to_utc", EXCLUDED."ideal_cycle_time_s", EXCLUDED."units_per_cycle", EXCLUDED."target_oee");

INSERT INTO "ref"."shift_pattern" AS t ("shift_pattern_id", "site_id", "name", "cycle_days")
OVERRIDING SYSTEM VALUE
VALUES
    (1, 1, '3x8 Monday to Friday', 7)
ON CONFLICT ("shift_pattern_id") DO UPDATE SET
    "site_id" = EXCLUDED."site_id",
    "name" = EXCLUDED."name",
    "cycle_days" = EXCLUDED."cycle_days"
WHERE (t."site_id", t."name", t."cycle_days") IS DISTINCT FROM (EXCLUDED."site_id", EXCLUDED."name", EXCLUDED."cycle_days");

SELECT setval(pg_get_serial_sequence('"ref"."shift_pattern"', 'shift_pattern_id'), GREATEST(COALESCE(MAX("shift_pattern_id"), 0) + 1, 1), false) FROM "ref"."shift_pattern";

INSERT INTO "ref"."shift_definition" AS t ("shift_def_id", "site_id", "shift_pattern_id", "code", "day_of_cycle", "start_local", "duration_min")
OVERRIDING SYSTEM VALUE
VALUES
    (1, 1, 1, 'A', 1, '06:00:00', 480),
    (2, 1, 1, 'B', 1, '14:00:00', 480),
    (3, 1, 1, 'C', 1, '22:00:00', 480),
    (4, 1, 1, 'A', 2, '06:00:00', 480),
    (5, 1, 1, 'B', 2, '14:00:00', 480),
    (6, 1, 1, 'C', 2, '22:00:00', 480),
    (7, 1, 1, 'A', 3, '06:00:00', 480),
    (8, 1, 1, 'B', 3, '14:00:00', 480),
    (9, 1, 1, 'C', 3, '22:00:00', 480),
    (10, 1, 1, 'A', 4, '06:00:00', 480),
    (11, 1, 1, 'B', 4, '14:00:00', 480),
    (12, 1, 1, 'C', 4, '22:00:00', 480),
    (13, 1, 1, 'A', 5, '06:00:00', 480),
    (14, 1, 1, 'B', 5, '14:00:00', 480),
    (15, 1, 1, 'C', 5, '22:00:00', 480)
ON CONFLICT ("shift_def_id") DO UPDATE SET
    "site_id" = EXCLUDED."site_id",
    "shift_pattern_id" = EXCLUDED."shift_pattern_id",
    "code" = EXCLUDED."code",
    "day_of_cycle" = EXCLUDED."day_of_cycle",
    "start_local" = EXCLUDED."start_local",
    "duration_min" = EXCLUDED."duration_min"
WHERE (t."site_id", t."shift_pattern_id", t."code", t."day_of_cycle", t."start_local", t."duration_min") IS DISTINCT FROM (EXCLUDED."site_id", EXCLUDED."shift_pattern_id", EXCLUDED."code", EXCLUDED."day_of_cycle", EXCLUDED."start_local", EXCLUDED."duration_min");

SELECT setval(pg_get_serial_sequence('"ref"."shift_definition"', 'shift_def_id'), GREATEST(COALESCE(MAX("shift_def_id"), 0) + 1, 1), false) FROM "ref"."shift_definition";

INSERT INTO "ref"."loss_bucket" AS t ("loss_bucket_id", "code", "name", "oee_factor", "six_big_loss", "in_ppt", "is_planned")
VALUES
    (1, 'VALUE_ADDING', 'Value-adding run time', 'N', NULL, TRUE, FALSE),
    (2, 'NOT_SCHEDULED', 'Not scheduled (outside planned production time)', 'S', NULL, FALSE, TRUE),
    (3, 'PLANNED_DOWNTIME', 'Planned stop inside planned production time', 'A', 2, TRUE, TRUE),
    (4, 'SETUP', 'Setup and changeover', 'A', 2, TRUE, TRUE),
    (5, 'UNPLANNED_DOWNTIME', 'Unplanned stop (breakdown and the like)', 'A', 1, TRUE, FALSE),
    (6, 'MINOR_STOPPAGES', 'Idling and minor stops', 'P', 3, TRUE, FALSE),
    (7, 'REDUCED_SPEED', 'Reduced speed / slow cycles', 'P', 4, TRUE, FALSE),
    (8, 'PRODUCTION_REJECT', 'Production rejects (process defects)', 'Q', 5, TRUE, FALSE),
    (9, 'STARTUP_REJECT', 'Startup rejects (reduced yield)', 'Q', 6, TRUE, FALSE),
    (10, 'UNKNOWN', 'Not yet classified', 'N', NULL, TRUE, FALSE)
ON CONFLICT ("loss_bucket_id") DO UPDATE SET
    "code" = EXCLUDED."code",
    "name" = EXCLUDED."name",
    "oee_factor" = EXCLUDED."oee_factor",
    "six_big_loss" = EXCLUDED."six_big_loss",
    "in_ppt" = EXCLUDED."in_ppt",
    "is_planned" = EXCLUDED."is_planned"
WHERE (t."code", t."name", t."oee_factor", t."six_big_loss", t."in_ppt", t."is_planned") IS DISTINCT FROM (EXCLUDED."code", EXCLUDED."name", EXCLUDED."oee_factor", EXCLUDED."six_big_loss", EXCLUDED."in_ppt", EXCLUDED."is_planned");

INSERT INTO "ref"."reason_code" AS t ("reason_code_id", "enterprise_id", "site_id", "parent_id", "code", "path", "depth", "name", "loss_bucket_id", "is_leaf", "requires_comment", "auto_only", "is_active", "sort_order")
OVERRIDING SYSTEM VALUE
VALUES
    (1, 1, NULL, NULL, 'NS', '/NS/', 0, 'Not scheduled', 2, FALSE, FALSE, FALSE, TRUE, 10),
    (2, 1, NULL, 1, 'NS.NO_ORDERS', '/NS/NS.NO_ORDERS/', 1, 'No orders / no demand', 2, TRUE, FALSE, FALSE, TRUE, 10),
    (3, 1, NULL, 1, 'NS.SHUTDOWN', '/NS/NS.SHUTDOWN/', 1, 'Plant shutdown / holiday', 2, TRUE, FALSE, FALSE, TRUE, 20),
    (4, 1, NULL, 1, 'NS.BREAK', '/NS/NS.BREAK/', 1, 'Scheduled break / meal', 2, TRUE, FALSE, FALSE, TRUE, 30),
    (5, 1, NULL, NULL, 'PD', '/PD/', 0, 'Planned downtime', 3, FALSE, FALSE, FALSE, TRUE, 20),
    (6, 1, NULL, 5, 'PD.PM', '/PD/PD.PM/', 1, 'Preventive maintenance', 3, TRUE, FALSE, FALSE, TRUE, 10),
    (7, 1, NULL, 5, 'PD.CLEAN', '/PD/PD.CLEAN/', 1, 'Scheduled cleaning / CIP-SIP', 3, TRUE, FALSE, FALSE, TRUE, 20),
    (8, 1, NULL, 5, 'PD.MEETING', '/PD/PD.MEETING/', 1, 'Meeting / training on line', 3, TRUE, FALSE, FALSE, TRUE, 30),
    (9, 1, NULL, NULL, 'SU', '/SU/', 0, 'Setup & changeover', 4, FALSE, FALSE, FALSE, TRUE, 30),
    (10, 1, NULL, 9, 'SU.CHANGEOVER', '/SU/SU.CHANGEOVER/', 1, 'Product / format changeover', 4, TRUE, FALSE, FALSE, TRUE, 10),
    (11, 1, NULL, 9, 'SU.TOOL_CHANGE', '/SU/SU.TOOL_CHANGE/', 1, 'Tool / die / mould change', 4, TRUE, FALSE, FALSE, TRUE, 20),
    (12, 1, NULL, 9, 'SU.WARMUP', '/SU/SU.WARMUP/', 1, 'Warm-up / start-up adjustment', 4, TRUE, FALSE, FALSE, TRUE, 30),
    (13, 1, NULL, NULL, 'UD', '/UD/', 0, 'Unplanned downtime', 5, FALSE, FALSE, FALSE, TRUE, 40),
    (14, 1, NULL, 13, 'UD.MECH', '/UD/UD.MECH/', 1, 'Mechanical breakdown', 5, TRUE, FALSE, FALSE, TRUE, 10),
    (15, 1, NULL, 13, 'UD.ELEC', '/UD/UD.ELEC/', 1, 'Electrical / controls fault', 5, TRUE, FALSE, FALSE, TRUE, 20),
    (16, 1, NULL, 13, 'UD.TOOLING', '/UD/UD.TOOLING/', 1, 'Tooling failure', 5, TRUE, FALSE, FALSE, TRUE, 30),
    (17, 1, NULL, 13, 'UD.UTILITY', '/UD/UD.UTILITY/', 1, 'Utility loss (air/power/water)', 5, TRUE, FALSE, FALSE, TRUE, 40),
    (18, 1, NULL, 13, 'UD.MATERIAL', '/UD/UD.MATERIAL/', 1, 'Material shortage', 5, TRUE, FALSE, FALSE, TRUE, 50),
    (19, 1, NULL, 13, 'UD.STARVED', '/UD/UD.STARVED/', 1, 'Starved by upstream', 5, TRUE, FALSE, FALSE, TRUE, 60),
    (20, 1, NULL, 13, 'UD.BLOCKED', '/UD/UD.BLOCKED/', 1, 'Blocked by downstream', 5, TRUE, FALSE, FALSE, TRUE, 70),
    (21, 1, NULL, 13, 'UD.NO_OPERATOR', '/UD/UD.NO_OPERATOR/', 1, 'No operator available', 5, TRUE, FALSE, FALSE, TRUE, 80),
    (22, 1, NULL, 13, 'UD.QUALITY_HOLD', '/UD/UD.QUALITY_HOLD/', 1, 'Quality hold / awaiting QC release', 5, TRUE, FALSE, FALSE, TRUE, 90),
    (23, 1, NULL, 13, 'UD.UNASSIGNED', '/UD/UD.UNASSIGNED/', 1, 'Stop awaiting reason', 5, TRUE, FALSE, TRUE, TRUE, 100),
    (24, 1, NULL, NULL, 'MS', '/MS/', 0, 'Minor stops', 6, FALSE, FALSE, FALSE, TRUE, 50),
    (25, 1, NULL, 24, 'MS.JAM', '/MS/MS.JAM/', 1, 'Jam / misfeed', 6, TRUE, FALSE, FALSE, TRUE, 10),
    (26, 1, NULL, 24, 'MS.SENSOR', '/MS/MS.SENSOR/', 1, 'Sensor blocked / false trip', 6, TRUE, FALSE, FALSE, TRUE, 20),
    (27, 1, NULL, 24, 'MS.ADJUST', '/MS/MS.ADJUST/', 1, 'Minor adjustment / quick clean', 6, TRUE, FALSE, FALSE, TRUE, 30),
    (28, 1, NULL, 24, 'MS.AUTO', '/MS/MS.AUTO/', 1, 'Unclassified micro-stop', 6, TRUE, FALSE, TRUE, TRUE, 40),
    (29, 1, NULL, NULL, 'RS', '/RS/', 0, 'Reduced speed', 7, FALSE, FALSE, TRUE, TRUE, 60),
    (30, 1, NULL, 29, 'RS.SLOW', '/RS/RS.SLOW/', 1, 'Running below ideal rate', 7, TRUE, FALSE, TRUE, TRUE, 10),
    (31, 1, NULL, NULL, 'SR', '/SR/', 0, 'Startup rejects', 9, FALSE, FALSE, FALSE, TRUE, 70),
    (32, 1, NULL, 31, 'SR.SCRAP', '/SR/SR.SCRAP/', 1, 'Start-up scrap', 9, TRUE, FALSE, FALSE, TRUE, 10),
    (33, 1, NULL, 31, 'SR.REWORK', '/SR/SR.REWORK/', 1, 'Start-up rework', 9, TRUE, FALSE, FALSE, TRUE, 20),
    (34, 1, NULL, NULL, 'PR', '/PR/', 0, 'Production rejects', 8, FALSE, FALSE, FALSE, TRUE, 80),
    (35, 1, NULL, 34, 'PR.SCRAP', '/PR/PR.SCRAP/', 1, 'Production scrap', 8, TRUE, FALSE, FALSE, TRUE, 10),
    (36, 1, NULL, 34, 'PR.REWORK', '/PR/PR.REWORK/', 1, 'Rework', 8, TRUE, FALSE, FALSE, TRUE, 20)
ON CONFLICT ("reason_code_id") DO UPDATE SET
    "enterprise_id" = EXCLUDED."enterprise_id",
    "site_id" = EXCLUDED."site_id",
    "parent_id" = EXCLUDED."parent_id",
    "code" = EXCLUDED."code",
    "path" = EXCLUDED."path",
    "depth" = EXCLUDED."depth",
    "name" = EXCLUDED."name",
    "loss_bucket_id" = EXCLUDED."loss_bucket_id",
    "is_leaf" = EXCLUDED."is_leaf",
    "requires_comment" = EXCLUDED."requires_comment",
    "auto_only" = EXCLUDED."auto_only",
    "is_active" = EXCLUDED."is_active",
    "sort_order" = EXCLUDED."sort_order"
WHERE (t."enterprise_id", t."site_id", t."parent_id", t."code", t."path", t."depth", t."name", t."loss_bucket_id", t."is_leaf", t."requires_comment", t."auto_only", t."is_active", t."sort_order") IS DISTINCT FROM (EXCLUDED."enterprise_id", EXCLUDED."site_id", EXCLUDED."parent_id", EXCLUDED."code", EXCLUDED."path", EXCLUDED."depth", EXCLUDED."name", EXCLUDED."loss_bucket_id", EXCLUDED."is_leaf", EXCLUDED."requires_comment", EXCLUDED."auto_only", EXCLUDED."is_active", EXCLUDED."sort_order");

SELECT setval(pg_get_serial_sequence('"ref"."reason_code"', 'reason_code_id'), GREATEST(COALESCE(MAX("reason_code_id"), 0) + 1, 1), false) FROM "ref"."reason_code";

INSERT INTO "ref"."shift_break" AS t ("shift_def_id", "offset_min", "site_id", "duration_min", "reason_code_id")
VALUES
    (1, 240, 1, 30, 4),
    (2, 240, 1, 30, 4),
    (3, 240, 1, 30, 4),
    (4, 240, 1, 30, 4),
    (5, 240, 1, 30, 4),
    (6, 240, 1, 30, 4),
    (7, 240, 1, 30, 4),
    (8, 240, 1, 30, 4),
    (9, 240, 1, 30, 4),
    (10, 240, 1, 30, 4),
    (11, 240, 1, 30, 4),
    (12, 240, 1, 30, 4),
    (13, 240, 1, 30, 4),
    (14, 240, 1, 30, 4),
    (15, 240, 1, 30, 4)
ON CONFLICT ("shift_def_id", "offset_min") DO UPDATE SET
    "site_id" = EXCLUDED."site_id",
    "duration_min" = EXCLUDED."duration_min",
    "reason_code_id" = EXCLUDED."reason_code_id"
WHERE (t."site_id", t."duration_min", t."reason_code_id") IS DISTINCT FROM (EXCLUDED."site_id", EXCLUDED."duration_min", EXCLUDED."reason_code_id");

INSERT INTO "ref"."state_code" AS t ("state_code", "name", "is_running", "default_reason_code_id")
VALUES
    (1, 'RUNNING', TRUE, NULL),
    (2, 'RUNNING_SLOW', TRUE, NULL),
    (3, 'IDLE', FALSE, NULL),
    (4, 'STOPPED', FALSE, NULL),
    (5, 'FAULTED', FALSE, NULL),
    (6, 'STARVED', FALSE, 19),
    (7, 'BLOCKED', FALSE, 20),
    (8, 'SETUP', FALSE, 10),
    (9, 'CLEANING', FALSE, 7),
    (10, 'MAINTENANCE', FALSE, 6),
    (11, 'NO_SHIFT', FALSE, NULL),
    (12, 'OFFLINE', FALSE, NULL)
ON CONFLICT ("state_code") DO UPDATE SET
    "name" = EXCLUDED."name",
    "is_running" = EXCLUDED."is_running",
    "default_reason_code_id" = EXCLUDED."default_reason_code_id"
WHERE (t."name", t."is_running", t."default_reason_code_id") IS DISTINCT FROM (EXCLUDED."name", EXCLUDED."is_running", EXCLUDED."default_reason_code_id");

INSERT INTO "ref"."event_type" AS t ("event_type", "code", "description")
VALUES
    (1, 'STATE_CHANGE', 'The machine entered a new state: state_code holds the new state (see ref.state_code)'),
    (2, 'COUNT_GOOD', 'Good units counted: value_num holds the increment since the previous count'),
    (3, 'COUNT_REJECT', 'Rejected units counted: value_num holds the increment; payload_json may name the reject reason'),
    (4, 'CYCLE_COMPLETE', 'A machine cycle finished: value_num holds the cycle time in seconds'),
    (5, 'ALARM_RAISED', 'An alarm became active: payload_json holds the alarm code and text'),
    (6, 'ALARM_CLEARED', 'An alarm was cleared: payload_json holds the alarm code'),
    (7, 'REASON_ASSIGNED', 'A reason was assigned to a stop: payload_json holds the downtime id, reason code and user'),
    (8, 'JOB_START', 'A job (work order) started: payload_json holds the work order, recipe and planned quantity'),
    (9, 'JOB_END', 'A job (work order) ended: payload_json holds the work order and the quantities made'),
    (10, 'RECIPE_CHANGE', 'The running recipe changed: payload_json holds the recipe code and version'),
    (11, 'SHIFT_START', 'A shift started on the machine''s line: payload_json holds the shift instance id'),
    (12, 'SHIFT_END', 'A shift ended on the machine''s line: payload_json holds the shift instance id'),
    (13, 'HEARTBEAT', 'The connector is alive and the machine reachable; no production meaning'),
    (14, 'CONNECTION_LOST', 'The connector lost contact with the machine: its state is unknown until the next STATE_CHANGE')
ON CONFLICT ("event_type") DO UPDATE SET
    "code" = EXCLUDED."code",
    "description" = EXCLUDED."description"
WHERE (t."code", t."description") IS DISTINCT FROM (EXCLUDED."code", EXCLUDED."description");
