SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO
-- drop table ref.machine
DROP TABLE [ref].[machine];
GO
