import ArgumentParser
import Foundation
import Jiaodui

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check documents and report problems.",
        discussion: """
            Exit status: 0 when nothing at or above the failing severity was found, 1 when something \
            was, 2 on a usage or input error (the other files are still checked).
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "Files or folders to check; - for standard input.")
    var paths: [String] = []

    @Option(name: .long, help: "Output format: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: Format = .text

    @Option(name: .long, help: "The lowest severity that makes the exit status 1: error, warning or info.")
    var failOn: Severity = .warning

    @Flag(name: .long, help: "Never colour the text output (colour is used only on a terminal anyway).")
    var noColor = false

    @Option(name: .long, help: ArgumentHelp("Run only these rules (comma-separated ids; see `jiaodui rules`).", valueName: "ids"))
    var only: [String] = []

    @Option(name: .long, help: ArgumentHelp("Also run these rules that are off by default.", valueName: "ids"))
    var enable: [String] = []

    @Option(name: .long, help: ArgumentHelp("Do not run these rules.", valueName: "ids"))
    var disable: [String] = []

    @OptionGroup var input: InputOptions

    /// Rule ids from repeatable, comma-separated options, each checked against the catalogue.
    static func ruleIDs(_ values: [String], option: String) throws -> Set<String> {
        let known = Set(RuleCatalog.descriptions.map(\.id))
        var ids: Set<String> = []
        for id in values.flatMap({ $0.split(separator: ",") }).map({ $0.trimmingCharacters(in: .whitespaces) }) where !id.isEmpty {
            guard known.contains(id) else { throw CLIError("--\(option): unknown rule '\(id)'; did you mean '\(closestRuleID(to: id))'?") }
            ids.insert(id)
        }
        return ids
    }

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give at least one file or folder to check, or - for standard input") }
    }

    func run() throws {
        let encoding: TextEncoding?
        let linter: Linter
        do {
            encoding = try input.forcedEncoding()
            var configuration = LintConfiguration()
            configuration.userDictionary = try input.loadUserDictionary()
            if !only.isEmpty { configuration.onlyRules = try Self.ruleIDs(only, option: "only") }
            configuration.optInRules = try Self.ruleIDs(enable, option: "enable")
            configuration.disabledRules = try Self.ruleIDs(disable, option: "disable")
            linter = try Linter(configuration: configuration)
        } catch let error as CLIError {
            fail(error.description)
        } catch let error as ValidationError {
            fail(error.message)
        } catch {
            fail("\(error)")
        }
        var inputFailed = false
        var reports: [FileReport] = []
        for path in collectFiles(paths, onError: { fail in
            printError(fail)
            inputFailed = true
        }) {
            do {
                let decoded = try readInput(path, encoding: encoding)
                let source = SourceText(units: decoded.units)
                reports.append(FileReport(path: path == "-" ? "<stdin>" : path, source: source, findings: linter.lint(source: source)))
            } catch {
                printError(error.description)
                inputFailed = true
            }
        }
        let reporter: any Reporter
        switch format {
        case .text: reporter = TextReporter(color: !noColor && isatty(1) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil)
        case .json: reporter = JSONReporter()
        }
        var out = OutputBuffer()
        out.write(reporter.render(reports))
        out.flush()
        if inputFailed { throw ExitCode(2) }
        if reports.contains(where: { $0.findings.contains { $0.severity >= failOn } }) { throw ExitCode(1) }
    }
}

extension Severity: ExpressibleByArgument {}

/// Expands folders into the documents below them (hidden entries skipped), in a stable order.
func collectFiles(_ paths: [String], onError: (String) -> Void) -> [String] {
    let extensions: Set<String> = ["txt", "md", "markdown"]
    var files: [String] = []
    for path in paths {
        if path == "-" { files.append(path); continue }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            onError("\(path): no such file or folder")
            continue
        }
        if !isDirectory.boolValue { files.append(path); continue }
        guard let walker = FileManager.default.enumerator(at: URL(fileURLWithPath: path), includingPropertiesForKeys: [.isRegularFileKey],
                                                         options: [.skipsHiddenFiles]) else { continue }
        var found: [String] = []
        for case let url as URL in walker where extensions.contains(url.pathExtension.lowercased()) {
            if (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                let relative = url.path.hasPrefix(FileManager.default.currentDirectoryPath + "/")
                    ? String(url.path.dropFirst(FileManager.default.currentDirectoryPath.count + 1)) : url.path
                found.append(relative)
            }
        }
        files.append(contentsOf: found.sorted())
    }
    return files
}

