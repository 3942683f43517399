import Foundation
import Testing
@testable import Jiaodui

/// The statistical typo detector: its confusion sources, its model file and its behaviour on
/// hand-written sentences (not taken from any evaluation set).
@Suite struct TypoTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Lexicons")

    static func read(_ path: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
    }

    static func unit(_ s: String) -> UInt16 { s.utf16.first! }

    static func relations(of c: String) throws -> [String: TypoModel.Relation] {
        var found: [String: TypoModel.Relation] = [:]
        try TypoModel.shared.get().candidates(for: unit(c)) { d, relation in found[String(decoding: [d], as: UTF16.self)] = relation }
        return found
    }

    static func findings(_ text: String, configure: (inout LintConfiguration) -> Void = { _ in }) throws -> [Finding] {
        var configuration = LintConfiguration()
        configuration.onlyRules = ["typo"]
        configure(&configuration)
        return try Linter(configuration: configuration).lint(text: text)
    }

    // Hand-written slips and their corrected forms.
    static let slips: [(wrong: String, flagged: String, right: String)] = [
        ("各地要加快发展大数局产业。", "局", "各地要加快发展大数据产业。"),
        ("完善市场监官机制。", "官", "完善市场监管机制。"),
        ("要认真落实安全生产债任制。", "债", "要认真落实安全生产责任制。"),
        ("进一步提高服务直量。", "直", "进一步提高服务质量。"),
        ("加强基层党组织见设。", "见", "加强基层党组织建设。"),
        ("全面深化改格开放。", "格", "全面深化改革开放。"),
        ("要加强对干部的教育和管里。", "里", "要加强对干部的教育和管理。"),
    ]

    @Test func everyConfusionSourceLoadsWithExamples() throws {
        let model = try TypoModel.shared.get()
        #expect(model.readingCount > 10_000)
        #expect(model.shapeGroupCount > 800)
        #expect(model.observedCount > 500)
        // Readings (ICU Han-Latin): 码 mǎ and 吗 ma share a syllable, not a tone; 建 and 见 share both.
        #expect(try Self.relations(of: "码")["吗"] == .otherTone)
        #expect(try Self.relations(of: "局")["据"] != nil)
        #expect(try Self.relations(of: "见")["建"] == .sameSound)
        // Look-alikes: the pycorrector groups and Jiaodui's own OCR pairs.
        #expect(model.lookAlikes(of: Self.unit("已")).contains(Self.unit("己")))
        #expect(model.lookAlikes(of: Self.unit("末")).contains(Self.unit("未")))
        #expect(try Self.relations(of: "休")["体"] == .shape)
        // Observed in official-document training text.
        #expect(model.observedCorrections(of: Self.unit("里")).contains(Self.unit("理")))
        #expect(try Self.relations(of: "里")["理"] == .observed)
        // No character is its own candidate.
        #expect(try Self.relations(of: "局")["局"] == nil)
    }

    @Test func readingsSplitTones() {
        #expect(TypoModel.splitTone("jù") == ("ju", 4))
        #expect(TypoModel.splitTone("lǜ") == ("lu", 4))
        #expect(TypoModel.splitTone("de") == ("de", 5))
        // Marks with no precomposed vowel take the normalising path.
        #expect(TypoModel.splitTone("ḿ") == ("m", 2))
        #expect(TypoModel.splitTone("ňg") == ("ng", 3))
    }

    /// Each candidate comes once, in two runs sorted by character (the rule merges them with the pair lists).
    @Test func candidatesComeOnceAndSorted() throws {
        let model = try TypoModel.shared.get()
        for c in "局见休里码已末的是在" {
            let unit = Self.unit(String(c))
            var seen: [UInt16] = []
            model.candidates(for: unit) { d, _ in seen.append(d) }
            #expect(!seen.isEmpty, "\(c)")
            #expect(Set(seen).count == seen.count, "\(c)")
            #expect(!seen.contains(unit), "\(c)")
            let own = model.ownCandidates(of: unit).map { UInt16(truncatingIfNeeded: $0) }
            let sameSyllable = Array(model.syllableCandidates(of: unit, excluding: model.ownCandidates(of: unit))).map { UInt16(truncatingIfNeeded: $0) }
            #expect(own == own.sorted() && sameSyllable == sameSyllable.sorted(), "\(c)")
        }
    }

    @Test func modelIsRebuiltByteForByteFromItsSources() throws {
        let built = TypoModel.compileModel(bigrams: try Self.read("typo/bigrams.tsv"), words: try Self.read("dict/words.tsv"))
        let shipped = try Data(contentsOf: Self.folder.appendingPathComponent("typo/model.bin"))
        #expect(built == Array(shipped), "run: jiaodui build-typo-model Lexicons/typo/bigrams.tsv Lexicons/dict/words.tsv Lexicons/typo/model.bin")
    }

    @Test func readingsAreRegeneratedFromICU() throws {
        let sources = try ["dict/words.tsv", "typo/shapes.tsv", "typo/observed.tsv"].map(Self.read).joined()
        #expect(try TypoModel.generateReadingsTSV(characters: sources) == Self.read("typo/readings.tsv"),
                "run: jiaodui generate-readings Lexicons/dict/words.tsv Lexicons/typo/shapes.tsv Lexicons/typo/observed.tsv -o Lexicons/typo/readings.tsv")
    }

    @Test func findsHandWrittenSlipsAndNotTheirCorrections() throws {
        for (wrong, flagged, right) in Self.slips {
            let found = try Self.findings(wrong)
            #expect(found.map(\.text) == [flagged], "\(wrong)")
            #expect(found.first.map { $0.fix == .suggested && !$0.suggestions.isEmpty } ?? false)
            #expect(try Self.findings(right).isEmpty, "\(right)")
        }
    }

    @Test func respectsAllowListUserDictionaryAndTitles() throws {
        let text = "青年作家刘方炜的长篇小说日前出版。"
        #expect(try Self.findings(text).map(\.text) == ["炜"]) // a name the dictionary cannot know
        #expect(try Self.findings(text) { $0.allowedWords = ["刘方炜"] }.isEmpty)
        let user = try WordDictionary.userDictionary(text: "刘方炜\n")
        #expect(try Self.findings(text) { $0.userDictionary = user }.isEmpty)
        #expect(try Self.findings("影片《发展大数局》在各地放映").isEmpty)
    }

    @Test func thresholdTradesRecallForPrecision() throws {
        let text = "各地要加快发展大数局产业。"
        #expect(try Self.findings(text) { $0.options.numbers["typo"] = ["threshold": 60] }.isEmpty)
        let rareWord = "在综合性险种中，保户所交保费实际上分为两部分。"
        #expect(try Self.findings(rareWord).isEmpty)
        #expect(try Self.findings(rareWord) { $0.options.numbers["typo"] = ["threshold": 5] }.map(\.text) == ["户"])
    }

    @Test func traditionalTextGetsATraditionalSuggestion() throws {
        let found = try Self.findings("進一步提高服務直量。")
        #expect(found.map(\.text) == ["直"])
        #expect(found.first?.suggestions == ["質"])
        // 鉅 maps to the variant 钜, not to 巨: converted characters are not judged.
        #expect(try Self.findings("應該說是事無鉅細，都要認真操辦。").isEmpty)
    }

    @Test func numeralsAndNonHanAreLeftAlone() throws {
        #expect(try Self.findings("一点二亿年前的化石").isEmpty)
        #expect(try Self.findings("abc 123 ——").isEmpty)
    }
}
