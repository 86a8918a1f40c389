-- drop column ref.site.notes
ALTER TABLE "ref"."site" DROP COLUMN "notes";
