import ArgumentParser
import Foundation
import Jiaodui

@main
struct JiaoduiCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jiaodui",
        abstract: "校对 Jiaodui — a checker for Chinese office writing.",
        version: Jiaodui.version,
        subcommands: [CheckCommand.self, FixCommand.self, SummarizeCommand.self, RulesCommand.self, DumpConfigCommand.self, InitCommand.self, TokenizeCommand.self, CompileDictionaryCommand.self, CompileLexiconsCommand.self, GenerateScriptTableCommand.self, BuildTypoModelCommand.self, GenerateReadingsCommand.self],
        defaultSubcommand: CheckCommand.self
    )
}
