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

    @Option(name: .long, help: "Files summarized at once (default: the number of cores).")
    var jobs: Int?

    @OptionGroup var input: InputOptions

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give at least one file or folder to summarize, or - for standard input") }
        if sentences < 1 { throw ValidationError("--sentences must be at least 1") }
        if let ratio, !(ratio > 0 && ratio <= 1) { throw ValidationError("--ratio must be greater than 0 and at most 1") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if keywords < 0 { throw ValidationError("--keywords must not be negative") }
    }

    func run() throws {
        let (encoding, summarizer, linter) = setUp { () throws -> (TextEncoding?, Summarizer, Linter?) in
            let dictionary = try input.loadUserDictionary()
            var linter: Linter?
            if withChecks {
                var configuration = LintConfiguration()
                configuration.userDictionary = dictionary
                linter = try Linter(configuration: configuration)
            }
            return (try input.forcedEncoding(), try Summarizer(userDictionary: dictionary), linter)
        }
        var options = SummaryOptions()
        options.sentences = sentences
        options.ratio = ratio
        options.keywords = keywords
        var inputFailed = false
        var out = OutputBuffer()
        let files = collectFiles(paths, onError: { message in
            printError(message)
            inputFailed = true
        })
        let format = self.format
        let summaryOptions = options
        let progress = ProgressBar(total: files.count)
        let rendered: [Result<String, CLIError>] = parallelMap(files.count, jobs: jobs ?? defaultJobs, progress: progress.update) { index in
            let path = files[index]
            do throws(CLIError) {
                let (document, _) = try readDocument(path, displayName: path, encoding: encoding)
                var summary = summarizer.summarize(source: document.source, prose: document.prose, options: summaryOptions)
                if let linter { summary.addFindings(linter.lint(source: document.source, prose: document.prose)) }
                return .success(SummaryRenderer.render(summary, path: path == "-" ? "<stdin>" : path, format: format))
            } catch {
                return .failure(error)
            }
        }
        progress.finish()
        var first = true
        for result in rendered {
            switch result {
            case .success(let text):
                if format != .json && !first { out.write("\n") }
                first = false
                out.write(text)
            case .failure(let error):
                printError(error.description)
                inputFailed = true
            }
        }
        out.flush()
        if inputFailed { throw ExitCode(2) }
    }
}

extension SummaryRenderer.Format: ExpressibleByArgument {}
