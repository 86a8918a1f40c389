SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO
-- drop check constraint ck_cycle_end_after_start on fact.cycle
ALTER TABLE [fact].[cycle] DROP CONSTRAINT [ck_cycle_end_after_start];
GO
-- add check constraint ck_cycle_status on fact.cycle
ALTER TABLE [fact].[cycle] ADD CONSTRAINT [ck_cycle_status] CHECK ([status] IN ('open', 'paused', 'closed') AND NOT ([status] = 'void'));
GO
-- add check constraint ck_cycle_raw on fact.cycle
ALTER TABLE [fact].[cycle] ADD CONSTRAINT [ck_cycle_raw] CHECK (LEN([status]) > 0);
GO
-- add check constraint ck_machine_ideal on ref.machine
ALTER TABLE [ref].[machine] ADD CONSTRAINT [ck_machine_ideal] CHECK (((([ideal_cycle_s] * 2) - 1) / 3) > 0.5);
GO
