import ArgumentParser
import Foundation
import Jiaodui

/// Options shared by `check` and `fix`: which rules run and under which configuration.
struct RuleSelectionOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Run only these rules (comma-separated ids; see `jiaodui rules`).", valueName: "ids"))
    var only: [String] = []

    @Option(name: .long, help: ArgumentHelp("Also run these rules that are off by default.", valueName: "ids"))
    var enable: [String] = []

    @Option(name: .long, help: ArgumentHelp("Do not run these rules.", valueName: "ids"))
    var disable: [String] = []

    @Option(name: .long, help: ArgumentHelp("Use this configuration file instead of the nearest .jiaodui.yml above each file.", valueName: "file"))
    var config: String?

    @Flag(name: .long, help: "Ignore .jiaodui.yml files.")
    var noConfig = false

    @Option(name: .long, help: "Files checked at once (default: the number of cores).")
    var jobs: Int?

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

    func validateJobs() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    /// Linters per configuration file, with the command line's choices applied over each file's.
    func configurations(input: InputOptions) throws -> ConfigurationCache {
        let only = self.only.isEmpty ? nil : try Self.ruleIDs(self.only, option: "only")
        let enable = try Self.ruleIDs(self.enable, option: "enable")
        let disable = try Self.ruleIDs(self.disable, option: "disable")
        let userDictionary = try input.loadUserDictionary()
        var explicit: URL?
        if let config {
            guard FileManager.default.fileExists(atPath: config) else { throw CLIError("\(config): no such configuration file") }
            explicit = URL(fileURLWithPath: config)
        }
        let noConfig = self.noConfig
        return ConfigurationCache(explicit: noConfig ? nil : explicit) { file in
            var configuration = try (noConfig ? nil : file)?.lintConfiguration() ?? LintConfiguration()
            if let only { configuration.onlyRules = only }
            configuration.optInRules.formUnion(enable)
            configuration.disabledRules.formUnion(disable)
            if let userDictionary { configuration.userDictionary = userDictionary }
            return try Linter(configuration: configuration)
        }
    }
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check documents and report problems.",
        discussion: """
            Reads .txt, .md and .docx files, folders (recursively; hidden entries and files git ignores \
            are skipped) and globs. Exit status: 0 when nothing at or above the failing severity was \
            found, 1 when something was, 2 on a usage or input error (the other files are still checked).
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, sarif, github, html }

    @Argument(help: "Files, folders or globs to check; - for standard input.")
    var paths: [String] = []

    @Option(name: .long, help: "Output format: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: Format = .text

    @Option(name: .long, help: "The lowest severity that makes the exit status 1: error, warning or info.")
    var failOn: Severity = .warning

    @Flag(name: .long, help: "Never colour the text output (colour is used only on a terminal anyway).")
    var noColor = false

    @Option(name: .long, help: ArgumentHelp("The file name to report (and to choose the format by) for standard input.", valueName: "name"))
    var stdinFilename: String?

    @Option(name: .long, help: ArgumentHelp("Report only findings that are not in this baseline file.", valueName: "file"))
    var baseline: String?

    @Option(name: .long, help: ArgumentHelp("Record today's findings in this baseline file (and report nothing).", valueName: "file"))
    var writeBaseline: String?

    @OptionGroup var rules: RuleSelectionOptions
    @OptionGroup var input: InputOptions

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give at least one file or folder to check, or - for standard input") }
        try rules.validateJobs()
    }

    func run() throws {
        let (encoding, cache, accepted) = setUp { () throws -> (TextEncoding?, ConfigurationCache, Baseline?) in
            var accepted: Baseline?
            if let baseline {
                guard let data = FileManager.default.contents(atPath: baseline) else { throw CLIError("\(baseline): cannot read the baseline") }
                do { accepted = try Baseline.parse(data) } catch { throw CLIError("\(baseline): \(error)") }
            }
            return (try input.forcedEncoding(), try rules.configurations(input: input), accepted)
        }
        var inputFailed = false
        let files = collectFiles(paths, onError: { message in
            printError(message)
            inputFailed = true
        })
        let stdinName = stdinFilename
        let progress = ProgressBar(total: files.count)
        let outcomes: [Result<FileReport?, CLIError>] = parallelMap(files.count, jobs: rules.jobs ?? defaultJobs, progress: progress.update) { index in
            let path = files[index]
            let name = path == "-" ? (stdinName ?? "<stdin>") : path
            switch cache.linter(for: path == "-" ? stdinName : path) {
            case .failure(let error): return .failure(error)
            case .success(let (linter, file)):
                if path != "-", file?.excludes(URL(fileURLWithPath: path)) == true { return .success(nil) }
                do throws(CLIError) {
                    let (document, _) = try readDocument(path, displayName: path == "-" ? (stdinName ?? "-") : path, encoding: encoding)
                    return .success(FileReport(path: name, source: document.source, findings: linter.lint(source: document.source, prose: document.prose),
                                               linesAreParagraphs: document.format == .word))
                } catch {
                    return .failure(error)
                }
            }
        }
        progress.finish()
        var reports: [FileReport] = []
        var reportedConfigErrors = Set<String>()
        for outcome in outcomes {
            switch outcome {
            case .success(let report?): reports.append(report)
            case .success(nil): break
            case .failure(let error):
                if reportedConfigErrors.insert(error.description).inserted { printError(error.description) }
                inputFailed = true
            }
        }
        if let writeBaseline {
            do { try Baseline.render(reports).write(toFile: writeBaseline, atomically: true, encoding: .utf8) } catch {
                fail("\(writeBaseline): cannot write the baseline")
            }
            FileHandle.standardError.write(Data("jiaodui: recorded \(reports.reduce(0) { $0 + $1.findings.count }) findings in \(writeBaseline)\n".utf8))
            throw ExitCode(inputFailed ? 2 : 0)
        }
        if let accepted { reports = accepted.filter(reports) }
        let terminal = isatty(1) != 0
        let reporter: any Reporter
        switch format {
        case .text: reporter = TextReporter(color: !noColor && terminal && ProcessInfo.processInfo.environment["NO_COLOR"] == nil)
        case .json: reporter = JSONReporter()
        case .sarif: reporter = SARIFReporter()
        case .github: reporter = GitHubReporter()
        case .html: reporter = HTMLReporter()
        }
        var out = OutputBuffer()
        out.write(reporter.renderUTF8(reports))
        if format == .text && terminal { out.write(Self.footer(reports)) }
        out.flush()
        if inputFailed { throw ExitCode(2) }
        if reports.contains(where: { $0.findings.contains { $0.severity >= failOn } }) { throw ExitCode(1) }
    }

    /// Totals by severity and category, for people reading on a terminal.
    static func footer(_ reports: [FileReport]) -> String {
        let findings = reports.flatMap(\.findings)
        guard !findings.isEmpty else { return "✓ \(reports.count) 个文件，没有发现问题。\n" }
        let bySeverity = Severity.allCases.reversed().map { s in (s, findings.filter { $0.severity == s }.count) }.filter { $0.1 > 0 }
        var byCategory: [String: Int] = [:]
        for f in findings { byCategory[f.category.rawValue, default: 0] += 1 }
        let files = reports.filter { !$0.findings.isEmpty }.count
        return "\n\(findings.count) 处问题（" + bySeverity.map { "\($0.0.rawValue) \($0.1)" }.joined(separator: "，")
            + "），分布在 \(files)/\(reports.count) 个文件：" + byCategory.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .map { "\($0.key) \($0.value)" }.joined(separator: "，") + "\n"
    }
}

extension Severity: ExpressibleByArgument {}
