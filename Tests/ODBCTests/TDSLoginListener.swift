import Foundation
import OEETestSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A loopback TCP listener that speaks just enough TDS ([MS-TDS]) to read the
/// LOGIN7 packet a client sends and refuse it, so tests can see exactly what
/// the FreeTDS ODBC driver puts on the wire — no SQL Server needed.
///
/// Hand-written because no TDS server library is a dependency and the test
/// needs byte-level access: it answers PRELOGIN (type 0x12) with
/// ENCRYPTION = ENCRYPT_NOT_SUP (0x02) so no TLS starts, reads LOGIN7 (type
/// 0x10, 2.2.6.4), decodes user, password (per byte: XOR 0xA5, then swap
/// nibbles) and database from UCS-2, then answers a tabular result (0x04)
/// holding ERROR 18456 and DONE with the error bit, and closes. Every socket
/// call has a timeout, so a test cannot hang.
final class TDSLoginListener: @unchecked Sendable {
    struct Login: Sendable {
        var tdsVersion: UInt32
        var hostName: String
        var userName: String
        var password: String
        /// The password's bytes as decoded UCS-2 units (to compare byte-exact).
        var passwordUnits: [UInt16]
        var appName: String
        var serverName: String
        var database: String
        var userUnits: [UInt16]
        var databaseUnits: [UInt16]
    }

    struct Prelogin: Sendable {
        /// ENCRYPTION option the client sent (0 off, 1 on, 2 not supported, 3 required).
        var encryption: UInt8?
        var version: [UInt8]
    }

    let port: UInt16
    private let fd: Int32
    private let lock = NSLock()
    private var _login: Login?
    private var _prelogin: Prelogin?
    private var _failure: String?
    private let done = DispatchSemaphore(value: 0)

    var login: Login? { lock.withLock { _login } }
    var prelogin: Prelogin? { lock.withLock { _prelogin } }
    var failure: String? { lock.withLock { _failure } }

    /// Binds 127.0.0.1 on an ephemeral port and serves one client on a thread.
    init(timeoutSeconds: Int = 10) throws {
        (fd, port) = try LoopbackSocket.listen(backlog: 4)
        let thread = Thread { [self] in
            serve(timeoutSeconds: timeoutSeconds)
            done.signal()
        }
        thread.start()
    }

    /// Waits (bounded) until the listener has served its client or given up.
    @discardableResult
    func wait(seconds: Int = 15) -> Bool {
        done.wait(timeout: .now() + .seconds(seconds)) == .success
    }

    private func record(_ failure: String) { lock.withLock { if _failure == nil { _failure = failure } } }

