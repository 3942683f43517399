import Foundation

/// Typos no list names: a character that breaks the words around it where a character that sounds or
/// looks like it would make a common word (发展大数局 → 大数据, 总休 → 总体).
///
/// For each run of Han characters the rule finds the most probable segmentation under the word
/// dictionary's unigram model, forwards and backwards. For each character it then tries its confusion
/// candidates (same syllable, look-alike, observed substitutions): only the spans that cover the
/// character change, so a candidate's best segmentation is the best covering word plus the two
/// precomputed halves. The gain in log-probability, plus the gain in how often the neighbouring
/// character pairs occur in official-document text, minus the candidate's relation cost, must pass
/// the threshold. The default threshold was chosen on the tuning part of the ECSpell official-document
/// set with leave-one-out counts, so that clean news text stays nearly silent.
public struct TypoRule: Rule {
    public static let description = RuleDescription(
        id: "typo",
        name: "疑似错字",
        summary: "A character that sounds or looks like the one the words around it need (OCR, pinyin-input and look-alike slips).",
        rationale: """
            Statistical: confusion sets from readings (ICU Han-Latin), look-alike groups and substitutions \
            observed in official documents; plausibility from the word dictionary's frequencies and \
            character-pair counts of official-document text. The fix is only ever a suggestion. Raise \
            `typo: {threshold: …}` in .jiaodui.yml for fewer, surer findings; lower it to see more.
            """,
        category: .wrongWord,
        severity: .warning,
        fixes: true,
        examples: [
            .triggers("各地要加快发展大数⟦局⟧产业。"),
            .triggers("完善市场监⟦官⟧机制。"),
            .triggers("要认真落实安全生产⟦债⟧任制。"),
            .passes("各地要加快发展大数据产业。"),
            .passes("完善市场监管机制。"),
            .passes("全市约4.5万棵树被刮倒。"),
            .passes("在综合性险种中，保户所交保费实际上分为两部分。"),
            .fixes("进一步提高服务直量。", to: "进一步提高服务质量。"),
        ]
    )

    /// Default confidence threshold (natural-log units).
    public static let defaultThreshold = 18.0
    /// Weight of the character-pair evidence against the dictionary evidence.
    static let pairWeight: Float = 1.5
    static let longestWord = 6
    /// Numerals are numbers, not words: 一点二亿 is no typo for 一点儿.
    static let numerals = Set("〇零一二三四五六七八九十百千万亿两".utf16)

    let model: TypoModel
    let dictionary: WordDictionary
    let userDictionary: WordDictionary?
    let allowedWords: [[UInt16]]
    /// Listed wrong forms (实事求事) are the wrong-word rule's to report, with its reasons.
    let lexicon: SubstitutionLexicon?

    public init(model: TypoModel, dictionary: WordDictionary, userDictionary: WordDictionary? = nil, allowedWords: Set<String> = [],
                lexicon: SubstitutionLexicon? = nil) {
        self.model = model
        self.lexicon = lexicon
        self.dictionary = dictionary
        self.userDictionary = userDictionary
        self.allowedWords = allowedWords.map { Array($0.utf16) }.filter { !$0.isEmpty }
    }

    public func check(_ document: DocumentContext, into findings: inout [Finding]) {
        let threshold = Float(document.options.number("threshold", for: Self.description, default: Self.defaultThreshold))
        let units = document.simplifiedUnits
        var flagged: [(position: Int, replacement: UInt16, word: Range<Int>)] = []
        units.withUnsafeBufferPointer { all in
            var start = 0
            while start < all.count {
                guard CharClass.isHan(all[start]) else { start += 1; continue }
                var end = start
                while end < all.count && CharClass.isHan(all[end]) { end += 1 }
                if end - start >= 2 {
                    scan(UnsafeBufferPointer(rebasing: all[start..<end]), threshold: threshold) { i, d, word in
                        flagged.append((start + i, d, (start + word.lowerBound)..<(start + word.upperBound)))
                    }
                }
                start = end
            }
        }
        guard !flagged.isEmpty else { return }
        let listed = lexicon.map { lexicon in document.matches(of: lexicon).filter { lexicon.entries[$0.entry].rule == WrongWordRule.description.id }.map(\.range) } ?? []
        for (position, replacement, word) in flagged {
            let range = position..<position + 1
            if document.isQuoted(range, titles: true, quotes: false) || isProtected(range, units) { continue }
            if listed.contains(where: { $0.overlaps(word) }) { continue }
            // A Traditional character maps to Simplified by table, which can yield a variant (鉅 → 钜, not 巨):
            // judge only characters written the same in both scripts.
            if document.units[position] != units[position] { continue }
            var replacementText = String(decoding: [replacement], as: UTF16.self)
            if document.isTraditional, let t = ScriptTable.shared.traditional(of: replacement) { replacementText = String(decoding: [t], as: UTF16.self) }
            var corrected = Array(units[word])
            corrected[position - word.lowerBound] = replacement
            let original = document.simplifiedString(word)
            findings.append(document.finding(
                Self.description, range: range,
                message: "“\(original)”疑为“\(String(decoding: corrected, as: UTF16.self))”：“\(document.string(range))”应为“\(replacementText)”？",
                suggestions: [replacementText], fix: .suggested))
        }
    }

