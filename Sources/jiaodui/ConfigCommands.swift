import ArgumentParser
import Foundation
import Jiaodui

struct DumpConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dump-config",
        abstract: "Print the effective configuration for a folder or file (the nearest .jiaodui.yml above it, with defaults filled in)."
    )

    @Argument(help: "A folder or file (default: the current folder).")
    var path: String = "."

    @Option(name: .long, help: ArgumentHelp("Use this configuration file instead of looking for one.", valueName: "file"))
    var config: String?

    func run() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { fail("\(path): no such file or folder") }
        let folder = isDirectory.boolValue ? URL(fileURLWithPath: path) : URL(fileURLWithPath: path).deletingLastPathComponent()
        let found = config.map { URL(fileURLWithPath: $0) } ?? ConfigurationFile.find(from: folder.standardizedFileURL)
        do {
            let file = try found.map { url throws(ConfigurationError) in try ConfigurationFile.load(url) }
            for warning in file?.warnings ?? [] { printWarning(warning) }
            print("# " + (found.map { "from \($0.path)" } ?? "no \(ConfigurationFile.fileName) found: defaults"))
            print((file ?? ConfigurationFile.defaults(directory: folder)).yaml(), terminator: "")
        } catch {
            fail(error.description)
        }
    }
}

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented starter .jiaodui.yml in the current folder."
    )

    @Flag(name: .long, help: "Replace an existing file.")
    var force = false

    func run() throws {
        let path = ConfigurationFile.fileName
        if FileManager.default.fileExists(atPath: path) && !force { fail("\(path) already exists; use --force to replace it") }
        do { try writeAtomically(Array(ConfigurationFile.starter.utf8), to: path) } catch { fail(error.description) }
        print("wrote \(path)")
    }
}
