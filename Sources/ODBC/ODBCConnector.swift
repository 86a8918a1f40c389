/// Opens connections from a ``ConnectionSpec``, turning failures into
/// classified ``ConnectionError``s that never show a secret.
public enum ODBCConnector {
    public static func connect(_ spec: ConnectionSpec, environment: ODBCEnvironment, loginTimeout: Int = 15) throws -> ODBCConnection {
        do {
            return try ODBCConnection(environment: environment, connectionString: spec.odbcString, displayName: spec.summary, loginTimeout: loginTimeout)
        } catch let error as ODBCError {
            throw ConnectionError.classify(error, spec: spec, installedDrivers: environment.drivers().map(\.name))
        }
    }
}