    /// Inside a word of the user's dictionary or allow-list: the user vouches for it.
    private func isProtected(_ range: Range<Int>, _ units: [UInt16]) -> Bool {
        for word in allowedWords {
            let n = word.count
            for s in max(0, range.upperBound - n)...range.lowerBound where s + n <= units.count && units[s..<s + n].elementsEqual(word) { return true }
        }
        guard let userDictionary else { return false }
        var covered = false
        units.withUnsafeBufferPointer { all in
            for s in max(0, range.lowerBound - Self.longestWord + 1)...range.lowerBound {
                userDictionary.forEachWord(in: all, from: s, maxLength: Self.longestWord) { length, _ in
                    if s + length > range.lowerBound { covered = true }
                }
            }
        }
        return covered
    }

    /// Reports `(position, replacement, word)` for each implausible character of one Han run.
    func scan(_ text: UnsafeBufferPointer<UInt16>, threshold: Float, report: (Int, UInt16, Range<Int>) -> Void) {
        let n = text.count
        let unknown = Float(log(0.3)) + dictionary.logProbability(1) // a character the dictionary lacks
        // The dictionary's words at each position, looked up once: single characters' scores, and the
        // longer words as (length, score) in `words[wordOffsets[j]..<wordOffsets[j + 1]]`, shortest first.
        var singles = [Float](repeating: unknown, count: n)
        var words: [(length: Int, score: Float)] = []
        var wordOffsets = [Int](repeating: 0, count: n + 1)
        for j in 0..<n {
            wordOffsets[j] = words.count
            dictionary.forEachWord(in: text, from: j, maxLength: Self.longestWord) { length, stored in
                if length == 1 { singles[j] = dictionary.logProbability(stored) } else { words.append((length, dictionary.logProbability(stored))) }
            }
        }
        wordOffsets[n] = words.count
        // forward[i]: best log-probability of text[0..<i]; backward[i]: of text[i..<n].
        var forward = [Float](repeating: -.infinity, count: n + 1)
        var backward = [Float](repeating: -.infinity, count: n + 1)
        forward[0] = 0
        backward[n] = 0
        var wordStart = [Int](repeating: 0, count: n + 1) // back-pointers of the best path
        for j in 0..<n {
            if forward[j] + singles[j] > forward[j + 1] { forward[j + 1] = forward[j] + singles[j]; wordStart[j + 1] = j }
            for (length, score) in words[wordOffsets[j]..<wordOffsets[j + 1]] where forward[j] + score > forward[j + length] {
                forward[j + length] = forward[j] + score
                wordStart[j + length] = j
            }
        }
        // Characters inside a word of two or more on the best path: a real word, so an edit there
        // must win on the dictionary alone (保户 is no slip for 保护 however often 保护 is written).
        var inWord = [Bool](repeating: false, count: n)
        var cut = n
        while cut > 0 {
            let s = wordStart[cut]
            if cut - s > 1 { for k in s..<cut { inWord[k] = true } }
            cut = s
        }
        for j in stride(from: n - 1, through: 0, by: -1) {
            var best = singles[j] + backward[j + 1]
            for (length, score) in words[wordOffsets[j]..<wordOffsets[j + 1]] { best = max(best, score + backward[j + length]) }
            backward[j] = best
        }
        let total = forward[n]
        var window = [UInt16](repeating: 0, count: 2 * Self.longestWord)
        for i in 0..<n {
            let c = text[i]
            if Self.numerals.contains(c) || !model.hasReading(c) { continue }
            let left: UInt16? = i > 0 ? text[i - 1] : nil
            let right: UInt16? = i + 1 < n ? text[i + 1] : nil
            let from = max(0, i - Self.longestWord + 1), to = min(n, i + Self.longestWord)
            var best: (score: Float, replacement: UInt16, word: Range<Int>)?
            model.candidates(for: c) { d, relation in
                guard !Self.numerals.contains(d) else { return }
                // A word covering i must pair d with a neighbour inside some dictionary word.
                guard (left.map { model.inDictionaryWord($0, d) } ?? false) || (right.map { model.inDictionaryWord(d, $0) } ?? false) else { return }
                for k in from..<to { window[k - from] = k == i ? d : text[k] }
                var bestWord: (score: Float, range: Range<Int>)?
                window.withUnsafeBufferPointer { w in
                    let view = UnsafeBufferPointer(rebasing: w[0..<(to - from)])
                    for a in from...i {
                        dictionary.forEachWord(in: view, from: a - from, maxLength: Self.longestWord) { length, stored in
                            guard length > 1, a + length > i else { return }
                            let score = forward[a] + dictionary.logProbability(stored) + backward[a + length]
                            if score > (bestWord?.score ?? -.infinity) { bestWord = (score, a..<a + length) }
                        }
                    }
                }
                guard let bestWord else { return }
                var score = bestWord.score - total - relation.cost
                var pairs: Float = 0
                if let left { pairs += pairGain(model.textCount(left, c), model.textCount(left, d)) }
                if let right { pairs += pairGain(model.textCount(c, right), model.textCount(d, right)) }
                score += Self.pairWeight * (inWord[i] ? min(0, pairs) : pairs)
                if score > threshold && score > (best?.score ?? -.infinity) { best = (score, d, bestWord.range) }
            }
            if let best { report(i, best.replacement, best.word) }
        }
    }

    @inline(__always) private func pairGain(_ original: UInt32, _ candidate: UInt32) -> Float {
        Float(log((Double(candidate) + 0.1) / (Double(original) + 0.1)))
    }
}
