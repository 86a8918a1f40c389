import CODBC
import Foundation

/// One ODBC connection. Not Sendable: use it from one isolation domain.
///
///     let conn = try ODBCConnection(environment: env, connectionString: "Driver={PostgreSQL Unicode};…",
///                                   displayName: masked)
///     try conn.withTransaction { try $0.execute("INSERT …", [.int(1)]) }
public final class ODBCConnection {
    let environment: ODBCEnvironment
    let handle: SQLHDBC
    /// A masked name for messages; never the raw connection string.
    public let displayName: String
    /// How text crosses the driver boundary: UTF-16 through the wide API, or
    /// UTF-8 through the ANSI API for ANSI-only drivers (SQLite3, PostgreSQL ANSI).
    public let textMode: TextMode
    private var connected = false
    private var directStatement: ODBCStatement?
    /// Prepared statements still alive, freed before the connection closes
    /// (SQLDisconnect frees their handles behind their backs otherwise).
    private var prepared: [WeakStatement] = []

    private struct WeakStatement { weak var statement: ODBCStatement? }

    func track(_ statement: ODBCStatement) {
        prepared.removeAll { $0.statement == nil }
        prepared.append(WeakStatement(statement: statement))
    }

    private func freeStatements() {
        directStatement = nil
        for p in prepared { p.statement?.free() }
        prepared = []
    }
    public private(set) var autocommit = true

    public enum TextMode: Sendable { case wide, utf8 }

    /// How result rows are read. Every strategy returns the same strings.
    public enum FetchStrategy: Sendable, Hashable {
        /// Columns bound as text, up to `rows` rows per `SQLFetch`
        /// (`SQL_ATTR_ROW_ARRAY_SIZE`); long values by `SQLGetData` after
        /// `SQLSetPos`. For drivers that report `SQL_GD_BLOCK` and are
        /// measured with it (psqlODBC).
        case block(rows: Int)
        /// Columns bound as text, one row per fetch; long values by
        /// `SQLGetData` (`SQL_GD_BOUND`): sqliteodbc, which reports no
        /// `SQL_GD_BLOCK` (positioning inside a block reads the wrong row).
        case boundRow
        /// One `SQLGetData` per value: every other driver (FreeTDS and
        /// Microsoft's are not measured with bound columns here).
        case getData
    }

    /// Chosen from the driver at connect time; settable (tests compare strategies).
    public var fetchStrategy: FetchStrategy

    /// Connects with a full connection string (`Driver=…;Server=…`) or `DSN=…`.
    /// `displayName` (masked) is what errors show.
    public init(environment: ODBCEnvironment, connectionString: String, displayName: String, loginTimeout: Int = 15) throws {
        self.environment = environment
        self.displayName = displayName
        var dbc: SQLHDBC?
        let rc = SQLAllocHandle(SQLSMALLINT(SQL_HANDLE_DBC), environment.handle, &dbc)
        guard Diagnostics.succeeded(rc), let dbc else {
            throw ODBCError(context: "allocate connection", records: Diagnostics.records(SQLSMALLINT(SQL_HANDLE_ENV), environment.handle))
        }
        handle = dbc
        SQLSetConnectAttrW(dbc, SQLINTEGER(SQL_ATTR_LOGIN_TIMEOUT), UnsafeMutableRawPointer(bitPattern: loginTimeout), 0)
        var wide = WideText.encode(connectionString)
        var outLength: SQLSMALLINT = 0
        let connect = SQLDriverConnectW(dbc, nil, &wide, SQLSMALLINT(wide.count - 1), nil, 0, &outLength, SQLUSMALLINT(SQL_DRIVER_NOPROMPT))
        guard Diagnostics.succeeded(connect) else {
            let records = Diagnostics.records(SQLSMALLINT(SQL_HANDLE_DBC), dbc)
            SQLFreeHandle(SQLSMALLINT(SQL_HANDLE_DBC), dbc)
            throw ODBCError(context: "connect to \(displayName)", records: records)
        }
        connected = true
        let driver = ODBCConnection.info(dbc, SQLUSMALLINT(SQL_DRIVER_NAME)).lowercased()
        // psqlodbca.so and sqlite's drivers are ANSI-only: unixODBC's wide mapping drops the high byte.
        textMode = driver.contains("psqlodbca") || driver.contains("sqlite") ? .utf8 : .wide
        let extensions = ODBCConnection.getDataExtensions(dbc)
        let chosen = ODBCConnection.strategy(driver: driver, bound: extensions & SQLUINTEGER(SQL_GD_BOUND) != 0,
                                             block: extensions & SQLUINTEGER(SQL_GD_BLOCK) != 0)
        // OEEDB_ODBC_FETCH=getdata reads one value per call whatever the
        // driver (a way around a driver's block-fetch bug, and the benchmarks' baseline).
        fetchStrategy = ProcessInfo.processInfo.environment["OEEDB_ODBC_FETCH"] == "getdata" ? .getData : chosen
    }

