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
IF OBJECT_ID(N'[oeedb].[schema_history_audit]', N'U') IS NULL
CREATE TABLE [oeedb].[schema_history_audit] (
    [audit_id] int IDENTITY(1, 1) NOT NULL CONSTRAINT [pk_schema_history_audit] PRIMARY KEY,
    [version] int NOT NULL,
    [action] nvarchar(40) NOT NULL,
    [performed_by] nvarchar(128) NOT NULL,
    [performed_at_utc] datetime2(3) NOT NULL CONSTRAINT [df_schema_history_audit_performed_at_utc] DEFAULT (SYSUTCDATETIME()),
    [detail] nvarchar(2000) NOT NULL
);
GO
