import Foundation
import Lexicons
import Yams

/// 的 used where an adverbial needs 地: 积极努力的谋求 → 积极努力地谋求.
public struct DeDiDeRule: Rule {
    public static let description = RuleDescription(
        id: "de-di-de",
        name: "的地得",
        summary: "的 between an adverbial and the verb it modifies, where 地 is required.",
        rationale: """
            “的”定“地”状“得”补: an adverbial before a verb takes 地 (《现代汉语词典》第7版 “地”条; \
            吕叔湘《现代汉语八百词》). The word lists in Lexicons/grammar/de-di-de.yml are chosen so that the \
            adverbial and the verb cannot be read as a noun phrase.
            """,
        category: .grammar,
        severity: .warning,
        fixes: true,
        examples: [
            .triggers("乐于奉献的精神，热忱⟦的⟧为中心工作服务。"),
            .triggers("要实实在在⟦的⟧做事"),
            .passes("积极的态度"),
            .passes("得到了充分的发挥。"),
            .fixes("自觉的做好本职工作", to: "自觉地做好本职工作"),
        ]
    )

    struct Words: Decodable {
        let adverbials: Set<String>
        let verbs: Set<String>
        let nominalMarkers: Set<String>
        let trigger: [String]
        let ok: [String]
        enum CodingKeys: String, CodingKey { case adverbials, verbs, trigger, ok, nominalMarkers = "nominal_markers" }
    }

    static let words: Result<Words, any Error> = Result {
        guard let url = LexiconFiles.url("grammar/de-di-de.yml") else { throw LexiconError(description: "grammar/de-di-de.yml is missing") }
        return try YAMLDecoder().decode(Words.self, from: try String(contentsOf: url, encoding: .utf8))
    }

    let words: Words
    /// The verbs, and the adverbials written backwards, as tries: a cheap test on the raw text
    /// so that only real candidates are segmented.
    let verbs: WordDictionary
    let reversedAdverbials: WordDictionary
    let longestAdverbial: Int

    /// The tries are built once per process: every linter (one per configuration) shares them.
    private static let tries: Result<(verbs: WordDictionary, reversedAdverbials: WordDictionary), any Error> = Result {
        let words = try Self.words.get()
        func trie(_ list: some Sequence<String>) throws -> WordDictionary {
            try WordDictionary(bytes: WordDictionary.compile(Dictionary(list.map { (Array($0.utf16), UInt32(1)) }, uniquingKeysWith: max)))
        }
        return (try trie(words.verbs), try trie(words.adverbials.map { String($0.reversed()) }))
    }

    public init() throws {
        words = try Self.words.get()
        (verbs, reversedAdverbials) = try Self.tries.get()
        longestAdverbial = words.adverbials.map(\.utf16.count).max() ?? 0
    }

    /// Whether the raw text could hold adverbial + 的 + verb around offset `i` (a necessary condition).
    private func mayBeCandidate(_ units: UnsafeBufferPointer<UInt16>, _ reversed: inout [UInt16], at i: Int) -> Bool {
        var verbFound = false
        verbs.forEachWord(in: units, from: i + 1, maxLength: 4) { _, _ in verbFound = true }
        guard verbFound else { return false }
        if i >= 4 && units[i - 4] == units[i - 3] && units[i - 2] == units[i - 1] { return true } // AABB
        reversed.removeAll(keepingCapacity: true)
        var k = i - 1
        while k >= 0 && reversed.count < longestAdverbial { reversed.append(units[k]); k -= 1 }
        var adverbialFound = false
        reversed.withUnsafeBufferPointer { r in
            if !r.isEmpty { reversedAdverbials.forEachWord(in: r, from: 0, maxLength: r.count) { _, _ in adverbialFound = true } }
        }
        return adverbialFound
    }

    public func check(_ document: DocumentContext, into findings: inout [Finding]) {
        let units = document.simplifiedUnits
        let de: UInt16 = 0x7684 // 的
        var reversed: [UInt16] = []
        var candidates: [Int] = []
        units.withUnsafeBufferPointer { buffer in
            for i in 1..<max(1, buffer.count - 1) where buffer[i] == de && CharClass.isHan(buffer[i - 1]) && CharClass.isHan(buffer[i + 1])
                && mayBeCandidate(buffer, &reversed, at: i) {
                candidates.append(i)
            }
        }
        for i in candidates {
            let tokens = document.tokens(around: i..<i + 1)
            guard let k = tokens.firstIndex(where: { $0.range.lowerBound == i }), tokens[k].range.count == 1,
                  k > 0, k + 1 < tokens.count else { continue }
            let verb = document.simplifiedString(tokens[k + 1].range)
            guard words.verbs.contains(verb), let a = adverbialStart(before: k, tokens, document) else { continue }
            let adverbial = document.simplifiedString(tokens[a].range.lowerBound..<i)
            if a >= 1, words.nominalMarkers.contains(document.simplifiedString(tokens[a - 1].range)) { continue }
            findings.append(document.finding(
                Self.description, range: i..<i + 1,
                message: "“\(adverbial)”修饰动词“\(verb)”，作状语，应用“地”：“\(adverbial)地\(verb)”。",
                suggestions: ["地"], fix: .suggested))
        }
    }

    /// The index of the token that starts the adverbial ending at token `k` (the 的): one token that is
    /// a listed adverbial or an AABB reduplication (认认真真), or up to three tokens that together spell a
    /// listed adverbial the segmenter split (实事求事).
    private func adverbialStart(before k: Int, _ tokens: [Token], _ document: DocumentContext) -> Int? {
        let end = tokens[k].range.lowerBound
        for a in stride(from: k - 1, through: max(0, k - 3), by: -1) {
            let word = document.simplifiedString(tokens[a].range.lowerBound..<end)
            if words.adverbials.contains(word) { return a }
            if a == k - 1 {
                let c = Array(word.unicodeScalars)
                if c.count == 4 && c[0] == c[1] && c[2] == c[3] && c[0] != c[2] { return a }
            }
        }
        return nil
    }
}
