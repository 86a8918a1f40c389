SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO
-- create schema odd]schema
CREATE SCHEMA [odd]]schema];
GO
-- create table odd]schema.it's
CREATE TABLE [odd]]schema].[it's] (
    [a]]b] int NOT NULL CONSTRAINT [df_a]]b] DEFAULT (0),
    CONSTRAINT [pk_it's] PRIMARY KEY CLUSTERED ([a]]b] ASC)
);
GO
-- rename column odd]schema.it's.a]b to a'b
EXEC sp_rename N'[odd]]schema].[it''s].[a]]b]', N'a''b', N'COLUMN';
GO
-- description of table odd]schema.it's
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'It''s [odd]', @level0type = N'SCHEMA', @level0name = N'odd]schema', @level1type = N'TABLE', @level1name = N'it''s', @level2type = N'COLUMN', @level2name = N'a''b';
GO
