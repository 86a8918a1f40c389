import ArgumentParser
import Foundation

extension Oeedb {
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a Swift package that runs oeedb over its own model (the canonical schema plus yours).",
            discussion: """
                The package has a schema module that extends the canonical OEE schema \
                (OEECanonical.objects), an executable NAME that is the whole oeedb command line \
                over that model, and its own migrations/, seeds/ and docs/ (relative to the \
                package). It depends on oeedb by path with --oeedb-path (offline, e.g. a \
                checkout beside it), else on oeedb's repository. Refuses a folder that is not \
                empty.

                Examples:
                  oeedb init ../plantdb --name plantdb --oeedb-path ../oeedb
                  cd ../plantdb && swift build && swift run plantdb model check
                """
        )

        @Argument(help: ArgumentHelp("The folder to create (must not exist or be empty).", valueName: "dir"))
        var directory: String

        @Option(name: .long, help: ArgumentHelp("The package's and executable's name: lowercase letters, digits, '-' or '_', starting with a letter.", valueName: "name"))
        var name: String

        @Option(name: .long, help: ArgumentHelp("Depend on oeedb at this path (relative to the new package, or absolute) instead of its repository.", valueName: "path"))
        var oeedbPath: String?

        func validate() throws {
            guard PackageTemplate.isValidName(name) else {
                throw ValidationError("--name '\(name)': use lowercase ASCII letters, digits, '-' or '_', starting with a letter, at most 40 characters (e.g. --name plantdb)")
            }
        }

        func run() throws {
            try reportingErrors {
                let root = URL(fileURLWithPath: directory)
                let fm = FileManager.default
                if let existing = try? fm.contentsOfDirectory(atPath: root.path), !existing.isEmpty {
                    throw CLIError("\(directory) is not empty; pass a new folder (oeedb init never overwrites files)")
                }
                let template = PackageTemplate(name: name, oeedbPath: oeedbPath)
                do {
                    for file in template.files {
                        let url = root.appendingPathComponent(file.path)
                        try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                        try Data(file.contents.utf8).write(to: url)
                        Console.out("wrote \(directory)/\(file.path)")
                    }
                } catch let error as CLIError {
                    throw error
                } catch {
                    throw CLIError("\(directory): cannot write the package (\((error as NSError).localizedDescription))")
                }
                Console.out("next: cd \(directory) && swift build && swift run \(name) model check")
            }
        }
    }
}
