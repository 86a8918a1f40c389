import CODBC

/// The ODBC environment: one per process, shared by every connection.
public final class ODBCEnvironment: @unchecked Sendable {
    // Immutable after init; unixODBC's environment handle is thread-safe for
    // allocating connections.
    let handle: SQLHENV

    /// Allocates an ODBC 3 environment.
    public init() throws {
        var env: SQLHENV?
        let rc = SQLAllocHandle(SQLSMALLINT(SQL_HANDLE_ENV), nil, &env)
        guard Diagnostics.succeeded(rc), let env else {
            throw ODBCError(context: "allocate ODBC environment", records: [.init(sqlState: "HY001", nativeCode: 0, message: "unixODBC could not allocate an environment; is libodbc installed (apt-get install unixodbc)?")])
        }
        handle = env
        let set = SQLSetEnvAttr(env, SQLINTEGER(SQL_ATTR_ODBC_VERSION), UnsafeMutableRawPointer(bitPattern: Int(SQL_OV_ODBC3)), 0)
        try Diagnostics.check(set, SQLSMALLINT(SQL_HANDLE_ENV), env, "set ODBC version 3")
    }

    deinit {
        SQLFreeHandle(SQLSMALLINT(SQL_HANDLE_ENV), handle)
    }

    /// A driver registered with unixODBC (odbcinst.ini).
    public struct Driver: Hashable, Sendable {
        public var name: String
        public var attributes: [String: String]
    }

    /// The installed drivers, in registration order.
    public func drivers() -> [Driver] {
        var result: [Driver] = []
        var direction = SQLUSMALLINT(SQL_FETCH_FIRST)
        while true {
            var name = [SQLWCHAR](repeating: 0, count: 256)
            var attrs = [SQLWCHAR](repeating: 0, count: 4096)
            var nameLen: SQLSMALLINT = 0, attrLen: SQLSMALLINT = 0
            let rc = SQLDriversW(handle, direction, &name, SQLSMALLINT(name.count), &nameLen, &attrs, SQLSMALLINT(attrs.count), &attrLen)
            guard Diagnostics.succeeded(rc) else { break }
            // Attributes are NUL-separated `key=value` pairs ending in a double NUL.
            var pairs: [String: String] = [:]
            let units = Array(attrs.prefix(max(0, Int(attrLen))))
            for chunk in units.split(separator: 0) {
                let text = String(decoding: chunk, as: UTF16.self)
                if let eq = text.firstIndex(of: "=") {
                    pairs[String(text[..<eq])] = String(text[text.index(after: eq)...])
                }
            }
            result.append(Driver(name: WideText.decode(name, count: Int(nameLen)), attributes: pairs))
            direction = SQLUSMALLINT(SQL_FETCH_NEXT)
        }
        return result
    }
}
