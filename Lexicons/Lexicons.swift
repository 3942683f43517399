import Foundation

/// Locates the word lists shipped with Jiaodui (the top-level `Lexicons/` folder, as a resource bundle).
public enum LexiconFiles {
    /// The URL of a shipped lexicon file, e.g. `url("dict/words.bin")`.
    public static func url(_ relativePath: String) -> URL? {
        guard let base = Bundle.module.resourceURL else { return nil }
        let url = base.appendingPathComponent(relativePath)
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// Every file with the given extension in a shipped lexicon folder (or in that folder under `lexicons`,
    /// a source tree's `Lexicons`), sorted by name.
    public static func files(in folder: String, withExtension ext: String, under lexicons: URL? = nil) -> [URL] {
        guard let base = lexicons ?? Bundle.module.resourceURL else { return [] }
        let dir = base.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix("." + ext) }.sorted().map { dir.appendingPathComponent($0) }
    }
}
