import ArgumentParser
import Foundation
import Jiaodui

struct FixCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fix",
        abstract: "Apply the safe fixes to documents in place.",
        discussion: """
            Only the fixed spans change: encoding, byte-order mark, line endings and every other byte \
            are kept, and each file is replaced atomically (written to a temporary file, then renamed). \
            Running it twice changes nothing the second time. Word files are never rewritten. \
            Exit status: 0; with --dry-run, 1 when something would change; 2 on an input error.
            """
    )

    @Argument(help: "Files, folders or globs to fix.")
    var paths: [String] = []

    @Flag(name: .long, help: "Also apply suggested fixes, which are probably but not certainly right.")
    var unsafe = false

    @Flag(name: .long, help: "Change nothing; print a unified diff of what would change.")
    var dryRun = false

    @OptionGroup var rules: RuleSelectionOptions
    @OptionGroup var input: InputOptions

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give at least one file or folder to fix") }
        if paths.contains("-") { throw ValidationError("fix rewrites files in place; standard input cannot be fixed") }
        try rules.validateJobs()
    }

    enum Outcome: Sendable {
        case unchanged
        case fixed(count: Int, diff: String)
        case failed(String)
    }

    func run() throws {
        let (encoding, cache) = setUp { (try input.forcedEncoding(), try rules.configurations(input: input)) }
        var inputFailed = false
        let files = collectFiles(paths, onError: { message in
            printError(message)
            inputFailed = true
        })
        let (unsafe, dryRun) = (self.unsafe, self.dryRun)
        let outcomes: [Outcome] = parallelMap(files.count, jobs: rules.jobs ?? defaultJobs) { index in
            let path = files[index]
            switch cache.linter(for: path) {
            case .failure(let error): return .failed(error.description)
            case .success(let (linter, file)):
                if file?.excludes(URL(fileURLWithPath: path)) == true { return .unchanged }
                do throws(CLIError) { return try Self.fix(path, linter: linter, encoding: encoding, unsafe: unsafe, dryRun: dryRun) } catch {
                    return .failed(error.description)
                }
            }
        }
        var out = OutputBuffer()
        var changed = false
        for (path, outcome) in zip(files, outcomes) {
            switch outcome {
            case .unchanged: break
            case .fixed(let count, let diff):
                changed = true
                if dryRun { out.write(diff) } else { out.write("\(path): 修正 \(count) 处\n") }
            case .failed(let message):
                printError(message)
                inputFailed = true
            }
        }
        out.flush()
        if inputFailed { throw ExitCode(2) }
        if dryRun && changed { throw ExitCode(1) }
    }

    static func fix(_ path: String, linter: Linter, encoding: TextEncoding?, unsafe: Bool, dryRun: Bool) throws(CLIError) -> Outcome {
        if DocumentFormat(path: path) == .word {
            throw CLIError("\(path): fix does not rewrite Word files, because it cannot keep them exactly as they are; apply the suggestions in your word processor (`jiaodui check` lists them)")
        }
        let (document, bytes) = try readDocument(path, displayName: path, encoding: encoding)
        guard let decoded = document.decoded else { return .unchanged }
        // Writing back must reproduce every untouched byte: check the round trip before changing anything.
        guard (try? decoded.encode(decoded.units)) == bytes else {
            throw CLIError("\(path): cannot be rewritten byte for byte in \(decoded.encoding.rawValue); left unchanged")
        }
        let isMarkdown = document.format == .markdown
        let (fixed, applied) = Fixer.fixAll(decoded.units, unsafe: unsafe) { units in
            linter.lint(source: SourceText(units: units), prose: isMarkdown ? MarkdownProse.mask(units) : nil)
        }
        guard !applied.isEmpty, fixed != decoded.units else { return .unchanged }
        if dryRun {
            return .fixed(count: applied.count, diff: UnifiedDiff.render(old: decoded.string, new: String(utf16Units: fixed),
                                                                        oldName: "a/" + path, newName: "b/" + path))
        }
        let output: [UInt8]
        do { output = try decoded.encode(fixed) } catch { throw CLIError("\(path): \(error)") }
        try writeAtomically(output, to: path)
        return .fixed(count: applied.count, diff: "")
    }
}

/// Replaces a file by writing a temporary file beside it and renaming it over the original, so a
/// crash or a full disk never leaves a half-written document; the file's permissions are kept.
func writeAtomically(_ bytes: [UInt8], to path: String) throws(CLIError) {
    let url = URL(fileURLWithPath: path)
    let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).jiaodui-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
    do {
        try Data(bytes).write(to: temporary, options: [.withoutOverwriting])
        if let permissions = try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] {
            try? FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: temporary.path)
        }
        guard rename(temporary.path, path) == 0 else { throw CLIError("\(path): cannot replace the file (\(String(cString: strerror(errno))))") }
    } catch let error as CLIError {
        try? FileManager.default.removeItem(at: temporary)
        throw error
    } catch {
        try? FileManager.default.removeItem(at: temporary)
        throw CLIError("\(path): cannot write (\(error.localizedDescription))")
    }
}
