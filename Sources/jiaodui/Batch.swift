import Foundation
import Jiaodui

/// Runs `work` for indices 0..<count on `jobs` threads, returning the results in index order.
/// `progress` is called (serially) after each item with the number done.
func parallelMap<T: Sendable>(_ count: Int, jobs: Int, progress: (@Sendable (Int) -> Void)? = nil, _ work: @Sendable (Int) -> T) -> [T] {
    guard count > 0 else { return [] }
    let lock = NSLock()
    nonisolated(unsafe) var results = [T?](repeating: nil, count: count)
    nonisolated(unsafe) var next = 0, done = 0
    DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, count))) { _ in
        while true {
            lock.lock()
            let index = next
            next += 1
            lock.unlock()
            guard index < count else { return }
            let result = work(index)
            lock.lock()
            results[index] = result
            done += 1
            progress?(done)
            lock.unlock()
        }
    }
    return results.map { $0! }
}

/// The number of cores to use by default.
var defaultJobs: Int { ProcessInfo.processInfo.activeProcessorCount }

/// A one-line progress bar on stderr, drawn only on a terminal and for more than a few files.
struct ProgressBar: Sendable {
    let total: Int
    let enabled: Bool

    init(total: Int) {
        self.total = total
        enabled = total > 5 && isatty(2) != 0
    }

    func update(_ done: Int) {
        guard enabled else { return }
        let width = 30, filled = width * done / max(total, 1)
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        FileHandle.standardError.write(Data("\r\u{1B}[K\(bar) \(done)/\(total)".utf8))
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}

/// Linters by configuration file, built once per run; a configuration's warnings are printed once.
final class ConfigurationCache: @unchecked Sendable {
    private let lock = NSLock()
    private var linters: [String: Result<(Linter, ConfigurationFile?), CLIError>] = [:]
    private let explicit: URL?
    private let build: (ConfigurationFile?) throws -> Linter

    init(explicit: URL?, build: @escaping (ConfigurationFile?) throws -> Linter) {
        self.explicit = explicit
        self.build = build
    }

    /// The linter and configuration for a file (nil path: standard input, judged from the current folder).
    func linter(for path: String?) -> Result<(Linter, ConfigurationFile?), CLIError> {
        let folder = path.map { URL(fileURLWithPath: $0).standardizedFileURL.deletingLastPathComponent() }
            ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let configURL = explicit ?? ConfigurationFile.find(from: folder)
        let key = configURL?.path ?? ""
        lock.lock()
        defer { lock.unlock() }
        if let cached = linters[key] { return cached }
        let result: Result<(Linter, ConfigurationFile?), CLIError>
        do {
            let file = try configURL.map { url throws(ConfigurationError) in try ConfigurationFile.load(url) }
            for warning in file?.warnings ?? [] { printWarning(warning) }
            result = .success((try build(file), file))
        } catch let error as ConfigurationError {
            result = .failure(CLIError(error.description))
        } catch let error as CLIError {
            result = .failure(error)
        } catch {
            result = .failure(CLIError("\(configURL?.path ?? "configuration"): \(error)"))
        }
        linters[key] = result
        return result
    }
}

/// Prints a one-line warning to stderr.
func printWarning(_ message: String) {
    FileHandle.standardError.write(Data("jiaodui: warning: \(message)\n".utf8))
}
