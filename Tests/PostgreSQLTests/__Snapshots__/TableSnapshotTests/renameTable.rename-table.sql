-- rename table ref.machine to equipment
ALTER TABLE "ref"."machine" RENAME TO "equipment";
