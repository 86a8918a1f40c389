SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO
-- create table ref.site
CREATE TABLE [ref].[site] (
    [site_id] smallint IDENTITY(1, 1) NOT NULL,
    [code] nvarchar(20) NOT NULL,
    [name] nvarchar(100) NOT NULL,
    [is_active] bit NOT NULL CONSTRAINT [df_site_is_active] DEFAULT (1),
    [created_utc] datetime2(3) NOT NULL CONSTRAINT [df_site_created_utc] DEFAULT (SYSUTCDATETIME()),
    [notes] nvarchar(max) NULL,
    CONSTRAINT [pk_site] PRIMARY KEY CLUSTERED ([site_id] ASC),
    CONSTRAINT [uq_site_code] UNIQUE NONCLUSTERED ([code] ASC),
    CONSTRAINT [ck_site_code] CHECK ([code] <> N'')
);
GO
