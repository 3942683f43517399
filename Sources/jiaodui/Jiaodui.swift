import ArgumentParser
import Foundation
import Jiaodui

@main
struct JiaoduiCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jiaodui",
        abstract: "校对 Jiaodui — a checker for Chinese office writing.",
        version: Jiaodui.version,
        subcommands: [TokenizeCommand.self, CompileDictionaryCommand.self],
        defaultSubcommand: nil
    )
}
