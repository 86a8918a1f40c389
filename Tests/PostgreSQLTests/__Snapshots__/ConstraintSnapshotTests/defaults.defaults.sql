-- drop default df_site_is_active on ref.site.is_active
ALTER TABLE "ref"."site" ALTER COLUMN "is_active" DROP DEFAULT;

-- add default df_site_is_active on ref.site.is_active
ALTER TABLE "ref"."site" ALTER COLUMN "is_active" SET DEFAULT false;

-- add default df_site_created_utc on ref.site.created_utc
ALTER TABLE "ref"."site" ALTER COLUMN "created_utc" SET DEFAULT (now() AT TIME ZONE 'UTC');
