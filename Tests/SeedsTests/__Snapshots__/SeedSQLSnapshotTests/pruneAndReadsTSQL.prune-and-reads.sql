DELETE FROM [ref].[reason_code]
WHERE [reason_code_id] IN (37, 38);
GO
DELETE FROM [ref].[machine_recipe_standard]
WHERE ([machine_id] = 1 AND [recipe_id] = 1 AND [valid_from_utc] = CAST('2023-01-01T00:00:00' AS datetime2(0)));
GO
SELECT [reason_code_id], [enterprise_id], [site_id], [parent_id], [code], [path], [depth], [name], [loss_bucket_id], [is_leaf], [requires_comment], [auto_only], [is_active], [sort_order] FROM [ref].[reason_code] ORDER BY [reason_code_id];
GO
SELECT DISTINCT [enterprise_id] FROM [ref].[enterprise];
GO
