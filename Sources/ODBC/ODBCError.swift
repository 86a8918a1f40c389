/// A failed ODBC call with every diagnostic record the driver gave.
///
/// `description` reads like `[08001] (20009) Unable to connect: …`, one record
/// per line, prefixed by what oeedb was doing. Secrets never appear: the
/// context is built from masked connection text only.
public struct ODBCError: Error, Hashable, Sendable, CustomStringConvertible {
    public struct Record: Hashable, Sendable {
        public var sqlState: String
        public var nativeCode: Int
        public var message: String

        public init(sqlState: String, nativeCode: Int, message: String) {
            self.sqlState = sqlState
            self.nativeCode = nativeCode
            self.message = message
        }
    }

    /// What was being done: `connect to postgres://oee@127.0.0.1:5432/oee`.
    public var context: String
    public var records: [Record]

    public init(context: String, records: [Record]) {
        self.context = context
        self.records = records
    }

    /// The first record's SQLSTATE, or `HY000` when the driver gave none.
    public var sqlState: String { records.first?.sqlState ?? "HY000" }

    public var description: String {
        let lines = records.map { "[\($0.sqlState)] (\($0.nativeCode)) \($0.message)" }
        return "\(context): " + (lines.isEmpty ? "the driver reported an error without diagnostics" : lines.joined(separator: "\n  "))
    }
}
