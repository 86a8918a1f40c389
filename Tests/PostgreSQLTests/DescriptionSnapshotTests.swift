import OEEDSL
import OEEDiff
import Testing
@testable import PostgreSQL

/// Descriptions as COMMENT ON; consecutive ones of a table share a batch.
@Suite struct DescriptionSnapshotTests {
    @Test func descriptions() throws {
        try assertSQL(Cases.descriptions)
    }

    /// No PostgreSQL object to comment on: notes only.
    @Test func omittedDescriptions() throws {
        try assertSQL(Cases.omittedDescriptions)
    }

    @Test func emptyDescriptionChangeThrows() {
        #expect(renderError([.setDescription(.table(Fixture.refSite), from: nil, to: nil)])?.message.contains("changes nothing") == true)
    }
}
