SET IDENTITY_INSERT [ref].[enterprise] ON;
GO
MERGE INTO [ref].[enterprise] WITH (HOLDLOCK) AS t
USING (VALUES
    (1, 'DEFAULT', N'Default enterprise')
) AS s ([enterprise_id], [code], [name])
ON t.[enterprise_id] = s.[enterprise_id]
WHEN MATCHED AND EXISTS (SELECT s.[code], s.[name] EXCEPT SELECT t.[code], t.[name]) THEN
    UPDATE SET [code] = s.[code], [name] = s.[name]
WHEN NOT MATCHED BY TARGET THEN
    INSERT ([enterprise_id], [code], [name])
    VALUES (s.[enterprise_id], s.[code], s.[name]);
GO
SET IDENTITY_INSERT [ref].[enterprise] OFF;
GO
MERGE INTO [ref].[loss_bucket] WITH (HOLDLOCK) AS t
USING (VALUES
    (1, 'VALUE_ADDING', N'Value-adding run time', 'N', CAST(NULL AS tinyint), 1, 0),
    (2, 'NOT_SCHEDULED', N'Not scheduled (outside planned production time)', 'S', CAST(NULL AS tinyint), 0, 1),
    (3, 'PLANNED_DOWNTIME', N'Planned stop inside planned production time', 'A', 2, 1, 1),
    (4, 'SETUP', N'Setup and changeover', 'A', 2, 1, 1),
    (5, 'UNPLANNED_DOWNTIME', N'Unplanned stop (breakdown and the like)', 'A', 1, 1, 0),
    (6, 'MINOR_STOPPAGES', N'Idling and minor stops', 'P', 3, 1, 0),
    (7, 'REDUCED_SPEED', N'Reduced speed / slow cycles', 'P', 4, 1, 0),
    (8, 'PRODUCTION_REJECT', N'Production rejects (process defects)', 'Q', 5, 1, 0),
    (9, 'STARTUP_REJECT', N'Startup rejects (reduced yield)', 'Q', 6, 1, 0),
    (10, 'UNKNOWN', N'Not yet classified', 'N', CAST(NULL AS tinyint), 1, 0)
) AS s ([loss_bucket_id], [code], [name], [oee_factor], [six_big_loss], [in_ppt], [is_planned])
ON t.[loss_bucket_id] = s.[loss_bucket_id]
WHEN MATCHED AND EXISTS (SELECT s.[code], s.[name], s.[oee_factor], s.[six_big_loss], s.[in_ppt], s.[is_planned] EXCEPT SELECT t.[code], t.[name], t.[oee_factor], t.[six_big_loss], t.[in_ppt], t.[is_planned]) THEN
    UPDATE SET [code] = s.[code], [name] = s.[name], [oee_factor] = s.[oee_factor], [six_big_loss] = s.[six_big_loss], [in_ppt] = s.[in_ppt], [is_planned] = s.[is_planned]
WHEN NOT MATCHED BY TARGET THEN
    INSERT ([loss_bucket_id], [code], [name], [oee_factor], [six_big_loss], [in_ppt], [is_planned])
    VALUES (s.[loss_bucket_id], s.[code], s.[name], s.[oee_factor], s.[six_big_loss], s.[in_ppt], s.[is_planned]);
