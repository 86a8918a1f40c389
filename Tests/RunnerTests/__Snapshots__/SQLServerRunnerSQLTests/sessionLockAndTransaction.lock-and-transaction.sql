DECLARE @result int;
EXEC @result = sys.sp_getapplock @Resource = N'oeedb.migrate', @LockMode = N'Exclusive', @LockOwner = N'Session', @LockTimeout = 60000;
SELECT CASE WHEN @result >= 0 THEN 1 ELSE 0 END AS [acquired];
GO
EXEC sys.sp_releaseapplock @Resource = N'oeedb.migrate', @LockOwner = N'Session';
GO
SET XACT_ABORT ON;
GO
SELECT SUSER_SNAME();
GO
