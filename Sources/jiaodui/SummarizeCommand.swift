import ArgumentParser
import Foundation
import Jiaodui

struct SummarizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summarize",
        abstract: "Summarize documents: title, extractive summary, outline, keywords and statistics.",
        discussion: """
            JSON output is one object per document per line (JSON Lines). Exit status: 0, or 2 when \
            a file could not be read (the others are still summarized).
            """
    )

    @Argument(help: "Files or folders to summarize; - for standard input.")
    var paths: [String] = []

    @Option(name: .long, help: "Output format: \(SummaryRenderer.Format.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: SummaryRenderer.Format = .text

    @Option(name: .long, help: "How many sentences to pick.")
    var sentences = 3

    @Option(name: .long, help: "Pick this share of the document's sentences instead (0 < ratio ≤ 1).")
    var ratio: Double?

    @Option(name: .long, help: "How many keywords to list.")
    var keywords = 10

    @Flag(name: .long, help: "Also run the checks and count their findings by category and severity.")
    var withChecks = false

    @OptionGroup var input: InputOptions

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give at least one file or folder to summarize, or - for standard input") }
        if sentences < 1 { throw ValidationError("--sentences must be at least 1") }
        if let ratio, !(ratio > 0 && ratio <= 1) { throw ValidationError("--ratio must be greater than 0 and at most 1") }
        if keywords < 0 { throw ValidationError("--keywords must not be negative") }
    }

    func run() throws {
        let encoding: TextEncoding?
        let summarizer: Summarizer
        var linter: Linter?
        do {
            encoding = try input.forcedEncoding()
            let dictionary = try input.loadUserDictionary()
            summarizer = try Summarizer(userDictionary: dictionary)
            if withChecks {
                var configuration = LintConfiguration()
                configuration.userDictionary = dictionary
                linter = try Linter(configuration: configuration)
            }
        } catch let error as CLIError {
            fail(error.description)
        } catch let error as ValidationError {
            fail(error.message)
        } catch {
            fail("\(error)")
        }
        var options = SummaryOptions()
        options.sentences = sentences
        options.ratio = ratio
        options.keywords = keywords
        var inputFailed = false
        var out = OutputBuffer()
        var first = true
        for path in collectFiles(paths, onError: { message in
            printError(message)
            inputFailed = true
        }) {
            do {
                let decoded = try readInput(path, encoding: encoding)
                let source = SourceText(units: decoded.units)
                var summary = summarizer.summarize(source: source, options: options)
                if let linter { summary.addFindings(linter.lint(source: source)) }
                if format != .json && !first { out.write("\n") }
                first = false
                out.write(SummaryRenderer.render(summary, path: path == "-" ? "<stdin>" : path, format: format))
            } catch {
                printError(error.description)
                inputFailed = true
            }
        }
        out.flush()
        if inputFailed { throw ExitCode(2) }
    }
}

extension SummaryRenderer.Format: ExpressibleByArgument {}
