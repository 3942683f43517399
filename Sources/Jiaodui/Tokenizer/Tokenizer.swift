import Foundation
import Lexicons
import ZhText

/// Chinese word segmentation: a best-path search over a lattice of dictionary words, guided by
/// ICU's dictionary-based word break.
///
/// Numbers, Latin words and punctuation are scanned first. Each run of Han characters is then
/// segmented by dynamic programming over every dictionary word in it, each scored by its log
/// probability; in `.icuGuided` mode, ICU breaks the whole text once and a word that swallows one of
/// ICU's boundaries pays a penalty (large between two multi-character ICU words, smaller next to a
/// single character, none between two single characters, where ICU itself is unsure), and ICU's
/// own words that the dictionary lacks enter the lattice. Chinese numerals (二○○一, 第十五) are
/// single tokens. The user dictionary's words outrank everything over the same span.
///
/// A `Tokenizer` holds an ICU iterator and is not safe to share between threads: make one per thread.
public final class Tokenizer {
    public enum Mode: String, Sendable, CaseIterable {
        /// ICU's word break guides the lattice: most accurate, bound by ICU's speed (about 5 MB/s).
        case icuGuided = "icu"
        /// The lattice alone: about three times faster, slightly less accurate.
        case fast
    }

    public let dictionary: WordDictionary?
    public let userDictionary: WordDictionary?
    public let mode: Mode
    private let breaker: Breaker?
    /// Work arrays of the lattice search, reused from run to run.
    private var cumulative: [Double] = []
    private var best: [Double] = []
    private var back: [Int32] = []
    private var isName: [Bool] = []

    // Scores of the lattice search, natural-log units.
    /// Swallowing an ICU boundary between two multi-character ICU words.
    static let crossStrong = 7.0
    /// … between a multi-character and a single-character ICU word.
    static let crossMid = 3.5
    /// Score of an ICU word of two or more characters that the dictionary does not know.
    static let icuUnknown = -24.0
    /// Score of a Chinese numeral (二○○一, 第十五, 三十日), exempt from ICU penalties.
    static let numeral = -10.0
    /// User-dictionary words beat anything the main dictionary offers over the same span.
    static let userWordBonus = 30.0
    /// Digits followed by 年 form one token (1998年) only for years of at least this many digits.
    static let yearMinDigits = 4

    /// Makes a tokenizer with Jiaodui's shipped dictionary and, optionally, a user dictionary.
    public convenience init(userDictionary: WordDictionary? = nil, mode: Mode = .icuGuided) throws {
        try self.init(dictionary: WordDictionary.shipped, userDictionary: userDictionary, mode: mode)
    }

    public init(dictionary: WordDictionary?, userDictionary: WordDictionary? = nil, mode: Mode = .icuGuided) throws {
        self.dictionary = dictionary
        self.userDictionary = userDictionary
        self.mode = mode
        self.breaker = mode == .icuGuided ? try Breaker(.word, locale: "zh") : nil
    }

    /// Tokens covering `units` from start to end, in order, without gaps or overlaps.
    public func tokenize(_ units: [UInt16]) -> [Token] {
        units.withUnsafeBufferPointer { tokenize($0) }
    }

    public func tokenize(_ text: UnsafeBufferPointer<UInt16>) -> [Token] {
        let n = text.count
        if n == 0 { return [] }
        var guidance = ICUGuidance()
        if let breaker {
            guidance = ICUGuidance(breaker.boundaries(text).ends, count: n)
        }
        var tokens: [Token] = []
        tokens.reserveCapacity(n / 2)
        var i = 0
        while i < n {
            let u = text[i]
            if isHanUnit(text, i) {
                var j = i + 1
                while j < n && isHanUnit(text, j) { j += 1 }
                segmentHanRun(text, i..<j, guidance, into: &tokens)
                i = j
            } else if let end = scanNumberOrWord(text, from: i) {
                let kind: Token.Kind = CharClass.isDigit(u) || u == 0x2D || u == 0xFF0D ? .number : .latin
                tokens.append(Token(range: i..<end, kind: kind, origin: .rule))
                i = end
            } else if CharClass.isWhitespace(u) {
                var j = i + 1
                while j < n && CharClass.isWhitespace(text[j]) { j += 1 }
                tokens.append(Token(range: i..<j, kind: .whitespace, origin: .rule))
                i = j
            } else {
                var j = i + 1
                if Self.isRunMark(u) {
                    while j < n && text[j] == u { j += 1 }
                } else if (0xD800...0xDBFF).contains(u) && j < n {
                    j += 1
                }
                tokens.append(Token(range: i..<j, kind: CharClass.isPunctuation(u) ? .punctuation : .other, origin: .rule))
                i = j
            }
        }
        joinNamesAroundDots(text, &tokens)
        return tokens
    }

