-- rename column ref.site.name to display_name
ALTER TABLE "ref"."site" RENAME COLUMN "name" TO "display_name";
