-- alter column ref.conv.widen
ALTER TABLE "ref"."conv" ALTER COLUMN "widen" TYPE varchar(20);

-- alter column ref.conv.widen
ALTER TABLE "ref"."conv" ALTER COLUMN "widen" TYPE text;
ALTER TABLE "ref"."conv" ALTER COLUMN "widen" DROP NOT NULL;

-- alter column ref.conv.widen
ALTER TABLE "ref"."conv" ALTER COLUMN "widen" SET NOT NULL;
-- alter column ref.conv.same: nothing to run on PostgreSQL
-- smallint and tinyint are both smallint on PostgreSQL

-- alter column ref.conv.b_to_smallint
ALTER TABLE "ref"."conv" ALTER COLUMN "b_to_smallint" TYPE smallint USING "b_to_smallint"::integer;

-- alter column ref.conv.b_to_text
ALTER TABLE "ref"."conv" ALTER COLUMN "b_to_text" TYPE varchar(5) USING "b_to_text"::integer::text;

-- alter column ref.conv.n_to_bit
ALTER TABLE "ref"."conv" ALTER COLUMN "n_to_bit" TYPE boolean USING ("n_to_bit" <> 0);

-- alter column ref.conv.t_to_bit
ALTER TABLE "ref"."conv" ALTER COLUMN "t_to_bit" TYPE boolean USING "t_to_bit"::boolean;

-- alter column ref.conv.ts_to_tz
ALTER TABLE "ref"."conv" ALTER COLUMN "ts_to_tz" TYPE timestamptz(3) USING ("ts_to_tz"::timestamp AT TIME ZONE 'UTC');

-- alter column ref.conv.tz_to_ts
ALTER TABLE "ref"."conv" ALTER COLUMN "tz_to_ts" TYPE timestamp(0) USING ("tz_to_ts" AT TIME ZONE 'UTC');
