SET IDENTITY_INSERT [ref].[enterprise] ON;
GO
MERGE INTO [ref].[enterprise] WITH (HOLDLOCK) AS t
USING (VALUES
    (2, 'DEMO', N'Demo Beverages Inc.')
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
SET IDENTITY_INSERT [ref].[site] ON;
GO
MERGE INTO [ref].[site] WITH (HOLDLOCK) AS t
USING (VALUES
    (1, 2, 'DEMO-BER', N'Demo plant Berlin', 'W. Europe Standard Time', 'Europe/Berlin', CAST('06:00:00' AS time(0)), 1)
) AS s ([site_id], [enterprise_id], [code], [name], [tz_windows], [tz_iana], [business_day_start], [is_active])
ON t.[site_id] = s.[site_id]
WHEN MATCHED AND EXISTS (SELECT s.[enterprise_id], s.[code], s.[name], s.[tz_windows], s.[tz_iana], s.[business_day_start], s.[is_active] EXCEPT SELECT t.[enterprise_id], t.[code], t.[name], t.[tz_windows], t.[tz_iana], t.[business_day_start], t.[is_active]) THEN
    UPDATE SET [enterprise_id] = s.[enterprise_id], [code] = s.[code], [name] = s.[name], [tz_windows] = s.[tz_windows], [tz_iana] = s.[tz_iana], [business_day_start] = s.[business_day_start], [is_active] = s.[is_active]
WHEN NOT MATCHED BY TARGET THEN
    INSERT ([site_id], [enterprise_id], [code], [name], [tz_windows], [tz_iana], [business_day_start], [is_active])
    VALUES (s.[site_id], s.[enterprise_id], s.[code], s.[name], s.[tz_windows], s.[tz_iana], s.[business_day_start], s.[is_active]);
GO
SET IDENTITY_INSERT [ref].[site] OFF;
GO
SET IDENTITY_INSERT [ref].[area] ON;
GO
MERGE INTO [ref].[area] WITH (HOLDLOCK) AS t
USING (VALUES
    (1, 1, 'BOTTLING', N'Bottling hall')
) AS s ([area_id], [site_id], [code], [name])
ON t.[area_id] = s.[area_id]
WHEN MATCHED AND EXISTS (SELECT s.[site_id], s.[code], s.[name] EXCEPT SELECT t.[site_id], t.[code], t.[name]) THEN
    UPDATE SET [site_id] = s.[site_id], [code] = s.[code], [name] = s.[name]
WHEN NOT MATCHED BY TARGET THEN
    INSERT ([area_id], [site_id], [code], [name])
    VALUES (s.[area_id], s.[site_id], s.[code], s.[name]);
GO
SET IDENTITY_INSERT [ref].[area] OFF;
GO
SET IDENTITY_INSERT [ref].[line] ON;
GO
MERGE INTO [ref].[line] WITH (HOLDLOCK) AS t
USING (VALUES
    (1, 1, 1, 'L1', N'Bottling line 1 (PET)', 'PRODUCTION_LINE'),
    (2, 1, 1, 'L2', N'Bottling line 2 (glass)', 'PRODUCTION_LINE')
) AS s ([line_id], [site_id], [area_id], [code], [name], [work_center_type])
ON t.[line_id] = s.[line_id]
WHEN MATCHED AND EXISTS (SELECT s.[site_id], s.[area_id], s.[code], s.[name], s.[work_center_type] EXCEPT SELECT t.[site_id], t.[area_id], t.[code], t.[name], t.[work_center_type]) THEN
    UPDATE SET [site_id] = s.[site_id], [area_id] = s.[area_id], [code] = s.[code], [name] = s.[name], [work_center_type] = s.[work_center_type]
WHEN NOT MATCHED BY TARGET THEN
    INSERT ([line_id], [site_id], [area_id], [code], [name], [work_center_type])
    VALUES (s.[line_id], s.[site_id], s.[area_id], s.[code], s.[name], s.[work_center_type]);
GO
SET IDENTITY_INSERT [ref].[line] OFF;
GO
SET IDENTITY_INSERT [ref].[machine] ON;
GO
MERGE INTO [ref].[machine] WITH (HOLDLOCK) AS t
USING (VALUES
    (1, 1, 1, 'L1-FILLER', N'Line 1 filler', 'FILLER', 1, 120, N'opc.tcp://plc-l1.demo.local:4840/ns=2;s=L1.FILLER', 1),
    (2, 1, 1, 'L1-CAPPER', N'Line 1 capper', 'CAPPER', 0, 120, N'opc.tcp://plc-l1.demo.local:4840/ns=2;s=L1.CAPPER', 1),
    (3, 1, 1, 'L1-LABELER', N'Line 1 labeler', 'LABELER', 0, 60, CAST(NULL AS nvarchar(256)), 1),
    (4, 1, 2, 'L2-FILLER', N'Line 2 filler', 'FILLER', 1, 120, N'opc.tcp://plc-l2.demo.local:4840/ns=2;s=L2.FILLER', 1),
    (5, 1, 2, 'L2-CAPPER', N'Line 2 capper', 'CAPPER', 0, 120, N'opc.tcp://plc-l2.demo.local:4840/ns=2;s=L2.CAPPER', 1),
    (6, 1, 2, 'L2-LABELER', N'Line 2 labeler', 'LABELER', 0, 60, CAST(NULL AS nvarchar(256)), 1)
) AS s ([machine_id], [site_id], [line_id], [code], [name], [machine_class], [is_bottleneck], [microstop_threshold_s], [source_uri], [is_active])
ON t.[machine_id] = s.[machine_id]
WHEN MATCHED AND EXISTS (SELECT s.[site_id], s.[line_id], s.[code], s.[name], s.[machine_class], s.[is_bottleneck], s.[microstop_threshold_s], s.[source_uri], s.[is_active] EXCEPT SELECT t.[site_id], t.[line_id], t.[code], t.[name], t.[machine_class], t.[is_bottleneck], t.[microstop_threshold_s], t.[source_uri], t.[is_active]) THEN
    UPDATE SET [site_id] = s.[site_id], [line_id] = s.[line_id], [code] = s.[code], [name] = s.[name], [machine_class] = s.[machine_class], [is_bottleneck] = s.[is_bottleneck], [microstop_threshold_s] = s.[microstop_threshold_s], [source_uri] = s.[source_uri], [is_active] = s.[is_active]
WHEN NOT MATCHED BY TARGET THEN
    INSERT ([machine_id], [site_id], [line_id], [code], [name], [machine_class], [is_bottleneck], [microstop_threshold_s], [source_uri], [is_active])
    VALUES (s.[machine_id], s.[site_id], s.[line_id], s.[code], s.[name], s.[machine_class], s.[is_bottleneck], s.[microstop_threshold_s], s.[source_uri], s.[is_active]);
GO
SET IDENTITY_INSERT [ref].[machine] OFF;
GO
SET IDENTITY_INSERT [ref].[product] ON;
GO
MERGE INTO [ref].[product] WITH (HOLDLOCK) AS t
USING (VALUES
    (1, 2, 'SKU-1001', N'Sparkling water 0.5 l PET', 'EA'),
    (2, 2, 'SKU-1002', N'Still water 1.5 l PET', 'EA'),
    (3, 2, 'SKU-2001', N'Lemonade 0.33 l glass', 'EA')
) AS s ([product_id], [enterprise_id], [sku], [name], [uom])
ON t.[product_id] = s.[product_id]
WHEN MATCHED AND EXISTS (SELECT s.[enterprise_id], s.[sku], s.[name], s.[uom] EXCEPT SELECT t.[enterprise_id], t.[sku], t.[name], t.[uom]) THEN
    UPDATE SET [enterprise_id] = s.[enterprise_id], [sku] = s.[sku], [name] = s.[name], [uom] = s.[uom]
WHEN NOT MATCHED BY TARGET THEN
    INSERT ([product_id], [enterprise_id], [sku], [name], [uom])
    VALUES (s.[product_id], s.[enterprise_id], s.[sku], s.[name], s.[uom]);
GO
SET IDENTITY_INSERT [ref].[product] OFF;
GO
SET IDENTITY_INSERT [ref].[recipe] ON;
GO
MERGE INTO [ref].[recipe] WITH (HOLDLOCK) AS t
USING (VALUES
    (1, 1, 'PET-050', 1),
    (2, 2, 'PET-150', 1),
    (3, 3, 'GL-033', 1),
    (4, 3, 'GL-033', 2)
) AS s ([recipe_id], [product_id], [code], [version])
ON t.[recipe_id] = s.[recipe_id]
WHEN MATCHED AND EXISTS (SELECT s.[product_id], s.[code], s.[version] EXCEPT SELECT t.[product_id], t.[code], t.[version]) THEN
    UPDATE SET [product_id] = s.[product_id], [code] = s.[code], [version] = s.[version]
WHEN NOT MATCHED BY TARGET THEN
    INSERT ([recipe_id], [product_id], [code], [version])
    VALUES (s.[recipe_id], s.[product_id], s.[code], s.[version]);
GO
SET IDENTITY_INSERT [ref].[recipe] OFF;
GO
MERGE INTO [ref].[machine_recipe_standard] WITH (HOLDLOCK) AS t
USING (VALUES
    (1, 1, CAST('2024-01-01T00:00:00' AS datetime2(0)), 1, CAST(NULL AS datetime2(0)), 2.4000, 24, 0.8500),
    (1, 2, CAST('2024-01-01T00:00:00' AS datetime2(0)), 1, CAST(NULL AS datetime2(0)), 3.6000, 24, 0.8000),
    (2, 1, CAST('2024-01-01T00:00:00' AS datetime2(0)), 1, CAST(NULL AS datetime2(0)), 0.1000, 1, 0.8500),
    (2, 2, CAST('2024-01-01T00:00:00' AS datetime2(0)), 1, CAST(NULL AS datetime2(0)), 0.1500, 1, 0.8000),
    (3, 1, CAST('2024-01-01T00:00:00' AS datetime2(0)), 1, CAST(NULL AS datetime2(0)), 0.1000, 1, 0.8500),
    (3, 2, CAST('2024-01-01T00:00:00' AS datetime2(0)), 1, CAST(NULL AS datetime2(0)), 0.1500, 1, 0.8000),
    (4, 3, CAST('2024-01-01T00:00:00' AS datetime2(0)), 1, CAST('2024-07-01T00:00:00' AS datetime2(0)), 1.6000, 16, 0.8000),
    (4, 4, CAST('2024-07-01T00:00:00' AS datetime2(0)), 1, CAST(NULL AS datetime2(0)), 1.4400, 16, CAST(NULL AS decimal(5,4))),
    (5, 3, CAST('2024-01-01T00:00:00' AS datetime2(0)), 1, CAST('2024-07-01T00:00:00' AS datetime2(0)), 0.0900, 1, 0.8000),
    (5, 4, CAST('2024-07-01T00:00:00' AS datetime2(0)), 1, CAST(NULL AS datetime2(0)), 0.0800, 1, CAST(NULL AS decimal(5,4))),
    (6, 3, CAST('2024-01-01T00:00:00' AS datetime2(0)), 1, CAST('2024-07-01T00:00:00' AS datetime2(0)), 0.0900, 1, 0.8000),
    (6, 4, CAST('2024-07-01T00:00:00' AS datetime2(0)), 1, CAST(NULL AS datetime2(0)), 0.0800, 1, CAST(NULL AS decimal(5,4)))
) AS s ([machine_id], [recipe_id], [valid_from_utc], [site_id], [valid_to_utc], [ideal_cycle_time_s], [units_per_cycle], [target_oee])
ON t.[machine_id] = s.[machine_id] AND t.[recipe_id] = s.[recipe_id] AND t.[valid_from_utc] = s.[valid_from_utc]
WHEN MATCHED AND EXISTS (SELECT s.[site_id], s.[valid_to_utc], s.[ideal_cycle_time_s], s.[units_per_cycle], s.[target_oee] EXCEPT SELECT t.[site_id], t.[valid_to_utc], t.[ideal_cycle_time_s], t.[units_per_cycle], t.[target_oee]) THEN
    UPDATE SET [site_id] = s.[site_id], [valid_to_utc] = s.[valid_to_utc], [ideal_cycle_time_s] = s.[ideal_cycle_time_s], [units_per_cycle] = s.[units_per_cycle], [target_oee] = s.[target_oee]
WHEN NOT MATCHED BY TARGET THEN
    INSERT ([machine_id], [recipe_id], [valid_from_utc], [site_id], [valid_to_utc], [ideal_cycle_time_s], [units_per_cycle], [target_oee])
    VALUES (s.[machine_id], s.[recipe_id], s.[valid_from_utc], s.[site_id], s.[valid_to_utc], s.[ideal_cycle_time_s], s.[units_per_cycle], s.[target_oee]);
GO
SET IDENTITY_INSERT [ref].[shift_pattern] ON;
GO
MERGE INTO [ref].[shift_pattern] WITH (HOLDLOCK) AS t
USING (VALUES
    (1, 1, N'3x8 Monday to Friday', 7)
) AS s ([shift_pattern_id], [site_id], [name], [cycle_days])
ON t.[shift_pattern_id] = s.[shift_pattern_id]
WHEN MATCHED AND EXISTS (SELECT s.[site_id], s.[name], s.[cycle_days] EXCEPT SELECT t.[site_id], t.[name], t.[cycle_days]) THEN
    UPDATE SET [site_id] = s.[site_id], [name] = s.[name], [cycle_days] = s.[cycle_days]
WHEN NOT MATCHED BY TARGET THEN
    INSERT ([shift_pattern_id], [site_id], [name], [cycle_days])
    VALUES (s.[shift_pattern_id], s.[site_id], s.[name], s.[cycle_days]);
GO
SET IDENTITY_INSERT [ref].[shift_pattern] OFF;
GO
SET IDENTITY_INSERT [ref].[shift_definition] ON;
GO
MERGE INTO [ref].[shift_definition] WITH (HOLDLOCK) AS t
USING (VALUES
    (1, 1, 1, 'A', 1, CAST('06:00:00' AS time(0)), 480),
    (2, 1, 1, 'B', 1, CAST('14:00:00' AS time(0)), 480),
    (3, 1, 1, 'C', 1, CAST('22:00:00' AS time(0)), 480),
    (4, 1, 1, 'A', 2, CAST('06:00:00' AS time(0)), 480),
    (5, 1, 1, 'B', 2, CAST('14:00:00' AS time(0)), 480),
    (6, 1, 1, 'C', 2, CAST('22:00:00' AS time(0)), 480),
    (7, 1, 1, 'A', 3, CAST('06:00:00' AS time(0)), 480),
    (8, 1, 1, 'B', 3, CAST('14:00:00' AS time(0)), 480),
    (9, 1, 1, 'C', 3, CAST('22:00:00' AS time(0)), 480),
    (10, 1, 1, 'A', 4, CAST('06:00:00' AS time(0)), 480),
    (11, 1, 1, 'B', 4, CAST('14:00:00' AS time(0)), 480),
    (12, 1, 1, 'C', 4, CAST('22:00:00' AS time(0)), 480),
    (13, 1, 1, 'A', 5, CAST('06:00:00' AS time(0)), 480),
    (14, 1, 1, 'B', 5, CAST('14:00:00' AS time(0)), 480),
    (15, 1, 1, 'C', 5, CAST('22:00:00' AS time(0)), 480)
) AS s ([shift_def_id], [site_id], [shift_pattern_id], [code], [day_of_cycle], [start_local], [duration_min])
ON t.[shift_def_id] = s.[shift_def_id]
WHEN MATCHED AND EXISTS (SELECT s.[site_id], s.[shift_pattern_id], s.[code], s.[day_of_cycle], s.[start_local], s.[duration_min] EXCEPT SELECT t.[site_id], t.[shift_pattern_id], t.[code], t.[day_of_cycle], t.[start_local], t.[duration_min]) THEN
    UPDATE SET [site_id] = s.[site_id], [shift_pattern_id] = s.[shift_pattern_id], [code] = s.[code], [day_of_cycle] = s.[day_of_cycle], [start_local] = s.[start_local], [duration_min] = s.[duration_min]
WHEN NOT MATCHED BY TARGET THEN
    INSERT ([shift_def_id], [site_id], [shift_pattern_id], [code], [day_of_cycle], [start_local], [duration_min])
    VALUES (s.[shift_def_id], s.[site_id], s.[shift_pattern_id], s.[code], s.[day_of_cycle], s.[start_local], s.[duration_min]);
GO
SET IDENTITY_INSERT [ref].[shift_definition] OFF;
GO
MERGE INTO [ref].[shift_break] WITH (HOLDLOCK) AS t
USING (VALUES
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
) AS s ([shift_def_id], [offset_min], [site_id], [duration_min], [reason_code_id])
ON t.[shift_def_id] = s.[shift_def_id] AND t.[offset_min] = s.[offset_min]
WHEN MATCHED AND EXISTS (SELECT s.[site_id], s.[duration_min], s.[reason_code_id] EXCEPT SELECT t.[site_id], t.[duration_min], t.[reason_code_id]) THEN
    UPDATE SET [site_id] = s.[site_id], [duration_min] = s.[duration_min], [reason_code_id] = s.[reason_code_id]
WHEN NOT MATCHED BY TARGET THEN
    INSERT ([shift_def_id], [offset_min], [site_id], [duration_min], [reason_code_id])
    VALUES (s.[shift_def_id], s.[offset_min], s.[site_id], s.[duration_min], s.[reason_code_id]);
GO
