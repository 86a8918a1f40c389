SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO
-- create partition scheme ps_day
CREATE PARTITION SCHEME [ps_day] AS PARTITION [pf_day] ALL TO ([PRIMARY]);
GO
-- create partition scheme ps_line
CREATE PARTITION SCHEME [ps_line] AS PARTITION [pf_line] TO ([fg_a], [fg_b], [PRIMARY]);
GO
