import Foundation
import OEETestSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A loopback TCP relay between a client and a real PostgreSQL server that
/// records every message the client sends ([PostgreSQL protocol, "Message
/// Formats"]): the untyped SSLRequest/GSSENCRequest/StartupMessage at the
/// start, then typed messages (a type byte and an Int32 length that counts
/// itself). Server bytes pass through untouched. Tests read what the driver
/// really put on the wire: how many round trips a migration costs and what
/// each Query message held.
///
/// Hand-written: no PostgreSQL protocol library is a dependency, and only
/// frontend message boundaries are needed. Sockets time out after 30 s of
/// silence so a test cannot hang.
final class PGWireRecorder: @unchecked Sendable {
    struct Message: Sendable {
        var type: Character
        /// The SQL of a Query ('Q') or Parse ('P') message.
        var sql: String?
    }

    let port: UInt16
    private let listener: Int32
    private let target: UInt16
    private let lock = NSLock()
    private var _messages: [Message] = []

    var messages: [Message] { lock.withLock { _messages } }
    /// Simple queries and extended-protocol syncs: each ends in one wait for the server.
    var roundTrips: Int { messages.filter { $0.type == "Q" || $0.type == "S" }.count }

    init(forwardingTo target: UInt16) throws {
        self.target = target
        (listener, port) = try LoopbackSocket.listen(backlog: 8)
        Thread.detachNewThread { [self] in acceptLoop() }
    }

    deinit { shutdown(listener, Int32(SHUT_RDWR)); close(listener) }

    private static func setTimeout(_ fd: Int32) {
        var tv = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
    }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            guard client >= 0 else { return }
            guard let server = try? LoopbackSocket.connect(port: target) else { close(client); continue }
            Self.setTimeout(client)
            Self.setTimeout(server)
            Thread.detachNewThread { Self.pump(from: server, to: client) }
            Thread.detachNewThread { [self] in relayClient(client, to: server) }
        }
    }

    private static func pump(from: Int32, to: Int32) {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = recv(from, &buffer, buffer.count, 0)
            if n <= 0 || !sendAll(to, buffer[0..<n]) { break }
        }
        shutdown(to, Int32(SHUT_RDWR))
        shutdown(from, Int32(SHUT_RDWR))
    }

    private static func sendAll(_ fd: Int32, _ bytes: ArraySlice<UInt8>) -> Bool {
        var offset = bytes.startIndex
        while offset < bytes.endIndex {
            let sent = bytes[offset...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent <= 0 { return false }
            offset += sent
        }
        return true
    }

    /// Forwards the client's bytes as they come and records each complete message.
    private func relayClient(_ client: Int32, to server: Int32) {
        var pending: [UInt8] = []
        var typed = false
        var buffer = [UInt8](repeating: 0, count: 65_536)
        func int32(_ at: Int) -> Int { pending[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        while true {
            let n = recv(client, &buffer, buffer.count, 0)
            if n <= 0 || !Self.sendAll(server, buffer[0..<n]) { break }
            pending += buffer[0..<n]
            while true {
                if !typed {
                    guard pending.count >= 8, pending.count >= int32(0) else { break }
                    let length = int32(0), code = int32(4)
                    // SSLRequest and GSSENCRequest are answered with one byte; the StartupMessage follows untyped.
                    if code != 80_877_103 && code != 80_877_104 { typed = true }
                    pending.removeFirst(length)
                    continue
                }
                guard pending.count >= 5, pending.count >= 1 + int32(1) else { break }
                let length = int32(1)
                let type = Character(UnicodeScalar(pending[0]))
                var sql: String?
                if type == "Q" {
                    sql = String(decoding: pending[5..<(1 + length - 1)], as: UTF8.self)
                } else if type == "P", let nameEnd = pending[5...].firstIndex(of: 0), let end = pending[(nameEnd + 1)...].firstIndex(of: 0) {
                    sql = String(decoding: pending[(nameEnd + 1)..<end], as: UTF8.self)
                }
                lock.withLock { _messages.append(Message(type: type, sql: sql)) }
                pending.removeFirst(1 + length)
            }
        }
        shutdown(server, Int32(SHUT_RDWR))
        shutdown(client, Int32(SHUT_RDWR))
    }
}
