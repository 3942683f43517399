import Foundation
import Testing
@testable import Jiaodui

/// Runs every rule's examples: each must-trigger example plain, behind a CJK/emoji prefix (offsets)
/// and after an inline disable (silent); each must-pass example; each fix.
@Suite struct RuleExampleTests {
    static let ruleIDs = RuleCatalog.descriptions.map(\.id)

    static func linter(for id: String) -> Linter {
        var configuration = LintConfiguration()
        configuration.onlyRules = [id]
        return try! Linter(configuration: configuration)
    }

    /// Removes the ⟦ ⟧ markers, returning the text and the marked UTF-16 ranges.
    static func unmark(_ marked: String) -> (String, [Range<Int>]) {
        var text = ""
        var ranges: [Range<Int>] = []
        var start = 0
        for ch in marked {
            if ch == RuleExample.openMarker { start = text.utf16.count }
            else if ch == RuleExample.closeMarker { ranges.append(start..<text.utf16.count) }
            else { text.append(ch) }
        }
        return (text, ranges)
    }

    static func apply(_ findings: [Finding], to text: String) -> String {
        var units = Array(text.utf16)
        for f in findings.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            guard let s = f.suggestions.first else { continue }
            units.replaceSubrange(f.range, with: Array(s.utf16))
        }
        return String(decoding: units, as: UTF16.self)
    }

    @Test(arguments: ruleIDs)
    func examples(of id: String) throws {
        let description = try #require(RuleCatalog.description(of: id))
        let linter = Self.linter(for: id)
        #expect(!description.examples.isEmpty)
        var triggers = 0, passes = 0
        for example in description.examples {
            switch example {
            case .triggers(let marked):
                triggers += 1
                let (text, ranges) = Self.unmark(marked)
                #expect(!ranges.isEmpty, "example has no ⟦⟧ span: \(marked)")
                let found = linter.lint(text: text).filter { $0.ruleID == id }.map(\.range)
                for range in ranges { #expect(found.contains(range), "\(id) should report \(range) in: \(text); found \(found)") }

                // A line of its own: several rules judge lines (headings, residue, paragraph length).
                let prefix = "😀前缀。\n"
                let shift = prefix.utf16.count
                let shifted = linter.lint(text: prefix + text).filter { $0.ruleID == id }.map(\.range)
                for range in ranges {
                    #expect(shifted.contains((range.lowerBound + shift)..<(range.upperBound + shift)), "\(id) offsets behind a prefix: \(text)")
                }

                let disabled = "jiaodui-disable \(id)\n" + text
                #expect(linter.lint(text: disabled).filter { $0.ruleID == id }.isEmpty, "\(id) should be silenced by jiaodui-disable: \(text)")
            case .passes(let text):
                passes += 1
                let found = linter.lint(text: text).filter { $0.ruleID == id }
                #expect(found.isEmpty, "\(id) should not fire on: \(text); found \(found.map(\.text))")
            case .fixes(let before, let after):
                let findings = linter.lint(text: before).filter { $0.ruleID == id }
                #expect(Self.apply(findings, to: before) == after)
            }
        }
        #expect(triggers > 0 && passes > 0, "\(id) needs examples that trigger and examples that pass")
    }

    @Test func disableNextLineSilencesOnlyThatLine() {
        let linter = Self.linter(for: "wrong-word")
        let text = "<!-- jiaodui-disable-next-line wrong-word -->\n坚持实事求事。\n坚持实事求事。"
        let findings = linter.lint(text: text)
        #expect(findings.map(\.start.line) == [3])
    }

    @Test func everyRuleHasADistinctKebabCaseID() {
        let ids = Self.ruleIDs
        #expect(Set(ids).count == ids.count)
        for id in ids { #expect(id.allSatisfy { $0.isLowercase || $0 == "-" }, "\(id)") }
    }
}

/// Every entry of every shipped substitution lexicon must catch its trigger sentences and stay silent on its ok sentences.
@Suite struct LexiconEntryTests {
    static let files = SubstitutionLexicon.shippedFiles(folder: "wrong-word") + SubstitutionLexicon.shippedFiles(folder: "register")

    @Test func lexiconsAreShipped() {
        #expect(Self.files.count >= 6)
    }

    @Test(arguments: files.map(\.lastPathComponent))
    func entriesPassTheirOwnExamples(file: String) throws {
        let url = try #require(Self.files.first { $0.lastPathComponent == file })
        let entries = try SubstitutionLexicon.load(files: [url])
        #expect(!entries.isEmpty)
        let all = try RuleCatalog.shippedLexicon.get()
        for entry in entries {
            #expect(!entry.trigger.isEmpty && !entry.ok.isEmpty, "\(file): \(entry.wrong) needs trigger and ok examples")
            #expect(!entry.right.isEmpty || entry.fix == .none, "\(file): \(entry.wrong) has no correction")
            let index = all.entries.firstIndex { $0.file == entry.file && $0.wrong == entry.wrong && $0.trigger == entry.trigger }!
            for sentence in entry.trigger {
                let document = DocumentContext(source: SourceText(sentence))
                let hits = all.matches(in: document)
                #expect(hits.contains { $0.entry == index && document.simplifiedString($0.range) == entry.wrong },
                        "\(file): “\(entry.wrong)” should fire on: \(sentence); got \(hits.map { all.entries[$0.entry].wrong })")
            }
            for sentence in entry.ok {
                let hits = all.matches(in: DocumentContext(source: SourceText(sentence)))
                #expect(!hits.contains { $0.entry == index }, "\(file): “\(entry.wrong)” should not fire on: \(sentence)")
            }
        }
    }

    @Test func wrongFormsUseNoTraditionalOnlyCharacters() throws {
        // Matching runs on Simplified text, so a wrong form with a Traditional-only character could never match.
        let script = ScriptTable.shared
        for entry in try RuleCatalog.shippedLexiconEntries.get() {
            #expect(!entry.wrong.utf16.contains { script.isTraditionalOnly($0) }, "\(entry.file): \(entry.wrong)")
        }
    }

    @Test func deDiDeWordListExamples() throws {
        let words = try DeDiDeRule.words.get()
        var configuration = LintConfiguration()
        configuration.onlyRules = ["de-di-de"]
        let linter = try Linter(configuration: configuration)
        for marked in words.trigger {
            let (text, ranges) = RuleExampleTests.unmark(marked)
            #expect(linter.lint(text: text).map(\.range) == ranges, "de-di-de should fire on: \(text)")
        }
        for text in words.ok { #expect(linter.lint(text: text).isEmpty, "de-di-de should not fire on: \(text)") }
    }
}
