#ifndef OEEDB_CODBC_SHIM_H
#define OEEDB_CODBC_SHIM_H
#include <sql.h>
#include <sqlext.h>
#include <sqlucode.h>
#endif
