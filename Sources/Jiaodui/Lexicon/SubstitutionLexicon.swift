import Foundation
import Lexicons
import Yams

/// One entry of a substitution lexicon: a wrong form, its corrections, the context it must
/// (not) stand in, and its own examples. See `Lexicons/README.md` for the file format.
public struct LexiconEntry: Sendable, Decodable {
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

    enum CodingKeys: String, CodingKey {
        case wrong, right, why, severity, fix, category, after, before, boundary, trigger, ok
        case afterNot = "after_not", beforeNot = "before_not"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        wrong = try c.decode(String.self, forKey: .wrong)
        if let list = try? c.decode([String].self, forKey: .right) { right = list }
        else { right = try c.decodeIfPresent(String.self, forKey: .right).map { [$0] } ?? [] }
        why = try c.decode(String.self, forKey: .why)
        severity = try c.decodeIfPresent(Severity.self, forKey: .severity) ?? .error
        fix = try c.decodeIfPresent(FixSafety.self, forKey: .fix) ?? .suggested
        category = try c.decodeIfPresent(Category.self, forKey: .category)
        after = try c.decodeIfPresent([String].self, forKey: .after) ?? []
        afterNot = try c.decodeIfPresent([String].self, forKey: .afterNot) ?? []
        before = try c.decodeIfPresent([String].self, forKey: .before) ?? []
        beforeNot = try c.decodeIfPresent([String].self, forKey: .beforeNot) ?? []
        boundary = try c.decodeIfPresent(Bool.self, forKey: .boundary) ?? false
        trigger = try c.decodeIfPresent([String].self, forKey: .trigger) ?? []
        ok = try c.decodeIfPresent([String].self, forKey: .ok) ?? []
    }
}

/// A lexicon file: provenance, the rule that consumes it, and its entries.
struct LexiconFileContents: Decodable {
    let source: String
    let rule: String?
    let category: Category?
    let entries: [LexiconEntry]
}

public struct LexiconError: Error, CustomStringConvertible {
    public let description: String
}

/// All substitution entries of one rule, with one matcher over every wrong form.
///
/// The matcher is a `WordDictionary` (a sorted trie) of the wrong forms: scanning costs a
/// table lookup per position, and only real candidates are checked against their context.
public final class SubstitutionLexicon: @unchecked Sendable {
    // @unchecked: immutable after init.
    public let entries: [LexiconEntry]
    private let matcher: WordDictionary
    /// Entry indices for each distinct wrong form, indexed by the form's "frequency" in the matcher minus one.
    private let groups: [[Int]]
    private let maxLength: Int

    public init(entries: [LexiconEntry]) throws {
        self.entries = entries
        var indexByForm: [String: Int] = [:]
        var groups: [[Int]] = []
        for (i, entry) in entries.enumerated() {
            if let g = indexByForm[entry.wrong] { groups[g].append(i) } else {
                indexByForm[entry.wrong] = groups.count
                groups.append([i])
            }
        }
        let tsv = indexByForm.map { "\($0.key)\t\($0.value + 1)" }.joined(separator: "\n")
        matcher = try WordDictionary(bytes: WordDictionary.compile(tsv: tsv))
        self.groups = groups
        maxLength = entries.map { $0.wrong.utf16.count }.max() ?? 0
    }

    /// Loads lexicon files (YAML), keeping those whose `rule` is `ruleID`.
    public static func load(files: [URL], ruleID: String) throws -> [LexiconEntry] {
        var entries: [LexiconEntry] = []
        for url in files {
            let contents: LexiconFileContents
            do {
                let text = try String(contentsOf: url, encoding: .utf8)
                contents = try YAMLDecoder().decode(LexiconFileContents.self, from: text)
            } catch let error as DecodingError {
                throw LexiconError(description: "\(url.lastPathComponent): \(Self.explain(error))")
            } catch {
                throw LexiconError(description: "\(url.lastPathComponent): \(error)")
            }
            guard (contents.rule ?? "wrong-word") == ruleID else { continue }
            for var entry in contents.entries {
                guard entry.wrong.utf16.count >= 2 else {
                    throw LexiconError(description: "\(url.lastPathComponent): entry '\(entry.wrong)' is shorter than two characters")
                }
                entry.file = url.lastPathComponent
                if entry.category == nil { entry.category = contents.category }
                entries.append(entry)
            }
        }
        return entries
    }

    /// The shipped lexicon files of a rule (`Lexicons/<folder>/*.yml`).
    public static func shippedFiles(folder: String) -> [URL] {
        LexiconFiles.files(in: folder, withExtension: "yml")
    }

    private static func explain(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, let context):
            return "missing '\(key.stringValue)' at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "\(context.debugDescription) at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        @unknown default:
            return "\(error)"
        }
    }

    /// Every entry whose wrong form occurs in the document with its conditions met, as (range, entry index),
    /// in order. At each position the longest form that holds wins; a match inside a longer one is dropped,
    /// while partly overlapping matches (核对帐单: 对帐, 帐单) are both kept.
    public func matches(in document: DocumentContext) -> [(range: Range<Int>, entry: Int)] {
        var found: [(range: Range<Int>, entry: Int)] = []
        let units = document.simplifiedUnits
        units.withUnsafeBufferPointer { text in
            var coveredUntil = 0
            for i in 0..<text.count {
                var best: (Range<Int>, Int)?
                matcher.forEachWord(in: text, from: i, maxLength: maxLength) { length, group in
                    // Shorter forms come first, so the last form that holds is the longest.
                    if let e = groups[Int(group) - 1].first(where: { conditionsHold(entries[$0], text: text, range: i..<i + length, document: document) }) {
                        best = (i..<i + length, e)
                    }
                }
                if let (range, entry) = best, range.upperBound > coveredUntil {
                    found.append((range, entry))
                    coveredUntil = range.upperBound
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
