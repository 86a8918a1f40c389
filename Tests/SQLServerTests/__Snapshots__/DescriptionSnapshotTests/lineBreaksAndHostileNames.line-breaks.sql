SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO
-- create schema h'x"y]z
CREATE SCHEMA [h'x"y]]z];
GO
-- create table h'x"y]z.t [a];b.c ä🏭
CREATE TABLE [h'x"y]]z].[t [a]];b.c ä🏭] (
    [id] int NOT NULL,
    [it's" [a]] b;c.d ä 🏭] int NULL,
    [q"uote] varchar(20) NULL,
    [a]]b] varchar(20) NOT NULL CONSTRAINT [df_ab] DEFAULT ('a]b ''quoted'' "dq"'),
    CONSTRAINT [pk 'h"]]] PRIMARY KEY CLUSTERED ([id] ASC),
    CONSTRAINT [ck it's] CHECK ([it's" [a]] b;c.d ä 🏭] IN (1, 2) OR [it's" [a]] b;c.d ä 🏭] IS NULL),
    CONSTRAINT [ck [list]]] CHECK ([a]]b] IN ('a]b', 'it''s', 'q"u', 'GO'))
);
GO
-- create index ix "q" on h'x"y]z.t [a];b.c ä🏭
CREATE NONCLUSTERED INDEX [ix "q"] ON [h'x"y]]z].[t [a]];b.c ä🏭] ([a]]b] ASC)
INCLUDE ([q"uote])
WHERE [q"uote] IS NOT NULL;
GO
-- description of table fact.cycle
DECLARE @description nvarchar(4000) = N'''); DROP TABLE x;--' + NCHAR(10) + N'$$ dollar $$' + NCHAR(10) + N'GO' + NCHAR(10) + N'next line';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = @description, @level0type = N'SCHEMA', @level0name = N'fact', @level1type = N'TABLE', @level1name = N'cycle';
GO
-- description of table fact.cycle
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'one line, it''s fine', @level0type = N'SCHEMA', @level0name = N'fact', @level1type = N'TABLE', @level1name = N'cycle', @level2type = N'COLUMN', @level2name = N'good_qty';
GO
-- description of table fact.cycle
DECLARE @description nvarchar(4000) = N'CRLF' + NCHAR(13) + NCHAR(10) + N'go 2' + NCHAR(13) + NCHAR(10) + NCHAR(13) + NCHAR(10) + N'GO -- a comment';
EXEC sys.sp_updateextendedproperty @name = N'MS_Description', @value = @description, @level0type = N'SCHEMA', @level0name = N'fact', @level1type = N'TABLE', @level1name = N'cycle', @level2type = N'COLUMN', @level2name = N'scrap_qty';
GO
-- description of table h'x"y]z.t [a];b.c ä🏭
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'N''q"u'' [a]]b]', @level0type = N'SCHEMA', @level0name = N'h''x"y]z', @level1type = N'TABLE', @level1name = N't [a];b.c ä🏭', @level2type = N'COLUMN', @level2name = N'it''s" [a] b;c.d ä 🏭';
GO
-- description of table h'x"y]z.t [a];b.c ä🏭
DECLARE @description nvarchar(4000) = NCHAR(10) + N'GO' + NCHAR(10);
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = @description, @level0type = N'SCHEMA', @level0name = N'h''x"y]z', @level1type = N'TABLE', @level1name = N't [a];b.c ä🏭', @level2type = N'INDEX', @level2name = N'ix "q"';
GO
