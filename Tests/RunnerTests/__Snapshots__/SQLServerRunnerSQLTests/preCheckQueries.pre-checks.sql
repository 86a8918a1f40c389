-- no_nulls_fact_cycle_end_ts
SELECT TOP (1) 1 FROM [fact].[cycle] WHERE [end_ts] IS NULL;
GO
-- empty_for_fact_cycle_shift_id
SELECT TOP (1) 1 FROM [fact].[cycle];
GO
-- no_duplicates_ref_uq_site_code
SELECT TOP (1) 1 FROM [ref].[site] GROUP BY [enterprise_id], [code] HAVING COUNT(*) > 1;
GO
-- no_orphans_fact_fk_cycle_machine
SELECT TOP (1) 1 FROM [fact].[cycle] AS c WHERE c.[machine_id] IS NOT NULL AND c.[site_id] IS NOT NULL AND NOT EXISTS (SELECT 1 FROM [ref].[machine] AS p WHERE p.[machine_id] = c.[machine_id] AND p.[site_id] = c.[site_id]);
GO
-- no_violations_fact_ck_cycle_qty
SELECT TOP (1) 1 FROM [fact].[cycle] WHERE NOT (([good_qty] >= 0 AND [end_ts] IS NULL) OR [end_ts] >= [start_ts]);
GO
-- values_fit_ref_site_code
SELECT TOP (1) 1 FROM [ref].[site] WHERE [code] IS NOT NULL AND (TRY_CONVERT(varchar(32), [code]) IS NULL OR CONVERT(nvarchar(max), TRY_CONVERT(varchar(32), [code])) <> CONVERT(nvarchar(max), [code]));
GO
