SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO
-- description of schema fact
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Measurements', @level0type = N'SCHEMA', @level0name = N'fact';
GO
-- descriptions of table fact.cycle
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'One machine cycle', @level0type = N'SCHEMA', @level0name = N'fact', @level1type = N'TABLE', @level1name = N'cycle';
EXEC sys.sp_updateextendedproperty @name = N'MS_Description', @value = N'Good parts, counted at the machine', @level0type = N'SCHEMA', @level0name = N'fact', @level1type = N'TABLE', @level1name = N'cycle', @level2type = N'COLUMN', @level2name = N'good_qty';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Open cycles per site', @level0type = N'SCHEMA', @level0name = N'fact', @level1type = N'TABLE', @level1name = N'cycle', @level2type = N'INDEX', @level2name = N'ix_cycle_open';
EXEC sys.sp_dropextendedproperty @name = N'MS_Description', @level0type = N'SCHEMA', @level0name = N'fact', @level1type = N'TABLE', @level1name = N'cycle', @level2type = N'CONSTRAINT', @level2name = N'ck_cycle_qty';
GO
-- description of table ref.site
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'A plant''s site (it''s the top level)', @level0type = N'SCHEMA', @level0name = N'ref', @level1type = N'TABLE', @level1name = N'site';
GO
-- description of function sec.fn_site_filter
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Rows of the session''s site', @level0type = N'SCHEMA', @level0name = N'sec', @level1type = N'FUNCTION', @level1name = N'fn_site_filter';
GO
-- description of partition function pf_day
EXEC sys.sp_updateextendedproperty @name = N'MS_Description', @value = N'Daily partitions', @level0type = N'PARTITION FUNCTION', @level0name = N'pf_day';
GO
-- description of partition scheme ps_day
EXEC sys.sp_dropextendedproperty @name = N'MS_Description', @level0type = N'PARTITION SCHEME', @level0name = N'ps_day';
GO
