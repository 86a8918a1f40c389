SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO
-- create partition function pf_day
CREATE PARTITION FUNCTION [pf_day](datetime2(3)) AS RANGE RIGHT FOR VALUES (
    '2026-10-01T00:00:00',
    '2026-10-02T00:00:00',
    '2026-10-03T00:00:00'
);
GO
-- create partition function pf_month
CREATE PARTITION FUNCTION [pf_month](date) AS RANGE RIGHT FOR VALUES (
    '2026-01-31',
    '2026-02-28',
    '2026-03-31'
);
GO
-- create partition function pf_line
CREATE PARTITION FUNCTION [pf_line](int) AS RANGE LEFT FOR VALUES (
    100,
    200
);
GO