    static func getDataExtensions(_ dbc: SQLHDBC) -> SQLUINTEGER {
        var value: SQLUINTEGER = 0
        let rc = SQLGetInfoW(dbc, SQLUSMALLINT(SQL_GETDATA_EXTENSIONS), &value, SQLSMALLINT(MemoryLayout<SQLUINTEGER>.size), nil)
        return Diagnostics.succeeded(rc) ? value : 0
    }

    /// `bound`, `block`: the driver reports `SQL_GD_BOUND`, `SQL_GD_BLOCK`.
    static func strategy(driver: String, bound: Bool, block: Bool) -> FetchStrategy {
        switch DriverFamily.of(driver: driver) {
        case .psqlodbc where bound && block: return .block(rows: 1024)
        case .other where bound && driver.contains("sqlite"): return .boundRow
        default: return .getData
        }
    }

    deinit {
        freeStatements()
        if connected {
            if !autocommit { SQLEndTran(SQLSMALLINT(SQL_HANDLE_DBC), handle, SQLSMALLINT(SQL_ROLLBACK)) }
            SQLDisconnect(handle)
        }
        SQLFreeHandle(SQLSMALLINT(SQL_HANDLE_DBC), handle)
    }

    /// Closes the connection now (rolling back an open transaction).
    public func close() {
        freeStatements()
        guard connected else { return }
        if !autocommit { SQLEndTran(SQLSMALLINT(SQL_HANDLE_DBC), handle, SQLSMALLINT(SQL_ROLLBACK)) }
        SQLDisconnect(handle)
        connected = false
        autocommit = true
    }

    static func info(_ dbc: SQLHDBC, _ type: SQLUSMALLINT) -> String {
        var buffer = [SQLWCHAR](repeating: 0, count: 512)
        var length: SQLSMALLINT = 0
        let rc = SQLGetInfoW(dbc, type, &buffer, SQLSMALLINT(buffer.count * 2), &length)
        guard Diagnostics.succeeded(rc) else { return "" }
        return WideText.decode(buffer, count: Int(length) / 2)
    }

    /// The server product and version (`PostgreSQL 15.18`, `Microsoft SQL Server 16.00.…`)
    /// and the driver, as the driver reports them.
    public var serverInfo: (product: String, version: String, driver: String, driverVersion: String) {
        (ODBCConnection.info(handle, SQLUSMALLINT(SQL_DBMS_NAME)), ODBCConnection.info(handle, SQLUSMALLINT(SQL_DBMS_VER)),
         ODBCConnection.info(handle, SQLUSMALLINT(SQL_DRIVER_NAME)), ODBCConnection.info(handle, SQLUSMALLINT(SQL_DRIVER_VER)))
    }