GO
SET IDENTITY_INSERT [ref].[reason_code] ON;
GO
MERGE INTO [ref].[reason_code] WITH (HOLDLOCK) AS t
USING (VALUES
    (1, 1, CAST(NULL AS smallint), CAST(NULL AS int), 'NS', '/NS/', 0, N'Not scheduled', 2, 0, 0, 0, 1, 10),
    (2, 1, CAST(NULL AS smallint), 1, 'NS.NO_ORDERS', '/NS/NS.NO_ORDERS/', 1, N'No orders / no demand', 2, 1, 0, 0, 1, 10),
    (3, 1, CAST(NULL AS smallint), 1, 'NS.SHUTDOWN', '/NS/NS.SHUTDOWN/', 1, N'Plant shutdown / holiday', 2, 1, 0, 0, 1, 20),
    (4, 1, CAST(NULL AS smallint), 1, 'NS.BREAK', '/NS/NS.BREAK/', 1, N'Scheduled break / meal', 2, 1, 0, 0, 1, 30),
    (5, 1, CAST(NULL AS smallint), CAST(NULL AS int), 'PD', '/PD/', 0, N'Planned downtime', 3, 0, 0, 0, 1, 20),
    (6, 1, CAST(NULL AS smallint), 5, 'PD.PM', '/PD/PD.PM/', 1, N'Preventive maintenance', 3, 1, 0, 0, 1, 10),
    (7, 1, CAST(NULL AS smallint), 5, 'PD.CLEAN', '/PD/PD.CLEAN/', 1, N'Scheduled cleaning / CIP-SIP', 3, 1, 0, 0, 1, 20),
    (8, 1, CAST(NULL AS smallint), 5, 'PD.MEETING', '/PD/PD.MEETING/', 1, N'Meeting / training on line', 3, 1, 0, 0, 1, 30),
    (9, 1, CAST(NULL AS smallint), CAST(NULL AS int), 'SU', '/SU/', 0, N'Setup & changeover', 4, 0, 0, 0, 1, 30),
    (10, 1, CAST(NULL AS smallint), 9, 'SU.CHANGEOVER', '/SU/SU.CHANGEOVER/', 1, N'Product / format changeover', 4, 1, 0, 0, 1, 10),
    (11, 1, CAST(NULL AS smallint), 9, 'SU.TOOL_CHANGE', '/SU/SU.TOOL_CHANGE/', 1, N'Tool / die / mould change', 4, 1, 0, 0, 1, 20),
    (12, 1, CAST(NULL AS smallint), 9, 'SU.WARMUP', '/SU/SU.WARMUP/', 1, N'Warm-up / start-up adjustment', 4, 1, 0, 0, 1, 30),
    (13, 1, CAST(NULL AS smallint), CAST(NULL AS int), 'UD', '/UD/', 0, N'Unplanned downtime', 5, 0, 0, 0, 1, 40),
    (14, 1, CAST(NULL AS smallint), 13, 'UD.MECH', '/UD/UD.MECH/', 1, N'Mechanical breakdown', 5, 1, 0, 0, 1, 10),
    (15, 1, CAST(NULL AS smallint), 13, 'UD.ELEC', '/UD/UD.ELEC/', 1, N'Electrical / controls fault', 5, 1, 0, 0, 1, 20),
    (16, 1, CAST(NULL AS smallint), 13, 'UD.TOOLING', '/UD/UD.TOOLING/', 1, N'Tooling failure', 5, 1, 0, 0, 1, 30),
    (17, 1, CAST(NULL AS smallint), 13, 'UD.UTILITY', '/UD/UD.UTILITY/', 1, N'Utility loss (air/power/water)', 5, 1, 0, 0, 1, 40),
    (18, 1, CAST(NULL AS smallint), 13, 'UD.MATERIAL', '/UD/UD.MATERIAL/', 1, N'Material shortage', 5, 1, 0, 0, 1, 50),
    (19, 1, CAST(NULL AS smallint), 13, 'UD.STARVED', '/UD/UD.STARVED/', 1, N'Starved by upstream', 5, 1, 0, 0, 1, 60),
    (20, 1, CAST(NULL AS smallint), 13, 'UD.BLOCKED', '/UD/UD.BLOCKED/', 1, N'Blocked by downstream', 5, 1, 0, 0, 1, 70),
    (21, 1, CAST(NULL AS smallint), 13, 'UD.NO_OPERATOR', '/UD/UD.NO_OPERATOR/', 1, N'No operator available', 5, 1, 0, 0, 1, 80),
    (22, 1, CAST(NULL AS smallint), 13, 'UD.QUALITY_HOLD', '/UD/UD.QUALITY_HOLD/', 1, N'Quality hold / awaiting QC release', 5, 1, 0, 0, 1, 90),
    (23, 1, CAST(NULL AS smallint), 13, 'UD.UNASSIGNED', '/UD/UD.UNASSIGNED/', 1, N'Stop awaiting reason', 5, 1, 0, 1, 1, 100),
    (24, 1, CAST(NULL AS smallint), CAST(NULL AS int), 'MS', '/MS/', 0, N'Minor stops', 6, 0, 0, 0, 1, 50),
    (25, 1, CAST(NULL AS smallint), 24, 'MS.JAM', '/MS/MS.JAM/', 1, N'Jam / misfeed', 6, 1, 0, 0, 1, 10),
    (26, 1, CAST(NULL AS smallint), 24, 'MS.SENSOR', '/MS/MS.SENSOR/', 1, N'Sensor blocked / false trip', 6, 1, 0, 0, 1, 20),
    (27, 1, CAST(NULL AS smallint), 24, 'MS.ADJUST', '/MS/MS.ADJUST/', 1, N'Minor adjustment / quick clean', 6, 1, 0, 0, 1, 30),
    (28, 1, CAST(NULL AS smallint), 24, 'MS.AUTO', '/MS/MS.AUTO/', 1, N'Unclassified micro-stop', 6, 1, 0, 1, 1, 40),
    (29, 1, CAST(NULL AS smallint), CAST(NULL AS int), 'RS', '/RS/', 0, N'Reduced speed', 7, 0, 0, 1, 1, 60),
    (30, 1, CAST(NULL AS smallint), 29, 'RS.SLOW', '/RS/RS.SLOW/', 1, N'Running below ideal rate', 7, 1, 0, 1, 1, 10),
    (31, 1, CAST(NULL AS smallint), CAST(NULL AS int), 'SR', '/SR/', 0, N'Startup rejects', 9, 0, 0, 0, 1, 70),
    (32, 1, CAST(NULL AS smallint), 31, 'SR.SCRAP', '/SR/SR.SCRAP/', 1, N'Start-up scrap', 9, 1, 0, 0, 1, 10),
    (33, 1, CAST(NULL AS smallint), 31, 'SR.REWORK', '/SR/SR.REWORK/', 1, N'Start-up rework', 9, 1, 0, 0, 1, 20),
    (34, 1, CAST(NULL AS smallint), CAST(NULL AS int), 'PR', '/PR/', 0, N'Production rejects', 8, 0, 0, 0, 1, 80),
    (35, 1, CAST(NULL AS smallint), 34, 'PR.SCRAP', '/PR/PR.SCRAP/', 1, N'Production scrap', 8, 1, 0, 0, 1, 10),
    (36, 1, CAST(NULL AS smallint), 34, 'PR.REWORK', '/PR/PR.REWORK/', 1, N'Rework', 8, 1, 0, 0, 1, 20)
) AS s ([reason_code_id], [enterprise_id], [site_id], [parent_id], [code], [path], [depth], [name], [loss_bucket_id], [is_leaf], [requires_comment], [auto_only], [is_active], [sort_order])
ON t.[reason_code_id] = s.[reason_code_id]
WHEN MATCHED AND EXISTS (SELECT s.[enterprise_id], s.[site_id], s.[parent_id], s.[code], s.[path], s.[depth], s.[name], s.[loss_bucket_id], s.[is_leaf], s.[requires_comment], s.[auto_only], s.[is_active], s.[sort_order] EXCEPT SELECT t.[enterprise_id], t.[site_id], t.[parent_id], t.[code], t.[path], t.[depth], t.[name], t.[loss_bucket_id], t.[is_leaf], t.[requires_comment], t.[auto_only], t.[is_active], t.[sort_order]) THEN
    UPDATE SET [enterprise_id] = s.[enterprise_id], [site_id] = s.[site_id], [parent_id] = s.[parent_id], [code] = s.[code], [path] = s.[path], [depth] = s.[depth], [name] = s.[name], [loss_bucket_id] = s.[loss_bucket_id], [is_leaf] = s.[is_leaf], [requires_comment] = s.[requires_comment], [auto_only] = s.[auto_only], [is_active] = s.[is_active], [sort_order] = s.[sort_order]
