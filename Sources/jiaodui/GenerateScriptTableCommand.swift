import ArgumentParser
import Foundation
import Jiaodui

/// Maintainers' tool: regenerates Lexicons/script/characters.tsv from the system ICU.
struct GenerateScriptTableCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate-script-table",
        abstract: "Write the Traditional/Simplified character table derived from ICU.",
        shouldDisplay: false
    )

    @Argument(help: "The TSV file to write.") var output: String

    func run() throws {
        try Data(try ScriptTable.generateTSV().utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
    }
}