    private func serve(timeoutSeconds: Int) {
        defer { close(fd) }
        var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&pfd, 1, Int32(timeoutSeconds * 1000)) > 0 else { record("no client connected within \(timeoutSeconds) s"); return }
        let client = accept(fd, nil, nil)
        guard client >= 0 else { record("accept failed"); return }
        defer { close(client) }
        var tv = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(client, SOL_SOCKET, SO_SNDTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))

        guard let (type1, pre) = readMessage(client) else { record("no PRELOGIN received"); return }
        guard type1 == 0x12 else { record("first packet type \(type1), expected PRELOGIN 0x12"); return }
        let p = Self.parsePrelogin(pre)
        lock.withLock { _prelogin = p }
        writePacket(client, type: 0x04, payload: Self.preloginResponse())

        guard let (type2, login) = readMessage(client) else { record("no LOGIN7 received (did the client start TLS?)"); return }
        guard type2 == 0x10 else { record("second packet type \(type2), expected LOGIN7 0x10"); return }
        guard let decoded = Self.parseLogin7(login) else { record("LOGIN7 too short to parse"); return }
        lock.withLock { _login = decoded }
        writePacket(client, type: 0x04, payload: Self.loginFailedResponse(user: decoded.userName))
    }

    // MARK: Packets

    /// Reads packets until one has the end-of-message status bit; returns type and payload.
    private func readMessage(_ s: Int32) -> (UInt8, [UInt8])? {
        var payload: [UInt8] = []
        var type: UInt8 = 0
        while true {
            guard let header = readExactly(s, 8) else { return nil }
            type = header[0]
            let length = Int(header[2]) << 8 | Int(header[3])
            guard length >= 8, let body = readExactly(s, length - 8) else { return nil }
            payload += body
            if header[1] & 0x01 != 0 { return (type, payload) }
        }
    }

    private func readExactly(_ s: Int32, _ n: Int) -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: n)
        var got = 0
        while got < n {
            let r = buffer.withUnsafeMutableBytes { recv(s, $0.baseAddress! + got, n - got, 0) }
            if r <= 0 { return nil }
            got += r
        }
        return buffer
    }

    private func writePacket(_ s: Int32, type: UInt8, payload: [UInt8]) {
        let length = payload.count + 8
        let packet: [UInt8] = [type, 0x01, UInt8(length >> 8), UInt8(length & 0xFF), 0, 0, 1, 0] + payload
        _ = packet.withUnsafeBytes { send(s, $0.baseAddress!, packet.count, Int32(MSG_NOSIGNAL)) }
    }

    // MARK: PRELOGIN (2.2.6.5)

    static func parsePrelogin(_ data: [UInt8]) -> Prelogin {
        var result = Prelogin(encryption: nil, version: [])
        var i = 0
        while i + 5 <= data.count, data[i] != 0xFF {
            let token = data[i], offset = Int(data[i + 1]) << 8 | Int(data[i + 2]), length = Int(data[i + 3]) << 8 | Int(data[i + 4])
            if offset + length <= data.count {
                if token == 0x01, length >= 1 { result.encryption = data[offset] }
                if token == 0x00 { result.version = Array(data[offset..<offset + length]) }
            }
            i += 5
        }
        return result
    }

    /// VERSION 0x0F000000 build 0, ENCRYPTION = ENCRYPT_NOT_SUP.
    static func preloginResponse() -> [UInt8] {
        // Two option tokens (5 bytes each) + terminator = 11 bytes of header.
        let version: [UInt8] = [0x0F, 0x00, 0x00, 0x00, 0x00, 0x00]
        return [0x00, 0x00, 11, 0x00, 6,
                0x01, 0x00, 17, 0x00, 1,
                0xFF] + version + [0x02]
    }

    // MARK: LOGIN7 (2.2.6.4)

    static func parseLogin7(_ d: [UInt8]) -> Login? {
        guard d.count >= 94 else { return nil }
        func u16(_ at: Int) -> Int { Int(d[at]) | Int(d[at + 1]) << 8 }
        func units(_ pair: Int, password: Bool = false) -> [UInt16] {
            let offset = u16(pair), count = u16(pair + 2)
            guard offset + count * 2 <= d.count else { return [] }
            var bytes = Array(d[offset..<offset + count * 2])
            if password { bytes = bytes.map { b in let x = b ^ 0xA5; return (x << 4) | (x >> 4) } }
            return stride(from: 0, to: bytes.count, by: 2).map { UInt16(bytes[$0]) | UInt16(bytes[$0 + 1]) << 8 }
        }
        func text(_ u: [UInt16]) -> String { String(decoding: u, as: UTF16.self) }
        let version = UInt32(d[4]) | UInt32(d[5]) << 8 | UInt32(d[6]) << 16 | UInt32(d[7]) << 24
        let user = units(40), password = units(44, password: true), database = units(68)
        return Login(tdsVersion: version, hostName: text(units(36)), userName: text(user), password: text(password),
                     passwordUnits: password, appName: text(units(48)), serverName: text(units(52)),
                     database: text(database), userUnits: user, databaseUnits: database)
    }

    // MARK: Response (2.2.7.10 ERROR, 2.2.7.6 DONE)

    static func loginFailedResponse(user: String) -> [UInt8] {
        func le16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
        func le32(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 24 & 0xFF)] }
        func ucs2(_ s: String) -> [UInt8] { s.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } }
        let message = "Login failed for user '\(user)'."
        let server = "tdslistener"
        var body: [UInt8] = le32(18456) + [1, 14]
        body += le16(message.utf16.count) + ucs2(message)
        body += [UInt8(server.utf16.count)] + ucs2(server)
        body += [0]          // ProcName: empty
        body += le32(1)      // LineNumber
        var out: [UInt8] = [0xAA] + le16(body.count) + body
        out += [0xFD] + le16(0x0002) + le16(0) + [UInt8](repeating: 0, count: 8)  // DONE_ERROR
        return out
    }
}