WHEN NOT MATCHED BY TARGET THEN
    INSERT ([reason_code_id], [enterprise_id], [site_id], [parent_id], [code], [path], [depth], [name], [loss_bucket_id], [is_leaf], [requires_comment], [auto_only], [is_active], [sort_order])
    VALUES (s.[reason_code_id], s.[enterprise_id], s.[site_id], s.[parent_id], s.[code], s.[path], s.[depth], s.[name], s.[loss_bucket_id], s.[is_leaf], s.[requires_comment], s.[auto_only], s.[is_active], s.[sort_order]);
GO
SET IDENTITY_INSERT [ref].[reason_code] OFF;
GO
MERGE INTO [ref].[state_code] WITH (HOLDLOCK) AS t
USING (VALUES
    (1, 'RUNNING', 1, CAST(NULL AS int)),
    (2, 'RUNNING_SLOW', 1, CAST(NULL AS int)),
    (3, 'IDLE', 0, CAST(NULL AS int)),
    (4, 'STOPPED', 0, CAST(NULL AS int)),
    (5, 'FAULTED', 0, CAST(NULL AS int)),
    (6, 'STARVED', 0, 19),
    (7, 'BLOCKED', 0, 20),
    (8, 'SETUP', 0, 10),
    (9, 'CLEANING', 0, 7),
    (10, 'MAINTENANCE', 0, 6),
    (11, 'NO_SHIFT', 0, CAST(NULL AS int)),
    (12, 'OFFLINE', 0, CAST(NULL AS int))
) AS s ([state_code], [name], [is_running], [default_reason_code_id])
ON t.[state_code] = s.[state_code]
WHEN MATCHED AND EXISTS (SELECT s.[name], s.[is_running], s.[default_reason_code_id] EXCEPT SELECT t.[name], t.[is_running], t.[default_reason_code_id]) THEN
    UPDATE SET [name] = s.[name], [is_running] = s.[is_running], [default_reason_code_id] = s.[default_reason_code_id]
