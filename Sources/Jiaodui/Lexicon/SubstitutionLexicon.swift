import Foundation
import Lexicons
import Yams

/// One entry of a substitution lexicon: a wrong form, its corrections, the context it must
/// (not) stand in, and its own examples. See `Lexicons/README.md` for the file format.
public struct LexiconEntry: Sendable, Equatable {
    public let wrong: String
    public let right: [String]
    public let why: String
    public let severity: Severity
    public let fix: FixSafety
    public internal(set) var category: Category?
    public let after: [String]
    public let afterNot: [String]
    public let before: [String]
    public let beforeNot: [String]
    public let boundary: Bool
    public let trigger: [String]
    public let ok: [String]
    /// The file the entry came from, for messages about the lexicon itself.
    public internal(set) var file: String = ""
    /// The rule that reports the entry (the file's `rule`): wrong-word, colloquial, overclaim, jargon.
    public internal(set) var rule: String = "wrong-word"
}

extension LexiconEntry {
    /// Reads an entry from a YAML node. Walking Yams' node tree directly is several times faster than
    /// its `Decodable` path, and start-up time matters for a tool run on every commit.
    init(node: Node) throws(LexiconError) {
        guard let mapping = node.mapping else { throw LexiconError(description: "an entry is not a mapping (line \(node.mark?.line ?? 0))") }
        let line = node.mark?.line ?? 0
        var map: [String: Node] = [:]
        for (key, value) in mapping { if let name = key.string { map[name] = value } }
        func string(_ key: String) -> String? { map[key]?.string }
        func list(_ key: String) throws(LexiconError) -> [String] {
            guard let value = map[key] else { return [] }
            if let scalar = value.string { return [scalar] }
            guard let sequence = value.sequence else { throw LexiconError(description: "'\(key)' must be a list (line \(line))") }
            return sequence.compactMap(\.string)
        }
        func value<T: RawRepresentable>(_ key: String, _ type: T.Type) throws(LexiconError) -> T? where T.RawValue == String {
            guard let raw = string(key) else { return nil }
            guard let parsed = T(rawValue: raw) else { throw LexiconError(description: "'\(key): \(raw)' is not allowed (line \(line))") }
            return parsed
        }
        let known: Set<String> = ["wrong", "right", "why", "severity", "fix", "category", "after", "after_not", "before", "before_not", "boundary", "trigger", "ok"]
        for name in map.keys {
            if !known.contains(name) {
                throw LexiconError(description: "unknown key '\(name)' (line \(line)); known keys: \(known.sorted().joined(separator: ", "))")
            }
        }
        guard let wrong = string("wrong") else { throw LexiconError(description: "missing 'wrong' (line \(line))") }
        guard let why = string("why") else { throw LexiconError(description: "missing 'why' for \(wrong) (line \(line))") }
        self.wrong = wrong
        self.why = why
        right = try list("right")
        severity = try value("severity", Severity.self) ?? .error
        fix = try value("fix", FixSafety.self) ?? .suggested
        category = try value("category", Category.self)
        after = try list("after")
        afterNot = try list("after_not")
        before = try list("before")
        beforeNot = try list("before_not")
        boundary = ["true", "yes", "True"].contains(map["boundary"]?.string ?? "")
        trigger = try list("trigger")
        ok = try list("ok")
    }
}

public struct LexiconError: Error, CustomStringConvertible {
    public let description: String
}

/// All substitution entries, of every rule that reads them, with one matcher over every wrong form.
///
/// The matcher is a `WordDictionary` (a sorted trie) of the wrong forms: scanning costs a
/// table lookup per position, and only real candidates are checked against their context.
/// The wrong-word, colloquial, overclaim and jargon rules share one lexicon and one scan.
public final class SubstitutionLexicon: @unchecked Sendable {
    // @unchecked: immutable after init.
    public let entries: [LexiconEntry]
    private let matcher: WordDictionary
    /// Entry indices for each distinct wrong form, indexed by the form's "frequency" in the matcher minus one.
    private let groups: [[Int]]
    private let maxLength: Int
    /// The rules the entries belong to, and each entry's index into that list.
    public let rules: [String]
    private let ruleOfEntry: [Int]

    public init(entries: [LexiconEntry]) throws {
        self.entries = entries
        var rules: [String] = []
        ruleOfEntry = entries.map { entry in
            if let r = rules.firstIndex(of: entry.rule) { return r }
            rules.append(entry.rule)
            return rules.count - 1
        }
        self.rules = rules
        var indexByForm: [String: Int] = [:]
        var groups: [[Int]] = []
        for (i, entry) in entries.enumerated() {
            if let g = indexByForm[entry.wrong] { groups[g].append(i) } else {
                indexByForm[entry.wrong] = groups.count
                groups.append([i])
            }
        }
        let forms = Dictionary(uniqueKeysWithValues: indexByForm.map { (Array($0.key.utf16), UInt32($0.value + 1)) })
        matcher = try WordDictionary(bytes: WordDictionary.compile(forms))
        self.groups = groups
        maxLength = entries.map { $0.wrong.utf16.count }.max() ?? 0
    }

