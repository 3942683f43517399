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
    static let longestWord = WordEdgeScores.longestWord
    /// Numerals are numbers, not words: 一点二亿 is no typo for 一点儿.
    static let numerals = CodeUnitSet("〇零一二三四五六七八九十百千万亿两")

    let model: TypoModel
    let dictionary: WordDictionary
    let userDictionary: WordDictionary?
    let allowedWords: [[UInt16]]
    /// How well a word can score given its first or last character: bounds what a candidate can gain.
    let edgeScores: WordEdgeScores
    /// Listed wrong forms (实事求事) are the wrong-word rule's to report, with its reasons.
    let lexicon: SubstitutionLexicon?

    public init(model: TypoModel, dictionary: WordDictionary, userDictionary: WordDictionary? = nil, allowedWords: Set<String> = [],
                lexicon: SubstitutionLexicon? = nil) {
        self.model = model
        self.lexicon = lexicon
        self.dictionary = dictionary
        edgeScores = dictionary.edgeScores
        self.userDictionary = userDictionary
        self.allowedWords = allowedWords.map { Array($0.utf16) }.filter { !$0.isEmpty }
    }

    public func check(_ document: DocumentContext, into findings: inout [Finding]) {
        let threshold = Float(document.options.number("threshold", for: Self.description, default: Self.defaultThreshold))
        let units = document.simplifiedUnits
        var flagged: [(position: Int, replacement: UInt16, word: Range<Int>)] = []
        var scratch = Scratch()
        units.withUnsafeBufferPointer { all in
            var start = 0
            while start < all.count {
                guard CharClass.isHan(all[start]) else { start += 1; continue }
                var end = start
                while end < all.count && CharClass.isHan(all[end]) { end += 1 }
                if end - start >= 2 {
                    scan(UnsafeBufferPointer(rebasing: all[start..<end]), threshold: threshold, scratch: &scratch) { i, d, word in
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
            var replacementText = String(utf16Units: [replacement])
            if document.isTraditional, let t = ScriptTable.shared.traditional(of: replacement) { replacementText = String(utf16Units: [t]) }
            var corrected = Array(units[word])
            corrected[position - word.lowerBound] = replacement
            let original = document.simplifiedString(word)
            findings.append(document.finding(
                Self.description, range: range,
                message: "“\(original)”疑为“\(String(utf16Units: corrected))”：“\(document.string(range))”应为“\(replacementText)”？",
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

    /// Buffers of one Han run, kept across runs so that scanning a document allocates once.
    struct Scratch {
        var singles: [Float] = [], forward: [Float] = [], backward: [Float] = [], bound: [Float] = []
        var words: [(length: Int, score: Float)] = []
        var wordOffsets: [Int] = [], wordStart: [Int] = []
        var inWord: [Bool] = [], pairInWord: [Bool] = []

        mutating func reset(_ n: Int) {
            func fill<T>(_ a: inout [T], _ v: T, _ count: Int) { a.removeAll(keepingCapacity: true); a.append(contentsOf: repeatElement(v, count: count)) }
            fill(&singles, 0, n); fill(&forward, -.infinity, n + 1); fill(&backward, -.infinity, n + 1); fill(&bound, -.infinity, n)
            fill(&wordOffsets, 0, n + 1); fill(&wordStart, 0, n + 1); fill(&inWord, false, n); fill(&pairInWord, false, n)
            words.removeAll(keepingCapacity: true)
        }
    }

    /// Reports `(position, replacement, word)` for each implausible character of one Han run.
    func scan(_ text: UnsafeBufferPointer<UInt16>, threshold: Float, scratch s: inout Scratch, report: (Int, UInt16, Range<Int>) -> Void) {
        let n = text.count
        s.reset(n)
        let unknown = Float(log(0.3)) + dictionary.logProbability(1) // a character the dictionary lacks
        // The dictionary's words at each position, looked up once: single characters' scores, and the
        // longer words as (length, score) in `words[wordOffsets[j]..<wordOffsets[j + 1]]`, shortest first.
        for j in 0..<n {
            s.wordOffsets[j] = s.words.count
            s.singles[j] = unknown
            dictionary.forEachWord(in: text, from: j, maxLength: Self.longestWord) { length, stored in
                if length == 1 { s.singles[j] = dictionary.logProbability(stored) } else { s.words.append((length, dictionary.logProbability(stored))) }
            }
        }
        s.wordOffsets[n] = s.words.count
        // forward[i]: best log-probability of text[0..<i]; backward[i]: of text[i..<n].
        s.forward[0] = 0
        s.backward[n] = 0
        for j in 0..<n {
            let here = s.forward[j]
            if here + s.singles[j] > s.forward[j + 1] { s.forward[j + 1] = here + s.singles[j]; s.wordStart[j + 1] = j }
            for k in s.wordOffsets[j]..<s.wordOffsets[j + 1] where here + s.words[k].score > s.forward[j + s.words[k].length] {
                s.forward[j + s.words[k].length] = here + s.words[k].score
                s.wordStart[j + s.words[k].length] = j
            }
        }
        // Characters inside a word of two or more on the best path: a real word, so an edit there
        // must win on the dictionary alone (保户 is no slip for 保护 however often 保护 is written).
        var cut = n
        while cut > 0 {
            let start = s.wordStart[cut]
            if cut - start > 1 { for k in start..<cut { s.inWord[k] = true } }
            cut = start
        }
        for j in stride(from: n - 1, through: 0, by: -1) {
            var best = s.singles[j] + s.backward[j + 1]
            for k in s.wordOffsets[j]..<s.wordOffsets[j + 1] { best = max(best, s.words[k].score + s.backward[j + s.words[k].length]) }
            s.backward[j] = best
        }
        let total = s.forward[n]
        // bound[i]: the most any candidate at i can gain on the dictionary. A candidate's word covers a window
        // [a, b) around i and keeps the window's other characters, so it scores at most the best word of that
        // length with the same first character (or, when i is first, the same last one), and every pair of
        // kept neighbours inside it must occur inside some dictionary word (model.bin's word pairs come from the
        // same word list as the dictionary). Most characters of ordinary text sit in windows that cost little or
        // cannot be words, so this rules out their candidates before any lookup.
        for k in 0..<n - 1 { s.pairInWord[k] = model.inDictionaryWord(text[k], text[k + 1]) }
        for a in 0..<n {
            // Pairs that touch i change with the candidate; the others must already be word pairs. So with no
            // broken pair in the window every i qualifies, with one (k) only k and k + 1, with two adjacent
            // ones only the character between them, and with more none, in this window or any longer one.
            var broken = 0, firstBroken = 0, secondBroken = 0
            for length in 2...Self.longestWord where a + length <= n {
                let b = a + length
                if !s.pairInWord[b - 2] { // the pair the window just took in
                    broken += 1
                    if broken == 1 { firstBroken = b - 2 } else { secondBroken = b - 2 }
                }
                if broken > 2 || (broken == 2 && secondBroken != firstBroken + 1) { break }
                let outside = s.forward[a] + s.backward[b] - total
                let range = broken == 0 ? a...(b - 1) : broken == 1 ? firstBroken...(firstBroken + 1) : secondBroken...secondBroken
                let asFirst = edgeScores.ending(with: text[b - 1], length: length) + outside // i == a
                let asLater = edgeScores.starting(with: text[a], length: length) + outside  // i > a
                for i in range {
                    let gain = i > a ? asLater : asFirst
                    if gain > s.bound[i] { s.bound[i] = gain }
                }
            }
        }
        var window = [UInt16](repeating: 0, count: 2 * Self.longestWord)
        for i in 0..<n {
            let c = text[i]
            if Self.numerals.contains(c) || !model.hasReading(c) { continue }
            let left: UInt16? = i > 0 ? text[i - 1] : nil
            let right: UInt16? = i + 1 < n ? text[i + 1] : nil
            let leftCount = left.map { model.textCount($0, c) } ?? 0, rightCount = right.map { model.textCount(c, $0) } ?? 0
            // The pair evidence can gain at most what the most frequent pair with each neighbour gives.
            var pairCeiling: Float = 0
            if !s.inWord[i] {
                if let left { pairCeiling += max(0, pairGain(leftCount, model.largestCount(after: left))) }
                if let right { pairCeiling += max(0, pairGain(rightCount, model.largestCount(before: right))) }
            }
            let bound = s.bound[i] + Self.pairWeight * pairCeiling - TypoModel.Relation.cheapestCost
            if bound <= threshold { continue }
            let from = max(0, i - Self.longestWord + 1), to = min(n, i + Self.longestWord)
            let ceiling = s.bound[i], inWord = s.inWord[i]
            var bestScore = threshold, bestReplacement: UInt16 = 0, bestRange = 0..<0
            func consider(_ packed: UInt32) {
                let d = UInt16(truncatingIfNeeded: packed)
                if Self.numerals.contains(d) { return }
                var pairs: Float = 0
                if let left { pairs += pairGain(leftCount, model.textCount(left, d)) }
                if let right { pairs += pairGain(rightCount, model.textCount(d, right)) }
                let evidence = Self.pairWeight * (inWord ? min(0, pairs) : pairs) - TypoModel.Relation.costs[Int(packed >> 16)]
                if ceiling + evidence < bestScore { return }
                // A word covering i must pair d with a neighbour inside some dictionary word.
                guard (left.map { model.inDictionaryWord($0, d) } ?? false) || (right.map { model.inDictionaryWord(d, $0) } ?? false) else { return }
                for k in from..<to { window[k - from] = k == i ? d : text[k] }
                var bestWord: (score: Float, range: Range<Int>)?
                window.withUnsafeBufferPointer { w in
                    let view = UnsafeBufferPointer(rebasing: w[0..<(to - from)])
                    for a in from...i {
                        dictionary.forEachWord(in: view, from: a - from, maxLength: Self.longestWord) { length, stored in
                            guard length > 1, a + length > i else { return }
                            let score = s.forward[a] + dictionary.logProbability(stored) + s.backward[a + length]
                            if score > (bestWord?.score ?? -.infinity) { bestWord = (score, a..<a + length) }
                        }
                    }
                }
                guard let bestWord else { return }
                let score = bestWord.score - total + evidence
                // Ties go to the lower character, so the order candidates come in does not matter.
                if score > bestScore || (score == bestScore && !bestRange.isEmpty && d < bestReplacement) {
                    bestScore = score; bestReplacement = d; bestRange = bestWord.range
                }
            }
            // A candidate that no text pair supports gains at most what losing the original's pairs costs it,
            // plus the cheapest relation; where even that cannot pass, only candidates seen beside a
            // neighbour in the model's text need trying, and those are few.
            var unsupported = Float(0)
            if left != nil { unsupported += pairGain(leftCount, 0) }
            if right != nil { unsupported += pairGain(rightCount, 0) }
            let own = model.ownCandidates(of: c)
            if ceiling + Self.pairWeight * (inWord ? min(0, unsupported) : unsupported) - TypoModel.Relation.cheapestCost <= threshold {
                // The syllable's members are merged raw, and packed only on a match.
                func considerShared(with neighbours: UnsafeBufferPointer<UInt32>) {
                    Self.forEachShared(neighbours, own) { consider($0) }
                    let sameSyllable = model.syllableCandidates(of: c, excluding: own)
                    Self.forEachShared(neighbours, sameSyllable.members) { d in
                        if let q = sameSyllable.packed(UInt16(truncatingIfNeeded: d)) { consider(q) }
                    }
                }
                if let left { considerShared(with: model.textSuccessorKeys(of: left)) }
                if let right { considerShared(with: model.textPredecessorKeys(of: right)) }
            } else {
                for packed in own { consider(packed) }
                for packed in model.syllableCandidates(of: c, excluding: own) { consider(packed) }
            }
            if !bestRange.isEmpty { report(i, bestReplacement, bestRange) }
        }
    }

    /// Calls `body` with each item (a character in its low 16 bits) that is also one of `neighbours`
    /// (keys with the character in their low 16 bits); both sorted by that character, each character once.
    @inline(__always) private static func forEachShared<Items: Sequence>(_ neighbours: UnsafeBufferPointer<UInt32>, _ items: Items,
                                                         _ body: (Items.Element) -> Void) where Items.Element: FixedWidthInteger {
        var x = 0
        for item in items {
            let d = UInt16(truncatingIfNeeded: item)
            while x < neighbours.count && UInt16(truncatingIfNeeded: neighbours[x]) < d { x += 1 }
            if x == neighbours.count { return }
            if UInt16(truncatingIfNeeded: neighbours[x]) == d { body(item); x += 1 }
        }
    }

    @inline(__always) private func pairGain(_ original: UInt32, _ candidate: UInt32) -> Float {
        Self.smoothedLog(candidate) - Self.smoothedLog(original)
    }

    /// log(count + 0.1), tabled for the small counts that nearly every pair has.
    private static let smoothedLogs: [Float] = (0..<4096).map { Float(log(Double($0) + 0.1)) }
    @inline(__always) private static func smoothedLog(_ count: UInt32) -> Float {
        count < 4096 ? smoothedLogs.withUnsafeBufferPointer { $0[Int(count)] } : Float(log(Double(count) + 0.1))
    }
}
