import Foundation
import Yams

/// A `.jiaodui.yml` file: which rules run, their options, files to skip, and extra word lists.
///
/// ```yaml
/// # .jiaodui.yml — Jiaodui's configuration, found by walking up from each checked file.
/// only_rules: []            # when non-empty, only these rules run
/// disabled_rules: []        # rules not to run
/// opt_in_rules: []          # rules that are off by default to turn on (sentence-length, paragraph-length)
/// rules:                    # per-rule options by id
///   overclaim:
///     severity: warning     # error | warning | info
///   sentence-length:
///     max: 100              # numeric thresholds: any number-valued key goes to options.numbers[id][key]
/// exclude:                  # globs, relative to this file's folder, of files never to check
///   - "drafts/**"
/// lexicons:
///   wrong_words: []         # extra lexicon files in the format of Lexicons/wrong-word/*.yml (paths relative to this file)
///   user_dictionary: null   # a word list for the tokenizer: one word per line, optionally a frequency
///   allow: []               # words never to flag (names, terms)
///   allow_file: null        # or a file of such words, one per line
/// ```
/// A glob without `/` matches a file name at any depth (as in `.gitignore`), so `*.tmp.md` skips
/// `notes.tmp.md` in every folder. Parsing only reads the text; the files it names are read by
/// `lintConfiguration()`, so a missing one is reported when the configuration is used.
public struct ConfigurationFile: Sendable {
    public static let fileName = ".jiaodui.yml"
    /// The file's folder: relative paths and exclude globs are resolved against it.
    public let directory: URL
    public let path: URL
    public var onlyRules: [String] = [], disabledRules: [String] = [], optInRules: [String] = []
    public var severities: [String: Severity] = [:]
    public var numbers: [String: [String: Double]] = [:]
    public var exclude: [String] = []
    /// Paths as written, relative to `directory` unless absolute.
    public var wrongWordLexicons: [String] = []
    public var userDictionary: String?
    public var allow: [String] = []
    public var allowFile: String?
    /// Problems that do not stop the run: unknown keys and rule ids, each naming the closest valid one, with the line.
    public private(set) var warnings: [String] = []
    /// The line each named file was written on, for errors raised when it is read.
    private var fileLines: [String: Int] = [:]

    static let topKeys = ["only_rules", "disabled_rules", "opt_in_rules", "rules", "exclude", "lexicons"]
    static let lexiconKeys = ["wrong_words", "user_dictionary", "allow", "allow_file"]
    /// The numeric options rules read; a value of another type for one of these is an error, not a new key.
    static let numericOptions = ["max"]

    private init(path: URL) {
        self.path = path
        directory = URL(fileURLWithPath: path.deletingLastPathComponent().path, isDirectory: true)
    }

    /// The defaults (no file): for dump-config when none is found.
    public static func defaults(directory: URL) -> ConfigurationFile {
        ConfigurationFile(path: directory.appendingPathComponent(fileName))
    }

