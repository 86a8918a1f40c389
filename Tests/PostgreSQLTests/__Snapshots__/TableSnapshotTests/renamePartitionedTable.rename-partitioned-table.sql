-- rename table fact.cycle to machine_cycle
ALTER TABLE "fact"."cycle" RENAME TO "machine_cycle";
ALTER TABLE "fact"."cycle_pmin" RENAME TO "machine_cycle_pmin";
ALTER TABLE "fact"."cycle_p20261001" RENAME TO "machine_cycle_p20261001";
ALTER TABLE "fact"."cycle_p20261002" RENAME TO "machine_cycle_p20261002";
ALTER TABLE "fact"."cycle_p20261003" RENAME TO "machine_cycle_p20261003";
