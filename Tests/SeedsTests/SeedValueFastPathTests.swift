import Testing
import OEEModel
@testable import Seeds

/// The byte-level fast path answers exactly as the general parser, and only
/// for the shapes it knows; everything else falls through.
struct SeedValueFastPathTests {
    static let types: [SQLType] = [.tinyint, .smallint, .int, .bigint, .decimal(precision: 9, scale: 4), .decimal(precision: 5, scale: 0),
                                   .decimal(precision: 12, scale: 3), .datetime2(precision: 3), .datetime2(precision: 0), .datetime2(precision: 7)]
    static let texts = [
        "0", "-0", "7", "007", "-12", "+5", "255", "256", "-32768", "32768", "2147483647", "2147483648", "-2147483649",
        "999999999999999999", "9223372036854775807", "1e3", "12a", "", "-", "1.", ".5", "-.5", "0.0000", "-0.00", "12.3456",
        "12.34560", "12.34567", "99999.9999", "100000", "00012.5", "1.2.3",
        "2025-01-05 08:05:00", "2025-01-05T08:05:00.005", "2025-01-05 08:05:00.1234567", "2025-01-05 08:05:00.120",
        "2025-02-29 00:00:00", "2024-02-29 23:59:59", "2025-13-01 00:00:00", "2025-01-05 24:00:00", "2025-01-05 08:60:00",
        "2025-01-05 08:05:00.", "2025-01-05 08:05:00Z", "2025-01-05 08:05", "2025-01-05x08:05:00", "2025-01-05 08:05:00.12345678",
    ]

    /// What the general parser says, bypassing the fast path.
    static func general(_ text: String, _ type: SQLType) -> SeedValue? {
        let result: Result<SeedValue, SeedValueError>
        switch type {
        case .tinyint: result = SeedValueParser.integer(text, in: 0...255, type)
        case .smallint: result = SeedValueParser.integer(text, in: -32_768...32_767, type)
        case .int: result = SeedValueParser.integer(text, in: Int64(Int32.min)...Int64(Int32.max), type)
        case .bigint: result = SeedValueParser.integer(text, in: Int64.min...Int64.max, type)
        case .decimal(let p, let s): result = SeedValueParser.decimal(text, precision: p, scale: s)
        case .datetime2(let p): result = SeedValueParser.timestamp(text, precision: p, allowZ: true).map { SeedValue.timestamp($0.text) }
        default: return nil
        }
        return try? result.get()
    }

    @Test(arguments: types)
    func agreesWithTheGeneralParser(_ type: SQLType) {
        for text in Self.texts {
            guard let fast = SeedValueFastPath.parse(text, as: type) else { continue }
            #expect(fast == Self.general(text, type), "\(text) as \(type)")
        }
    }

    @Test func takesTheCommonShapes() {
        #expect(SeedValueFastPath.parse("-12", as: .int) == .int(-12))
        #expect(SeedValueFastPath.parse("00012.5", as: .decimal(precision: 9, scale: 4)) == .decimal("12.5000"))
        #expect(SeedValueFastPath.parse("-0.00", as: .decimal(precision: 9, scale: 2)) == .decimal("0.00"))
        #expect(SeedValueFastPath.parse("2025-01-05T08:05:00.1", as: .datetime2(precision: 3)) == .timestamp("2025-01-05 08:05:00.100"))
        #expect(SeedValueFastPath.parse("2025-01-05 08:05:00.120", as: .datetime2(precision: 0)) == nil)
        #expect(SeedValueFastPath.parse("2025-02-29 00:00:00", as: .datetime2(precision: 0)) == nil)
        #expect(SeedValueFastPath.parse("256", as: .tinyint) == nil)
        // Whatever the fast path leaves, the general parser still decides (and words the error).
        #expect(SeedValueParser.parse("+5", as: .int) == .success(.int(5)))
        #expect(SeedValueParser.parse("2025-01-05 08:05:00Z", as: .datetime2(precision: 0)) == .success(.timestamp("2025-01-05 08:05:00")))
    }
}