    /// Marks whose runs are one token: —— …… ～～.
    @inline(__always) static func isRunMark(_ u: UInt16) -> Bool {
        switch u {
        case 0x2014, 0x2026, 0x2500, 0xFF0D, 0x2D, 0xFF5E, 0x7E, 0xB7, 0x2E: return true
        default: return false
        }
    }
    /// ○〇零一二三四五六七八九十百千万亿两
    @inline(__always) static func isChineseNumeral(_ u: UInt16) -> Bool {
        switch u {
        case 0x25CB, 0x3007, 0x96F6, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D,
             0x5341, 0x767E, 0x5343, 0x4E07, 0x4EBF, 0x4E24: return true
        default: return false
        }
    }
    /// 年月日
    @inline(__always) static func isNumeralUnit(_ u: UInt16) -> Bool { u == 0x5E74 || u == 0x6708 || u == 0x65E5 }
    /// 年月日时分
    @inline(__always) static func isDigitUnit(_ u: UInt16) -> Bool { isNumeralUnit(u) || u == 0x65F6 || u == 0x5206 }
    static let di: UInt16 = 0x7B2C // 第

    @inline(__always) private func isHanUnit(_ text: UnsafeBufferPointer<UInt16>, _ i: Int) -> Bool {
        let u = text[i]
        if CharClass.isHan(u) || u == 0x25CB { return true } // ○ serves as a numeral zero
        if CharClass.isHighSurrogateOfHan(u) { return i + 1 < text.count }
        if (0xDC00...0xDFFF).contains(u) { return i > 0 && CharClass.isHighSurrogateOfHan(text[i - 1]) }
        return false
    }

    // MARK: - Numbers and Latin words

    @inline(__always) private func isDigitOrLatin(_ u: UInt16) -> Bool { CharClass.isDigit(u) || CharClass.isLatinLetter(u) }

    /// The end of a number (−3.5, 1/2, 25％, 3亿, 1998年, 18日) or a Latin word (ABC, U.S, a@b) at `i`, if one starts there.
    private func scanNumberOrWord(_ text: UnsafeBufferPointer<UInt16>, from i: Int) -> Int? {
        let n = text.count
        let u = text[i]
        var j = i
        let afterLetterOrDigit = i > 0 && isDigitOrLatin(text[i - 1])
        // A number: [-]digits(.digits)*(/digits)?(万亿|万|亿)?(%)?
        let signed = (u == 0x2D || u == 0xFF0D) && i + 1 < n && CharClass.isDigit(text[i + 1])
        if !afterLetterOrDigit && (CharClass.isDigit(u) || signed) {
            if signed { j += 1 }
            while j < n && CharClass.isDigit(text[j]) { j += 1 }
            while j + 1 < n && (text[j] == 0x2E || text[j] == 0xFF0E) && CharClass.isDigit(text[j + 1]) {
                j += 1
                while j < n && CharClass.isDigit(text[j]) { j += 1 }
            }
            var plain = true
            if j + 1 < n && (text[j] == 0x2F || text[j] == 0xFF0F) && CharClass.isDigit(text[j + 1]) {
                j += 1
                while j < n && CharClass.isDigit(text[j]) { j += 1 }
                plain = false
            }
            if j + 1 < n && text[j] == 0x4E07 && text[j + 1] == 0x4EBF { j += 2 } // 万亿
            else if j < n && (text[j] == 0x4E07 || text[j] == 0x4EBF) { j += 1 } // 万 亿
            if j < n && (text[j] == 0xFF05 || text[j] == 0x25) { j += 1; plain = false }
            if plain && j < n && Self.isDigitUnit(text[j]) {
                let digitsOnly = (i..<j).allSatisfy { CharClass.isDigit(text[$0]) }
                if text[j] != 0x5E74 || (digitsOnly && j - i >= Self.yearMinDigits) { j += 1 } // 年
            }
            return j
        }
        guard isDigitOrLatin(u) else { return nil }
        while j < n && isDigitOrLatin(text[j]) { j += 1 }
        while j + 1 < n && (text[j] == 0x2E || text[j] == 0xFF0E || text[j] == 0x40 || text[j] == 0xFF20) && isDigitOrLatin(text[j + 1]) {
            j += 1
            while j < n && isDigitOrLatin(text[j]) { j += 1 }
        }
        return j
    }

