import Foundation

/// The font the ER diagrams are laid out with, and the check that it is the
/// one fontconfig hands Graphviz.
///
/// Graphviz measures every label with whatever font fontconfig resolves the
/// DOT's `fontname` to, so the SVG's coordinates (and bytes) depend on the
/// fonts installed where it runs. The DOT therefore names one family
/// explicitly, `scripts/setup.sh` installs it by its Debian package, and
/// ``verify(environment:)`` refuses to draw when fontconfig would substitute
/// another family: the result would differ from the committed SVG on every
/// byte that holds a coordinate.
///
/// Where the family is missing in a *viewer* (a browser showing the SVG), the
/// SVG's `font-family` list falls back to `sans-serif`, and the table cells
/// are sized for ``fallbackEmPerCharacter`` so a wider fallback still fits.
public struct DiagramFont: Sendable, Equatable {
    /// The family named in the DOT, exactly as fontconfig reports it.
    public var family: String
    /// The Debian package that installs it.
    public var debianPackage: String

    /// DejaVu Sans: wide Unicode coverage (the legend's box-drawing `┼`, `’`,
    /// `·`, `→` all come from this one family) and wider than the Helvetica /
    /// Arial / Liberation Sans a viewer usually falls back to.
    public static let erd = DiagramFont(family: "DejaVu Sans", debianPackage: "fonts-dejavu-core")

    /// The DOT `fontname`: the family, then the generic family for viewers
    /// without it. Pango (Graphviz's text layout) takes the first family that
    /// is installed, and ``verify(environment:)`` makes sure that is `family`.
    public var fontname: String { "\(family),sans-serif" }

    /// A generous width of one character, in ems, for sizing cells so text in
    /// a fallback font still fits. Measured with Graphviz on the model's
    /// identifiers and types (median per character): DejaVu Sans Mono 0.60
    /// regular and bold, the widest fallback a browser is likely to pick;
    /// DejaVu Sans 0.52, bold 0.61; Liberation Sans (Arial's and Helvetica's
    /// metrics) 0.46, bold 0.49. A cell is as wide as the larger of this
    /// estimate and its text in DejaVu Sans, so bold and capitals, wider in
    /// DejaVu Sans, keep the room Graphviz measured for them.
    public static let fallbackEmPerCharacter = 0.62

    /// The minimum width, in points, of `text` at `pointSize` in any font up to
    /// ``fallbackEmPerCharacter`` wide, rounded up.
    public static func fallbackWidth(of text: String, pointSize: Double) -> Int {
        Int((Double(text.count) * fallbackEmPerCharacter * pointSize).rounded(.up))
    }

    /// Throws unless `fc-match` resolves `family` (regular and bold) to
    /// `family` itself. The message names the package to install.
    public func verify(environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        guard let fcMatch = DiagramFont.locateFcMatch(environment: environment) else {
            throw GraphvizRunner.Failure(message: "cannot check that the diagram font '\(family)' is installed: fc-match not found; fix: apt-get install fontconfig \(debianPackage) (scripts/setup.sh installs both), or pass --dot none to skip SVG")
        }
        for (pattern, style) in [(family, "regular"), ("\(family):bold", "bold")] {
            let resolved = try DiagramFont.run(fcMatch, ["-f", "%{family[0]}", pattern], environment: environment)
            if resolved != family {
                let got = resolved.isEmpty ? "no font at all" : "'\(resolved)'"
                throw GraphvizRunner.Failure(message: "the diagram font '\(family)' (\(style)) is not installed: fontconfig substitutes \(got), so Graphviz would lay out the ER diagrams differently from the committed SVG; fix: apt-get install \(debianPackage) (scripts/setup.sh installs it), or pass --dot none to skip SVG")
            }
        }
    }

    static func locateFcMatch(environment: [String: String]) -> String? {
        for dir in (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(dir)/fc-match"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// Standard output of `executable arguments`, trimmed.
    static func run(_ executable: String, _ arguments: [String], environment: [String: String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch {
            throw GraphvizRunner.Failure(message: "cannot run \(executable): \(error.localizedDescription)")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
