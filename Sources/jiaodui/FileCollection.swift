import Foundation
import Jiaodui

/// Expands the command line's paths into the documents to read, in a stable order: folders
/// recursively (hidden entries skipped, only the formats Jiaodui reads), globs (`*`, `?`, `**`),
/// and `-` for standard input. Inside a git work tree, files git ignores are skipped.
func collectFiles(_ paths: [String], onError: (String) -> Void) -> [String] {
    var files: [String] = []
    var walked: [String] = []
    for path in paths {
        if path == "-" { files.append(path); continue }
        if path.contains(where: { "*?[".contains($0) }) && !FileManager.default.fileExists(atPath: path) {
            let matches = expandGlob(path)
            if matches.isEmpty { onError("\(path): no file matches") }
            walked.append(contentsOf: matches)
            continue
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            onError("\(path): no such file or folder")
            continue
        }
        if !isDirectory.boolValue { files.append(path); continue }
        walked.append(contentsOf: walk(path))
    }
    // Files named one by one are checked even when ignored; files found by walking are not.
    let ignored = gitIgnored(walked)
    files.append(contentsOf: walked.filter { !ignored.contains($0) })
    var seen = Set<String>()
    return files.filter { $0 == "-" || seen.insert($0).inserted }
}

/// The documents below a folder, sorted, as paths relative to the current folder when inside it.
private func walk(_ path: String) -> [String] {
    guard let walker = FileManager.default.enumerator(at: URL(fileURLWithPath: path), includingPropertiesForKeys: [.isRegularFileKey],
                                                     options: [.skipsHiddenFiles]) else { return [] }
    let cwd = FileManager.default.currentDirectoryPath + "/"
    var found: [String] = []
    for case let url as URL in walker where DocumentFormat.extensions[url.pathExtension.lowercased()] != nil {
        guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
        let full = url.standardizedFileURL.path
        found.append(full.hasPrefix(cwd) ? String(full.dropFirst(cwd.count)) : full)
    }
    return found.sorted()
}

/// Paths matching a glob: the part before the first wildcard is walked, the rest matched by `Glob`.
private func expandGlob(_ pattern: String) -> [String] {
    let pattern = pattern.hasPrefix("./") ? String(pattern.dropFirst(2)) : pattern
    let components = pattern.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    let fixed = components.prefix { !$0.contains(where: { "*?[".contains($0) }) }
    let base = fixed.isEmpty ? "." : (fixed.joined(separator: "/").isEmpty ? "/" : fixed.joined(separator: "/"))
    return walk(base).filter { Glob.matches(pattern, $0) }
}

/// The paths among `paths` that git ignores, when the current folder is in a git work tree
/// (one `git check-ignore` for all of them); none when git is missing.
private func gitIgnored(_ paths: [String]) -> Set<String> {
    guard !paths.isEmpty else { return [] }
    // The paths go through a temporary file, not a pipe: git exits at once outside a work tree,
    // and writing into a pipe nobody reads would kill this process with SIGPIPE.
    let list = FileManager.default.temporaryDirectory.appendingPathComponent("jiaodui-paths-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
    guard (try? Data(paths.joined(separator: "\0").utf8 + [0]).write(to: list)) != nil,
          let input = FileHandle(forReadingAtPath: list.path) else { return [] }
    defer { try? input.close(); try? FileManager.default.removeItem(at: list) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git", "check-ignore", "--stdin", "-z"]
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    do { try process.run() } catch { return [] }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Set(data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) })
}

/// Reads a path, or standard input for "-", as a document of the format its name says; also
/// returns the bytes read, for writing the file back.
func readDocument(_ path: String, displayName: String, encoding: TextEncoding?) throws(CLIError) -> (document: LoadedDocument, bytes: [UInt8]) {
    guard let format = DocumentFormat(path: displayName) else {
        let ext = displayName.split(separator: ".").last.map(String.init) ?? ""
        throw CLIError("\(displayName): unsupported format '.\(ext)'; Jiaodui reads .txt, .md and .docx")
    }
    let bytes = try readBytes(path)
    do { return (try LoadedDocument.load(bytes, format: format, encoding: encoding), bytes) } catch {
        throw CLIError("\(displayName): \(error)")
    }
}

/// The bytes of a file, or of standard input for "-".
func readBytes(_ path: String) throws(CLIError) -> [UInt8] {
    if path == "-" { return Array(FileHandle.standardInput.readDataToEndOfFile()) }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw CLIError("\(path): no such file") }
    if isDirectory.boolValue { throw CLIError("\(path): \(InputError.notAFile)") }
    guard let data = FileManager.default.contents(atPath: path) else {
        throw CLIError("\(path): \(InputError.unreadable("permission denied or I/O error"))")
    }
    return Array(data)
}