    /// The rules whose entries lexicon files may hold.
    public static let knownRules = Set(RuleCatalog.lexiconRuleDescriptions.map(\.id))

    /// Loads lexicon files (YAML); each file's `rule` (default wrong-word) says which rule reports its entries.
    public static func load(files: [URL]) throws -> [LexiconEntry] {
        var entries: [LexiconEntry] = []
        for url in files {
            let name = url.lastPathComponent
            let root: Node?
            do {
                // The basic resolver leaves every scalar a string: no per-scalar regular expressions.
                root = try Yams.compose(yaml: try String(contentsOf: url, encoding: .utf8), .basic)
            } catch let error as YamlError {
                throw LexiconError(description: "\(name): not valid YAML: \(error)".replacingOccurrences(of: "\n", with: " "))
            } catch {
                throw LexiconError(description: "\(name): cannot be read")
            }
            guard let map = root?.mapping else { throw LexiconError(description: "\(name): expected a mapping with 'source' and 'entries'") }
            guard map["source"]?.string != nil else { throw LexiconError(description: "\(name): missing 'source' (where the entries come from)") }
            let rule = map["rule"]?.string ?? "wrong-word"
            guard knownRules.contains(rule) else {
                throw LexiconError(description: "\(name): unknown rule '\(rule)'; known: \(knownRules.sorted().joined(separator: ", "))")
            }
            let fileCategory = map["category"]?.string.flatMap(Category.init(rawValue:))
            guard let list = map["entries"]?.sequence else { throw LexiconError(description: "\(name): missing 'entries' list") }
            for node in list {
                var entry: LexiconEntry
                do { entry = try LexiconEntry(node: node) } catch { throw LexiconError(description: "\(name): \(error.description)") }
                guard entry.wrong.utf16.count >= 2 else {
                    throw LexiconError(description: "\(name): entry '\(entry.wrong)' is shorter than two characters")
                }
                entry.file = name
                entry.rule = rule
                if entry.category == nil { entry.category = fileCategory }
                entries.append(entry)
            }
        }
        return entries
    }

    /// The shipped lexicon files of a rule (`Lexicons/<folder>/*.yml`).
    public static func shippedFiles(folder: String) -> [URL] {
        LexiconFiles.files(in: folder, withExtension: "yml")
    }

    /// Every entry whose wrong form occurs in the document with its conditions met, as (range, entry index),
    /// in order. For each rule, at each position the longest form that holds wins; a match inside a longer
    /// one of the same rule is dropped, while partly overlapping matches (核对帐单: 对帐, 帐单) are both kept.
    public func matches(in document: DocumentContext) -> [(range: Range<Int>, entry: Int)] {
        var found: [(range: Range<Int>, entry: Int)] = []
        let units = document.simplifiedUnits
        var coveredUntil = [Int](repeating: 0, count: rules.count)
        var best = [(length: Int, entry: Int)?](repeating: nil, count: rules.count)
        units.withUnsafeBufferPointer { text in
            for i in 0..<text.count {
                var any = false
                matcher.forEachWord(in: text, from: i, maxLength: maxLength) { length, group in
                    // Shorter forms come first, so the last form that holds is the longest.
                    for e in groups[Int(group) - 1] where best[ruleOfEntry[e]]?.length != length
                        && conditionsHold(entries[e], text: text, range: i..<i + length, document: document) {
                        best[ruleOfEntry[e]] = (length, e)
                        any = true
                    }
                }
                guard any else { continue }
                for r in rules.indices {
                    if let (length, entry) = best[r], i + length > coveredUntil[r] {
                        found.append((i..<i + length, entry))
                        coveredUntil[r] = i + length
                    }
                    best[r] = nil
                }
            }
        }
        return found
    }

    private func conditionsHold(_ entry: LexiconEntry, text: UnsafeBufferPointer<UInt16>, range: Range<Int>, document: DocumentContext) -> Bool {
        func startsWithAny(_ options: [String], at offset: Int) -> Bool {
            options.contains { option in
                var k = offset
                for u in option.utf16 {
                    guard k < text.count, text[k] == u else { return false }
                    k += 1
                }
                return true
            }
        }
        func endsWithAny(_ options: [String], at offset: Int) -> Bool {
            options.contains { option in
                let u = Array(option.utf16)
                guard offset - u.count >= 0 else { return false }
                for (j, unit) in u.enumerated() where text[offset - u.count + j] != unit { return false }
                return true
            }
        }
        if !entry.after.isEmpty && !startsWithAny(entry.after, at: range.upperBound) { return false }
        if !entry.afterNot.isEmpty && startsWithAny(entry.afterNot, at: range.upperBound) { return false }
        if !entry.before.isEmpty && !endsWithAny(entry.before, at: range.lowerBound) { return false }
        if !entry.beforeNot.isEmpty && endsWithAny(entry.beforeNot, at: range.lowerBound) { return false }
        if entry.boundary && !document.alignsWithTokens(range) { return false }
        return true
    }
}
