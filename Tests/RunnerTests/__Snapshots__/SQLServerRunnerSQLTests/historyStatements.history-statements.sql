SELECT [version], [name], [checksum], [applied_by], CONVERT(nvarchar(23), [applied_at_utc], 126) AS [applied_at_utc], [execution_ms], CAST([success] AS int) AS [success] FROM [oeedb].[schema_history] ORDER BY [version];
GO
DELETE FROM [oeedb].[schema_history] WHERE [version] = @version;
GO
INSERT INTO [oeedb].[schema_history] ([version], [name], [checksum], [applied_by], [execution_ms], [success]) VALUES (@p, @p, @p, @p, @p, @p);
GO
