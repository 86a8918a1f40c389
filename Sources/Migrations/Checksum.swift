import Crypto
import Foundation

/// SHA-256 checksums as lowercase hex, for migration files and the integrity file.
public enum Checksum {
    private static let hexDigits = Array("0123456789abcdef".utf8)

    public static func sha256(_ data: Data) -> String {
        // Hex by table lookup: `String(format:)` per byte cost more than the hash
        // itself when a directory of hundreds of files is verified.
        var hex = [UInt8]()
        hex.reserveCapacity(64)
        for byte in SHA256.hash(data: data) {
            hex.append(hexDigits[Int(byte >> 4)])
            hex.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    public static func sha256(_ text: String) -> String {
        sha256(Data(text.utf8))
    }
}
