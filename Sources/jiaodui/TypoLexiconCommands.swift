import ArgumentParser
import Foundation
import Jiaodui

/// Maintainers' tool: rebuilds Lexicons/typo/model.bin from its sources.
struct BuildTypoModelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build-typo-model",
        abstract: "Compile the typo rule's character-pair model from bigrams.tsv and the word dictionary TSV.",
        shouldDisplay: false
    )

    @Argument(help: "Character-pair counts (pair<TAB>count), e.g. Lexicons/typo/bigrams.tsv.") var bigrams: String
    @Argument(help: "The word dictionary source, e.g. Lexicons/dict/words.tsv.") var words: String
    @Argument(help: "The binary file to write, e.g. Lexicons/typo/model.bin.") var output: String

    func run() throws {
        guard let pairs = try? String(contentsOfFile: bigrams, encoding: .utf8) else { fail("\(bigrams): cannot be read") }
        guard let list = try? String(contentsOfFile: words, encoding: .utf8) else { fail("\(words): cannot be read") }
        try Data(TypoModel.compileModel(bigrams: pairs, words: list)).write(to: URL(fileURLWithPath: output), options: .atomic)
    }
}

/// Maintainers' tool: regenerates Lexicons/typo/readings.tsv from the system ICU.
struct GenerateReadingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate-readings",
        abstract: "Write the pinyin reading (with tone) of every Han character in the given files, from ICU's Han-Latin transliterator.",
        shouldDisplay: false
    )

    @Argument(help: "Files whose characters need readings, e.g. Lexicons/dict/words.tsv Lexicons/typo/shapes.tsv.") var sources: [String]
    @Option(name: .shortAndLong, help: "The TSV file to write.") var output: String

    func run() throws {
        var text = ""
        for source in sources {
            guard let content = try? String(contentsOfFile: source, encoding: .utf8) else { fail("\(source): cannot be read") }
            text += content
        }
        try Data(try TypoModel.generateReadingsTSV(characters: text).utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
    }
}
