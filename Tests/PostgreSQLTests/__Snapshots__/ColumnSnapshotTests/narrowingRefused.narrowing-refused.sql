-- alter column ref.conv.widen
ALTER TABLE "ref"."conv" ALTER COLUMN "widen" TYPE varchar(2);