    public static func load(_ url: URL) throws(ConfigurationError) -> ConfigurationFile {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw ConfigurationError(description: "\(displayPath(url)):1: cannot be read as UTF-8 text")
        }
        return try parse(text, path: url)
    }

    public static func parse(_ text: String, path: URL) throws(ConfigurationError) -> ConfigurationFile {
        let shown = displayPath(path)
        func fail(_ node: Node?, _ message: String) -> ConfigurationError {
            ConfigurationError(description: "\(shown):\(node?.mark?.line ?? 1): \(message)")
        }
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch { throw yamlError(error, shown: shown) }
        var file = ConfigurationFile(path: path)
        guard let root, root.null == nil else { return file }
        // Collected apart from `file`, so that helpers called while assigning to `file` don't touch it.
        var warnings: [String] = [], fileLines: [String: Int] = [:]
        guard let top = root.mapping else { throw fail(root, "expected a mapping of settings (only_rules, rules, …)") }

        func warn(_ node: Node, _ message: String, _ word: String, _ candidates: [String]) {
            let hint = Spelling.closest(to: word, in: candidates).map { "; did you mean '\($0)'?" } ?? ""
            warnings.append("\(shown):\(node.mark?.line ?? 1): \(message)\(hint)")
        }
        func strings(_ value: Node, _ key: String) throws(ConfigurationError) -> [(String, Node)] {
            if value.null != nil { return [] }
            guard let sequence = value.sequence else { throw fail(value, "'\(key)' must be a list") }
            var items: [(String, Node)] = []
            for item in sequence {
                guard let string = item.scalar?.string else { throw fail(item, "items of '\(key)' must be strings") }
                items.append((string, item))
            }
            return items
        }
        func optionalString(_ value: Node, _ key: String) throws(ConfigurationError) -> String? {
            if value.null != nil { return nil }
            guard let string = value.scalar?.string else { throw fail(value, "'\(key)' must be a path or null") }
            fileLines[string] = value.mark?.line
            return string
        }
        let ruleIDs = RuleCatalog.descriptions.map(\.id)
        func checkRule(_ id: String, _ node: Node) {
            if !ruleIDs.contains(id) { warn(node, "unknown rule '\(id)'", id, ruleIDs) }
        }
        func ruleList(_ value: Node, _ key: String) throws(ConfigurationError) -> [String] {
            let items = try strings(value, key)
            for (id, node) in items { checkRule(id, node) }
            return items.map(\.0)
        }

        for (keyNode, value) in top {
            let key = keyNode.string ?? ""
            switch key {
            case "only_rules": file.onlyRules = try ruleList(value, key)
            case "disabled_rules": file.disabledRules = try ruleList(value, key)
            case "opt_in_rules": file.optInRules = try ruleList(value, key)
            case "exclude": file.exclude = try strings(value, key).map(\.0)
            case "rules":
                if value.null != nil { continue }
                guard let rules = value.mapping else { throw fail(value, "'rules' must map rule ids to options (e.g. overclaim: {severity: warning})") }
                for (idNode, options) in rules {
                    let id = idNode.string ?? ""
                    checkRule(id, idNode)
                    if options.null != nil { continue }
                    guard let options = options.mapping else { throw fail(options, "options of rule '\(id)' must be a mapping (e.g. severity: warning)") }
                    for (nameNode, option) in options {
                        let name = nameNode.string ?? ""
                        if name == "severity" {
                            let raw = option.scalar?.string ?? ""
                            guard let severity = Severity(rawValue: raw) else { throw fail(option, "unknown severity '\(raw)' for rule '\(id)'; use error, warning or info") }
                            file.severities[id] = severity
                        } else if option.scalar != nil, let number = option.float, number.isFinite {
                            file.numbers[id, default: [:]][name] = number
                        } else if numericOptions.contains(name) {
                            throw fail(option, "'\(name)' of rule '\(id)' must be a number")
                        } else {
                            warn(nameNode, "unknown option '\(name)' of rule '\(id)' (not a number)", name, ["severity"] + numericOptions)
                        }
                    }
                }
            case "lexicons":
                if value.null != nil { continue }
                guard let lexicons = value.mapping else { throw fail(value, "'lexicons' must be a mapping (wrong_words, user_dictionary, allow, allow_file)") }
                for (nameNode, option) in lexicons {
                    let name = nameNode.string ?? ""
                    switch name {
                    case "wrong_words":
                        let items = try strings(option, name)
                        for (string, node) in items { fileLines[string] = node.mark?.line }
                        file.wrongWordLexicons = items.map(\.0)
                    case "user_dictionary": file.userDictionary = try optionalString(option, name)
                    case "allow": file.allow = try strings(option, name).map(\.0)
                    case "allow_file": file.allowFile = try optionalString(option, name)
                    default: warn(nameNode, "unknown key '\(name)' under 'lexicons'", name, lexiconKeys)
                    }
                }
            default: warn(keyNode, "unknown key '\(key)'", key, topKeys)
            }
        }
        (file.warnings, file.fileLines) = (warnings, fileLines)
        return file
    }

    /// The nearest .jiaodui.yml in `directory` or a folder above it.
    public static func find(from directory: URL) -> URL? {
        var folder = directory.standardizedFileURL.path
        while true {
            let candidate = (folder as NSString).appendingPathComponent(fileName)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue {
                return URL(fileURLWithPath: candidate)
            }
            let parent = (folder as NSString).deletingLastPathComponent
            if parent == folder || parent.isEmpty { return nil }
            folder = parent
        }
    }

    /// Builds the lint configuration: rule selection, options, user lexicons (URLs), allowed words (also from allow_file), user dictionary (loaded).
    public func lintConfiguration() throws(ConfigurationError) -> LintConfiguration {
        var configuration = selection()
        for lexicon in wrongWordLexicons { configuration.userLexicons.append(try existing(lexicon, "lexicon file")) }
        configuration.allowedWords = Set(allow)
        if let allowFile {
            for line in try read(allowFile, "allow file").split(whereSeparator: \.isNewline) {
                let word = line.trimmingCharacters(in: .whitespaces)
                if !word.isEmpty && !word.hasPrefix("#") { configuration.allowedWords.insert(word) }
            }
        }
        if let userDictionary {
            let text = try read(userDictionary, "user dictionary")
            do { configuration.userDictionary = try WordDictionary.userDictionary(text: text) } catch {
                throw problem(userDictionary, "user dictionary '\(userDictionary)' cannot be compiled: \(error)")
            }
        }
        return configuration
    }

    /// The rule selection and options alone, which need no files.
    private func selection() -> LintConfiguration {
        var configuration = LintConfiguration()
        configuration.onlyRules = onlyRules.isEmpty ? nil : Set(onlyRules)
        configuration.disabledRules = Set(disabledRules)
        configuration.optInRules = Set(optInRules)
        configuration.options.severities = severities
        configuration.options.numbers = numbers
        return configuration
    }

    private func problem(_ file: String, _ message: String) -> ConfigurationError {
        ConfigurationError(description: "\(Self.displayPath(path)):\(fileLines[file] ?? 1): \(message)")
    }

    private func existing(_ file: String, _ what: String) throws(ConfigurationError) -> URL {
        let url = file.hasPrefix("/") ? URL(fileURLWithPath: file) : directory.appendingPathComponent(file).standardizedFileURL
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw problem(file, "\(what) '\(file)' not found (\(url.path))")
        }
        return url
    }

    private func read(_ file: String, _ what: String) throws(ConfigurationError) -> String {
        let url = try existing(file, what)
        do { return try String(contentsOf: url, encoding: .utf8) } catch { throw problem(file, "\(what) '\(file)' cannot be read as UTF-8 text") }
    }

    /// Whether `file` matches an `exclude` glob (path relative to `directory`; `*` within a path segment, `**` across segments, `?`).
    public func excludes(_ file: URL) -> Bool {
        let base = directory.standardizedFileURL.path.hasSuffix("/") ? directory.standardizedFileURL.path : directory.standardizedFileURL.path + "/"
        let full = file.standardizedFileURL.path
        guard full.hasPrefix(base) else { return false }
        let relative = String(full.dropFirst(base.count))
        return exclude.contains { glob in
            var pattern = glob.hasPrefix("./") ? String(glob.dropFirst(2)) : glob
            if pattern.hasSuffix("/") { pattern += "**" }      // a folder: everything in it
            if !pattern.contains("/") { pattern = "**/" + pattern }  // a bare name: at any depth
            return Glob.matches(pattern, relative)
        }
    }

    /// The effective configuration as YAML (for `jiaodui dump-config`), every key present, with defaults filled in.
    public func yaml() -> String {
        func scalar(_ s: String) -> String {
            let plain = s.first?.isLetter == true && s.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
                && !["true", "false", "yes", "no", "on", "off", "null", "y", "n"].contains(s.lowercased())
            if plain { return s }
            let escaped = s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\t", with: "\\t")
            return "\"\(escaped)\""
        }
        func list(_ items: [String]) -> String { "[" + items.map(scalar).joined(separator: ", ") + "]" }
        func optional(_ s: String?) -> String { s.map(scalar) ?? "null" }
        func number(_ d: Double) -> String { d.rounded() == d && abs(d) < 1e15 ? String(Int(d)) : String(d) }
        let selection = selection()
        var out = "# \(Self.fileName) in effect for \(directory.path)\n# rules (effective severity, whether they run):\n"
        for rule in RuleCatalog.descriptions {
            out += "#   \(rule.id): \(selection.options.severity(for: rule).rawValue), \(selection.isEnabled(rule) ? "on" : "off")\n"
        }
        out += "only_rules: \(list(onlyRules))\ndisabled_rules: \(list(disabledRules))\nopt_in_rules: \(list(optInRules))\n"
        let ids = Set(severities.keys).union(numbers.keys).sorted()
        out += ids.isEmpty ? "rules: {}\n" : "rules:\n"
        for id in ids {
            out += "  \(scalar(id)):\n"
            if let severity = severities[id] { out += "    severity: \(severity.rawValue)\n" }
            for (key, value) in (numbers[id] ?? [:]).sorted(by: { $0.key < $1.key }) { out += "    \(scalar(key)): \(number(value))\n" }
        }
        out += "exclude: \(list(exclude))\nlexicons:\n  wrong_words: \(list(wrongWordLexicons))\n"
        out += "  user_dictionary: \(optional(userDictionary))\n  allow: \(list(allow))\n  allow_file: \(optional(allowFile))\n"
        return out
    }

    /// The commented starter file (for `jiaodui init`); also the format's reference.
    public static let starter = """
        # .jiaodui.yml — Jiaodui's configuration, found by walking up from each checked file.
        only_rules: []            # when non-empty, only these rules run
        disabled_rules: []        # rules not to run
        opt_in_rules: []          # rules that are off by default to turn on (sentence-length, paragraph-length)
        rules:                    # per-rule options by id
          overclaim:
            severity: warning     # error | warning | info
          sentence-length:
            max: 100              # numeric thresholds: any number-valued key goes to options.numbers[id][key]
        exclude:                  # globs, relative to this file's folder, of files never to check
          - "drafts/**"
        lexicons:
          wrong_words: []         # extra lexicon files in the format of Lexicons/wrong-word/*.yml (paths relative to this file)
          user_dictionary: null   # a word list for the tokenizer: one word per line, optionally a frequency
          allow: []               # words never to flag (names, terms)
          allow_file: null        # or a file of such words, one per line

        """

    /// The path as messages show it: relative to the working directory when inside it.
    static func displayPath(_ url: URL) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        let full = url.standardizedFileURL.path
        return full.hasPrefix(cwd + "/") ? String(full.dropFirst(cwd.count + 1)) : full
    }

    private static func yamlError(_ error: any Error, shown: String) -> ConfigurationError {
        var line = 1, message = "\(error)"
        switch error as? YamlError {
        case let .scanner(_, problem, mark, _)?, let .parser(_, problem, mark, _)?, let .composer(_, problem, mark, _)?:
            (line, message) = (mark.line, problem)
        case let .duplicatedKeysInMapping(duplicates, context)?:
            (line, message) = (context.mark.line, "duplicate key \(duplicates.joined(separator: ", "))")
        default: break
        }
        let oneLine = message.split(whereSeparator: \.isNewline).joined(separator: " ")
        return ConfigurationError(description: "\(shown):\(line): not valid YAML: \(oneLine)")
    }
}

extension ConfigurationFile: Equatable {
    /// Equal settings from the same file; warnings and line numbers are not compared.
    public static func == (a: ConfigurationFile, b: ConfigurationFile) -> Bool {
        a.path.standardizedFileURL.path == b.path.standardizedFileURL.path && a.onlyRules == b.onlyRules && a.disabledRules == b.disabledRules && a.optInRules == b.optInRules
            && a.severities == b.severities && a.numbers == b.numbers && a.exclude == b.exclude
            && a.wrongWordLexicons == b.wrongWordLexicons && a.userDictionary == b.userDictionary
            && a.allow == b.allow && a.allowFile == b.allowFile
    }
}

/// A configuration problem that stops the run, on one line: "path:line: message".
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    public let description: String
}
