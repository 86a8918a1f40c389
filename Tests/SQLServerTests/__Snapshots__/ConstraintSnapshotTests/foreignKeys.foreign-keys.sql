SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO
-- add foreign key fk_machine_site on ref.machine
ALTER TABLE [ref].[machine] ADD CONSTRAINT [fk_machine_site] FOREIGN KEY ([site_id]) REFERENCES [ref].[site] ([site_id]) ON DELETE CASCADE;
GO
-- add foreign key fk_cycle_machine on fact.cycle
ALTER TABLE [fact].[cycle] ADD CONSTRAINT [fk_cycle_machine] FOREIGN KEY ([machine_id]) REFERENCES [ref].[machine] ([machine_id]);
GO
-- add foreign key fk_cycle_site_machine on fact.cycle
ALTER TABLE [fact].[cycle] ADD CONSTRAINT [fk_cycle_site_machine] FOREIGN KEY ([site_id], [machine_id]) REFERENCES [ref].[machine] ([site_id], [machine_id]) ON DELETE SET NULL ON UPDATE SET DEFAULT;
GO
-- drop foreign key fk_cycle_machine on fact.cycle
ALTER TABLE [fact].[cycle] DROP CONSTRAINT [fk_cycle_machine];
GO
