import Foundation

/// How the files in an output folder compare with what the model renders.
public struct DocsComparison: Hashable, Sendable {
    /// Present in both, with different bytes.
    public var differing: [String] = []
    /// Rendered but not in the folder.
    public var missing: [String] = []
    /// Generated-kind files in the folder that the model no longer renders.
    public var extra: [String] = []
    /// Present and identical.
    public var identical: [String] = []

    public var isUpToDate: Bool { differing.isEmpty && missing.isEmpty && extra.isEmpty }
}

/// Reading, comparing and writing the docs folder. Only files the layout calls
/// generated are ever compared, replaced or removed; anything else is left alone.
public struct DocsDirectory: Sendable {
    public var root: URL
    public var layout: DocsLayout

    public init(root: URL, layout: DocsLayout = DocsLayout()) {
        self.root = root
        self.layout = layout
    }

    /// Generated-kind files now in the folder, as relative paths, sorted.
    public func existingFiles() -> [String] {
        let fm = FileManager.default
        var result: [String] = []
        for dir in ["", layout.diagramFolder] {
            let url = dir.isEmpty ? root : root.appendingPathComponent(dir)
            for name in (try? fm.contentsOfDirectory(atPath: url.path)) ?? [] {
                let rel = dir.isEmpty ? name : "\(dir)/\(name)"
                var isDir: ObjCBool = false
                if fm.fileExists(atPath: url.appendingPathComponent(name).path, isDirectory: &isDir), !isDir.boolValue, layout.isGenerated(rel) {
                    result.append(rel)
                }
            }
        }
        return result.sorted()
    }

    /// Compares `files` with the folder. Paths for which `skip` holds (SVG when
    /// Graphviz is missing) are neither compared nor reported.
    public func compare(_ files: [DocFile], skip: (String) -> Bool = { _ in false }) -> DocsComparison {
        var result = DocsComparison()
        let rendered = Set(files.map(\.path))
        for file in files where !skip(file.path) {
            guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(file.path).path) else {
                result.missing.append(file.path)
                continue
            }
            if data == Data(file.contents.utf8) { result.identical.append(file.path) } else { result.differing.append(file.path) }
        }
        result.extra = existingFiles().filter { !rendered.contains($0) && !skip($0) }
        return result
    }

    public struct WriteResult: Hashable, Sendable {
        public var changed: [String] = []
        public var unchanged: [String] = []
        public var removed: [String] = []
    }

    /// Writes the files whose bytes differ (untouched ones keep their dates) and
    /// removes stale generated-kind files, except those `skip` protects.
    public func write(_ files: [DocFile], skip: (String) -> Bool = { _ in false }) throws -> WriteResult {
        let fm = FileManager.default
        let before = compare(files, skip: skip)
        var result = WriteResult(unchanged: before.identical)
        for file in files where before.differing.contains(file.path) || before.missing.contains(file.path) {
            let url = root.appendingPathComponent(file.path)
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.contents.utf8).write(to: url, options: .atomic)
            result.changed.append(file.path)
        }
        for path in before.extra {
            try fm.removeItem(at: root.appendingPathComponent(path))
            result.removed.append(path)
        }
        return result
    }
}
