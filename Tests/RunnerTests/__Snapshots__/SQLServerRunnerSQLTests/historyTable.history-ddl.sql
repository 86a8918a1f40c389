IF SCHEMA_ID(N'oeedb') IS NULL EXEC(N'CREATE SCHEMA [oeedb]');
GO
IF OBJECT_ID(N'[oeedb].[schema_history]', N'U') IS NULL
CREATE TABLE [oeedb].[schema_history] (
    [version] int NOT NULL CONSTRAINT [pk_schema_history] PRIMARY KEY,
    [name] nvarchar(200) NOT NULL,
    [checksum] char(64) NOT NULL,
    [applied_by] nvarchar(128) NOT NULL,
    [applied_at_utc] datetime2(3) NOT NULL CONSTRAINT [df_schema_history_applied_at_utc] DEFAULT (SYSUTCDATETIME()),
    [execution_ms] int NOT NULL,
    [success] bit NOT NULL
);
GO
