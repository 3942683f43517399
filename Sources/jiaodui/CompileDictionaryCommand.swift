import ArgumentParser
import Foundation
import Jiaodui

/// Maintainers' tool: rebuilds the binary word dictionary from its TSV source.
struct CompileDictionaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compile-dictionary",
        abstract: "Compile a word<TAB>frequency list into Jiaodui's binary dictionary format.",
        shouldDisplay: false
    )

    @Argument(help: "The TSV source (word<TAB>frequency per line).") var source: String
    @Argument(help: "The binary file to write.") var output: String

    func run() throws {
        guard let text = try? String(contentsOfFile: source, encoding: .utf8) else { fail("\(source): cannot be read") }
        let bytes = WordDictionary.compile(tsv: text)
        try Data(bytes).write(to: URL(fileURLWithPath: output), options: .atomic)
    }
}
