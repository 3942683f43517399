import ArgumentParser
import Foundation
import Jiaodui

/// Maintainers' tool: compiles the shipped substitution lexicons (YAML) into the binary that `check` loads.
struct CompileLexiconsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compile-lexicons",
        abstract: "Compile Lexicons/wrong-word and Lexicons/register into Lexicons/compiled/substitutions.bin.",
        shouldDisplay: false
    )

    @Argument(help: "The Lexicons folder of the source tree.") var lexicons: String = "Lexicons"

    func run() throws {
        let folder = URL(fileURLWithPath: lexicons)
        let files = CompiledLexicon.sourceFiles(in: folder)
        guard !files.isEmpty, let fingerprint = CompiledLexicon.fingerprint(of: files) else { fail("\(lexicons): no readable lexicon files in \(CompiledLexicon.folders.joined(separator: ", "))") }
        let entries: [LexiconEntry]
        do { entries = try SubstitutionLexicon.load(files: files) } catch { fail("\(error)") }
        let output = folder.appendingPathComponent(CompiledLexicon.relativePath)
        try FileManager.default.createDirectory(at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(CompiledLexicon.encode(entries, fingerprint: fingerprint)).write(to: output, options: .atomic)
        print("\(entries.count) entries from \(files.count) files → \(output.path)")
    }
}