    // MARK: - Lattice search over a Han run

    /// ICU's boundaries over the whole text: the penalty for swallowing each, and its words.
    struct ICUGuidance {
        /// Penalty for a word that swallows the boundary at each offset (0 where there is none).
        var weight: [Double]
        /// For each offset where an ICU word starts, that word's end (0 where none starts).
        var wordEnd: [Int32]

        /// No guidance (the fast mode).
        init() {
            weight = []
            wordEnd = []
        }

        init(_ ends: [Int32], count: Int) {
            weight = [Double](repeating: 0, count: count + 1)
            wordEnd = [Int32](repeating: 0, count: count + 1)
            var start = 0
            for (k, e) in ends.enumerated() {
                let end = Int(e)
                wordEnd[start] = e
                if k + 1 < ends.count {
                    let leftLength = end - start, rightLength = Int(ends[k + 1]) - end
                    weight[end] = leftLength == 1 && rightLength == 1 ? 0 : (leftLength == 1 || rightLength == 1 ? Tokenizer.crossMid : Tokenizer.crossStrong)
                }
                start = end
            }
        }

        var isEmpty: Bool { weight.isEmpty }
    }

    private func segmentHanRun(_ all: UnsafeBufferPointer<UInt16>, _ run: Range<Int>, _ guidance: ICUGuidance, into tokens: inout [Token]) {
        let start = run.lowerBound
        let n = run.count
        let text = UnsafeBufferPointer(rebasing: all[run])
        let unknownChar = -log(Double(max(dictionary?.totalFrequency ?? 1, 1)))
        let userLogTotal = log(Double(max(userDictionary?.totalFrequency ?? 1, 1)))
        let guided = !guidance.isEmpty

        if best.count < n + 1 {
            let size = max(n + 1, 256)
            cumulative = [Double](repeating: 0, count: size)
            best = [Double](repeating: 0, count: size)
            back = [Int32](repeating: 0, count: size)
            isName = [Bool](repeating: false, count: size)
        }
        cumulative.withUnsafeMutableBufferPointer { cumulative in
        best.withUnsafeMutableBufferPointer { best in
        back.withUnsafeMutableBufferPointer { back in
        isName.withUnsafeMutableBufferPointer { isName in
        // cumulative[k]: penalties of the ICU boundaries at run offsets 1...k (a word i..<j pays cumulative[j-1] - cumulative[i]).
        cumulative[0] = 0
        for k in 1...n { cumulative[k] = guided ? cumulative[k - 1] + (k < n ? guidance.weight[start + k] : 0) : 0 }
        for k in 0...n { best[k] = -.infinity; back[k] = 0; isName[k] = false }
        best[0] = 0

        for i in 0..<n where best[i] > -.infinity {
            let base = best[i]
            let penaltyBase = cumulative[i]
            @inline(__always) func offer(_ j: Int, _ score: Double, exempt: Bool, name: Bool = false) {
                let total = base + score - (exempt ? 0 : cumulative[j - 1] - penaltyBase)
                if total > best[j] {
                    best[j] = total
                    back[j] = Int32(i)
                    isName[j] = name
                }
            }
            var hasSingle = false
            dictionary?.forEachWord(in: text, from: i, maxLength: n - i) { length, stored in
                if length == 1 { hasSingle = true }
                offer(i + length, Double(dictionary!.logProbability(stored)), exempt: false,
                      name: stored & WordDictionary.nameFlag != 0)
            }
            userDictionary?.forEachWord(in: text, from: i, maxLength: n - i) { length, stored in
                offer(i + length, log(Double(WordDictionary.frequency(stored))) - userLogTotal + Self.userWordBonus, exempt: true)
            }
            if !hasSingle {
                let length = (0xD800...0xDBFF).contains(text[i]) && i + 1 < n ? 2 : 1
                offer(i + length, unknownChar, exempt: false)
            }
            if guided {
                let end = Int(guidance.wordEnd[start + i]) - start
                if end - i >= 2 && end <= n && (dictionary?.frequency(of: text[i..<end]) == nil) {
                    offer(end, Self.icuUnknown, exempt: false)
                }
            }
            // Chinese numerals: runs of two or more, optionally with 第 before and 年/月/日 after.
            let numeralStart = text[i] == Self.di && i + 1 < n && Self.isChineseNumeral(text[i + 1]) ? i + 1 : i
            if Self.isChineseNumeral(text[numeralStart]) {
                var end = numeralStart
                while end < n && Self.isChineseNumeral(text[end]) { end += 1 }
                for k in (numeralStart + 1)...end where k - i >= 2 {
                    offer(k, Self.numeral, exempt: true)
                    if k < n && Self.isNumeralUnit(text[k]) && numeralStart == i { offer(k + 1, Self.numeral, exempt: true) }
                }
            }
        }
        // Walk back from the end, then emit in order.
        var cuts: [Int] = []
        var j = n
        while j > 0 {
            cuts.append(j)
            j = Int(back[j])
        }
        var previous = 0
        for cut in cuts.reversed() {
            let range = (start + previous)..<(start + cut)
            let origin: Token.Origin = guided && Int(guidance.wordEnd[range.lowerBound]) == range.upperBound ? .icu : .lexicon
            if isName[cut] && range.count == 3 {
                // A person's name: surname, then given name.
                tokens.append(Token(range: range.lowerBound..<range.lowerBound + 1, kind: .han, origin: .lexicon))
                tokens.append(Token(range: range.lowerBound + 1..<range.upperBound, kind: .han, origin: .lexicon))
            } else {
                tokens.append(Token(range: range, kind: .han, origin: origin))
            }
            previous = cut
        }
        }}}}
    }

