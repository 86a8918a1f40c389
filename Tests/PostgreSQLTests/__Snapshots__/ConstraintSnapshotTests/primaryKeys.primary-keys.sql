-- drop foreign key fk_machine_site on ref.machine
ALTER TABLE "ref"."machine" DROP CONSTRAINT "fk_machine_site";

-- drop primary key pk_site on ref.site
ALTER TABLE "ref"."site" DROP CONSTRAINT "pk_site";

-- add primary key pk_site on ref.site
ALTER TABLE "ref"."site" ADD CONSTRAINT "pk_site" PRIMARY KEY ("site_id");

-- drop primary key pk_cycle on fact.cycle
ALTER TABLE "fact"."cycle" DROP CONSTRAINT "pk_cycle";

-- add primary key pk_cycle on fact.cycle
-- omitted: CLUSTERED on pk_cycle (PostgreSQL tables are heaps; CLUSTER is a one-time reorder, not maintained)
-- omitted: DESC order of start_ts in pk_cycle (a PRIMARY KEY or UNIQUE constraint's index is ascending; it is scanned backwards for DESC)
ALTER TABLE "fact"."cycle" ADD CONSTRAINT "pk_cycle" PRIMARY KEY ("machine_id", "start_ts", "cycle_id");
