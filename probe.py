import ctypes, sys
odbc = ctypes.CDLL("libodbc.so.2")
SQLHANDLE = ctypes.c_void_p
env = SQLHANDLE(); dbc = SQLHANDLE(); st = SQLHANDLE()
odbc.SQLAllocHandle(1, None, ctypes.byref(env))
odbc.SQLSetEnvAttr(env, 200, ctypes.c_void_p(3), 0)
odbc.SQLAllocHandle(2, env, ctypes.byref(dbc))
cs = sys.argv[1].encode()
out = ctypes.create_string_buffer(1024); outlen = ctypes.c_short()
rc = odbc.SQLDriverConnect(dbc, None, cs, len(cs), out, 1024, ctypes.byref(outlen), 0)
print("connect", rc)
odbc.SQLSetConnectAttr(dbc, 102, ctypes.c_void_p(0), 0)  # autocommit off
odbc.SQLAllocHandle(3, dbc, ctypes.byref(st))
def diag(h, t):
    state = ctypes.create_string_buffer(6); native = ctypes.c_int(); msg = ctypes.create_string_buffer(1024); ml = ctypes.c_short()
    i = 1; res = []
    while odbc.SQLGetDiagRec(t, h, i, state, ctypes.byref(native), msg, 1024, ctypes.byref(ml)) == 0:
        res.append((state.value, msg.value)); i += 1
    return res
sql = sys.argv[2].encode()
rc = odbc.SQLExecDirect(st, sql, len(sql))
print("exec", rc, diag(st, 3))
for k in range(6):
    n = ctypes.c_long(); odbc.SQLRowCount(st, ctypes.byref(n))
    c = ctypes.c_short(); odbc.SQLNumResultCols(st, ctypes.byref(c))
    rc = odbc.SQLMoreResults(st)
    print("rowcount", n.value, "cols", c.value, "more", rc, diag(st, 3))
    if rc == 100: break
