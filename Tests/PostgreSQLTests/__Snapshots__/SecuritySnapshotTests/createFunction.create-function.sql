-- create function sec.fn_site_filter
CREATE FUNCTION "sec"."fn_site_filter"("site_id" smallint)
RETURNS boolean
LANGUAGE sql
STABLE
AS $$
SELECT "fn_site_filter"."site_id" = CAST(NULLIF(current_setting('oeedb.site_id', true), '') AS smallint) OR (SELECT CASE WHEN pg_has_role(current_user, r.oid, 'MEMBER') THEN 1 ELSE 0 END FROM pg_catalog.pg_roles AS r WHERE r.rolname = 'oee_admin') = 1
$$;