    /// Turns autocommit on or off. Off starts an implicit transaction that
    /// ``commit()`` or ``rollback()`` ends.
    public func setAutocommit(_ on: Bool) throws {
        let value = on ? SQL_AUTOCOMMIT_ON : SQL_AUTOCOMMIT_OFF
        let rc = SQLSetConnectAttrW(handle, SQLINTEGER(SQL_ATTR_AUTOCOMMIT), UnsafeMutableRawPointer(bitPattern: Int(value)), 0)
        try Diagnostics.check(rc, SQLSMALLINT(SQL_HANDLE_DBC), handle, "set autocommit \(on ? "on" : "off") on \(displayName)")
        autocommit = on
    }

    public func commit() throws {
        let rc = SQLEndTran(SQLSMALLINT(SQL_HANDLE_DBC), handle, SQLSMALLINT(SQL_COMMIT))
        try Diagnostics.check(rc, SQLSMALLINT(SQL_HANDLE_DBC), handle, "commit on \(displayName)")
    }

    public func rollback() throws {
        let rc = SQLEndTran(SQLSMALLINT(SQL_HANDLE_DBC), handle, SQLSMALLINT(SQL_ROLLBACK))
        try Diagnostics.check(rc, SQLSMALLINT(SQL_HANDLE_DBC), handle, "rollback on \(displayName)")
    }

    /// Runs `body` in a transaction: commits if it returns, rolls back if it
    /// throws (and rethrows), then restores autocommit. If the rollback itself
    /// fails, the connection is closed — disconnecting rolls back — because
    /// turning autocommit back on would commit the open transaction.
    @discardableResult
    public func withTransaction<T>(_ body: (ODBCConnection) throws -> T) throws -> T {
        try setAutocommit(false)
        let result: T
        do {
            result = try body(self)
            try commit()
        } catch {
            directStatement?.closeCursor()
            do {
                try rollback()
            } catch {
                close()
                throw error
            }
            try? setAutocommit(true)
            throw error
        }
        try setAutocommit(true)
        return result
    }

    /// Executes SQL (one statement or a batch), draining every result set so
    /// that errors of later statements surface.
    @discardableResult
    public func execute(_ sql: String, _ parameters: [ODBCValue] = []) throws -> ODBCResult {
        // One statement handle serves every direct execution (freed with the
        // connection): allocating one per statement costs a round of driver work.
        if directStatement == nil { directStatement = try ODBCStatement(connection: self) }
        directStatement!.fetchStrategy = fetchStrategy
        return try directStatement!.run(sql, parameters)
    }

    /// The first result set of a query.
    public func query(_ sql: String, _ parameters: [ODBCValue] = []) throws -> ODBCResultSet {
        try execute(sql, parameters).resultSets.first ?? ODBCResultSet(columns: [], rows: [])
    }

    /// The first column of the first row, or nil when there is none or it is NULL.
    public func scalar(_ sql: String, _ parameters: [ODBCValue] = []) throws -> String? {
        try query(sql, parameters).rows.first?.first ?? nil
    }

    /// A prepared statement for repeated execution with different parameters.
    public func prepare(_ sql: String) throws -> ODBCPreparedStatement {
        try ODBCPreparedStatement(connection: self, sql: sql)
    }
}

/// Everything a batch returned: its result sets and the row counts of its
/// statements, in order.
public struct ODBCResult: Sendable {
    public var resultSets: [ODBCResultSet]
    public var rowCounts: [Int]
}

/// Rows of one result set; every value read as text (NULL is nil).
public struct ODBCResultSet: Sendable {
    public var columns: [String]
    public var rows: [[String?]]

    public init(columns: [String], rows: [[String?]]) {
        self.columns = columns
        self.rows = rows
    }

    /// The rows as dictionaries keyed by lower-cased column name.
    public var records: [[String: String?]] {
        let keys = columns.map { $0.lowercased() }
        return rows.map { Dictionary(zip(keys, $0), uniquingKeysWith: { a, _ in a }) }
    }
}
