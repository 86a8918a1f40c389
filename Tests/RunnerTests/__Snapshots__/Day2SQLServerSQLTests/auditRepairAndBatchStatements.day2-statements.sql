INSERT INTO [oeedb].[schema_history_audit] ([version], [action], [performed_by], [detail]) VALUES (@p, @p, @p, @p);
GO
UPDATE [oeedb].[schema_history] SET [success] = 1, [checksum] = @p, [applied_by] = @p, [applied_at_utc] = SYSUTCDATETIME() WHERE [version] = @p AND [success] = 0;
GO
SET NOCOUNT ON;
UPDATE TOP (10000) [fact].[cycle] SET [note] = N'' WHERE [note] IS NULL;
SELECT @@ROWCOUNT AS [rows_affected];
GO
EXEC sys.sp_set_session_context @key = N'is_global', @value = 1;
GO
EXEC sys.sp_set_session_context @key = N'tenant', @value = N'o''brien';
GO