    /// 名·名 (foreign names written with a middle dot) is one token.
    private func joinNamesAroundDots(_ text: UnsafeBufferPointer<UInt16>, _ tokens: inout [Token]) {
        var k = 1
        while k + 1 < tokens.count {
            let dot = tokens[k]
            if dot.range.count == 1, [0x00B7, 0x30FB, 0x2022].contains(text[dot.range.lowerBound]),
               tokens[k - 1].kind == .han, tokens[k + 1].kind == .han {
                tokens[k - 1] = Token(range: tokens[k - 1].range.lowerBound..<tokens[k + 1].range.upperBound, kind: .han, origin: .lexicon)
                tokens.removeSubrange(k...(k + 1))
            } else {
                k += 1
            }
        }
    }
}

extension WordDictionary {
    /// Jiaodui's shipped word dictionary (`Lexicons/dict/words.bin`), mapped on first use.
    public static let shipped: WordDictionary? = {
        guard let url = LexiconFiles.url("dict/words.bin") else { return nil }
        return try? WordDictionary(contentsOfFile: url.path)
    }()

    /// Builds a dictionary from a user word list: one word per line, optionally followed by
    /// whitespace and a frequency; `#` starts a comment line.
    public static func userDictionary(text: String) throws -> WordDictionary {
        let tsv = text.split(whereSeparator: \.isNewline).compactMap { line -> String? in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { return nil }
            let parts = trimmed.split(whereSeparator: { $0 == " " || $0 == "\t" })
            let freq = parts.count > 1 ? String(parts[1]) : "1000"
            return "\(parts[0])\t\(freq)"
        }.joined(separator: "\n")
        return try WordDictionary(bytes: WordDictionary.compile(tsv: tsv))
    }
}
