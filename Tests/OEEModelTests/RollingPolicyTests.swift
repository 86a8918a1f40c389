import Foundation
import Testing
import OEEDSL
@testable import OEEModel

@Suite struct RollingPolicyTests {
    @Test(arguments: [
        ("2027-01-01T06:00:00Z", "2027-01-01T06:00:00"),
        ("2027-01-01T06:00Z", "2027-01-01T06:00:00"),
        ("2027-01-01T06:00:59.999Z", "2027-01-01T06:00:59"),
        ("2027-01-01T06:00:00+00:00", "2027-01-01T06:00:00"),
        ("2027-01-01", "2027-01-01T00:00:00"),
    ])
    func asOfParsesUTC(_ text: String, _ literal: String) throws {
        #expect(try #require(UTCInstant(iso: text)).literalText == literal)
    }

    @Test(arguments: ["2027-01-01T06:00:00", "2027-01-01T06:00:00+02:00", "2027-13-01T00:00:00Z", "2027-01-01 06:00:00Z", "yesterday", ""])
    func asOfRejectsAnythingNotUTC(_ text: String) {
        #expect(UTCInstant(iso: text) == nil)
    }

    @Test func coverageAndCutoffFollowTheUnit() {
        let month = RollingWindow(unit: .month, ahead: 3, retain: 24, expiry: .switch(to: "archive"))
        let now = CivilDate(iso: "2026-12-15")!
        #expect(month.targetLastBoundary(at: now).iso == "2027-05-01")
        #expect(month.coverageAhead(lastBoundary: CivilDate(iso: "2027-05-01")!, at: now) == 4)
        #expect(month.cutoff(at: now)?.iso == "2024-12-01")
        #expect(RollingWindow(unit: .day, ahead: 7, retain: 90, expiry: .keep).cutoff(at: now) == nil)
    }

    /// Snapshots written before the policies existed still decode, and the policy round-trips.
    @Test func snapshotsStayDecodable() throws {
        let old = #"{"name":"pf","inputType":"datetime2(3)","range":"RIGHT","boundaries":{"window":{"start":"2026-10-01","unit":"day","count":3}}}"#
        let pf = try JSONDecoder().decode(PartitionFunction.self, from: Data(old.utf8))
        #expect(pf.rolling == nil)
        var rolled = pf
        rolled.rolling = RollingWindow(unit: .day, ahead: 7, retain: 90, expiry: .switch(to: "archive"))
        let back = try JSONDecoder().decode(PartitionFunction.self, from: try JSONEncoder().encode(rolled))
        #expect(back == rolled)
    }

    @Test func validationNamesBrokenPolicies() {
        let db = Database("oee") {
            PartitionFunction("pf_day", .datetime2(3), .left, .months(from: "2026-10-01", count: 3))
                .rolling(.day, ahead: 0, retain: 90, expire: .switch(to: "fact"))
            PartitionScheme("ps_day", function: "pf_day")
            Schema("fact") {
                Table("event", "Events") {
                    Column("ts_utc", .datetime2(3), "Time")
                    PrimaryKey("pk_event", "ts_utc")
                    Index("ix_hot", on: "ts_utc").rolling(keepHours: 72)
                }
                .partitioned(by: "ps_day", on: "ts_utc")
            }
        }
        let rules = Set(ModelValidator.validate(db).errors.map(\.rule))
        for rule in ["partition.rolling-range", "partition.rolling-ahead", "partition.rolling-unit", "partition.rolling-archive", "index.rolling-filter"] {
            #expect(rules.contains(rule), "\(rule) not in \(rules)")
        }
    }
}