WHEN NOT MATCHED BY TARGET THEN
    INSERT ([state_code], [name], [is_running], [default_reason_code_id])
    VALUES (s.[state_code], s.[name], s.[is_running], s.[default_reason_code_id]);
GO
MERGE INTO [ref].[event_type] WITH (HOLDLOCK) AS t
USING (VALUES
    (1, 'STATE_CHANGE', N'The machine entered a new state: state_code holds the new state (see ref.state_code)'),
    (2, 'COUNT_GOOD', N'Good units counted: value_num holds the increment since the previous count'),
    (3, 'COUNT_REJECT', N'Rejected units counted: value_num holds the increment; payload_json may name the reject reason'),
    (4, 'CYCLE_COMPLETE', N'A machine cycle finished: value_num holds the cycle time in seconds'),
    (5, 'ALARM_RAISED', N'An alarm became active: payload_json holds the alarm code and text'),
    (6, 'ALARM_CLEARED', N'An alarm was cleared: payload_json holds the alarm code'),
    (7, 'REASON_ASSIGNED', N'A reason was assigned to a stop: payload_json holds the downtime id, reason code and user'),
    (8, 'JOB_START', N'A job (work order) started: payload_json holds the work order, recipe and planned quantity'),
    (9, 'JOB_END', N'A job (work order) ended: payload_json holds the work order and the quantities made'),
    (10, 'RECIPE_CHANGE', N'The running recipe changed: payload_json holds the recipe code and version'),
    (11, 'SHIFT_START', N'A shift started on the machine''s line: payload_json holds the shift instance id'),
    (12, 'SHIFT_END', N'A shift ended on the machine''s line: payload_json holds the shift instance id'),
    (13, 'HEARTBEAT', N'The connector is alive and the machine reachable; no production meaning'),
    (14, 'CONNECTION_LOST', N'The connector lost contact with the machine: its state is unknown until the next STATE_CHANGE')
) AS s ([event_type], [code], [description])
ON t.[event_type] = s.[event_type]
WHEN MATCHED AND EXISTS (SELECT s.[code], s.[description] EXCEPT SELECT t.[code], t.[description]) THEN
    UPDATE SET [code] = s.[code], [description] = s.[description]
WHEN NOT MATCHED BY TARGET THEN
    INSERT ([event_type], [code], [description])
    VALUES (s.[event_type], s.[code], s.[description]);
GO
