import Foundation
import Lexicons
import ZhText

/// Chinese word segmentation: ICU's dictionary-based word break, refined by Jiaodui's word
/// dictionary and an optional user dictionary.
///
/// ICU runs once over the whole text. Each run of Han characters is then re-segmented by a
/// best-path search over a lattice holding ICU's segments and every dictionary word in the run,
/// each scored by its log probability; ICU's segments get a bonus, so the dictionary overrules
/// ICU only where it has real evidence. Digits and Latin letters are grouped into single tokens.
///
/// A `Tokenizer` holds an ICU iterator and is not safe to share between threads: make one per thread.
public final class Tokenizer {
    public let dictionary: WordDictionary?
    public let userDictionary: WordDictionary?
    private let breaker: Breaker
    private let scoring: Scoring

    /// Scores of the lattice search, in natural-log units.
    struct Scoring {
        /// Added to a segment that ICU produced itself.
        var icuBonus = 3.0
        /// Score of a Han segment the dictionary does not know, per character beyond the first.
        var unknownPerChar = -20.0
        /// Score of an unknown single character.
        var unknownChar = -18.0
        /// User-dictionary words beat anything the main dictionary offers over the same span.
        var userWordBonus = 30.0
        /// Dictionary words longer than this are left out of the lattice: long compounds are split.
        var maxWordLength = 8
    }

    /// Makes a tokenizer with Jiaodui's shipped dictionary and, optionally, a user dictionary.
    public convenience init(userDictionary: WordDictionary? = nil) throws {
        try self.init(dictionary: WordDictionary.shipped, userDictionary: userDictionary)
    }

    /// Makes a tokenizer with explicit dictionaries (nil: ICU alone for that source).
    public init(dictionary: WordDictionary?, userDictionary: WordDictionary? = nil) throws {
        self.dictionary = dictionary
        self.userDictionary = userDictionary
        self.breaker = try Breaker(.word, locale: "zh")
        var scoring = Scoring()
        if let v = ProcessInfo.processInfo.environment["JD_ICU_BONUS"], let d = Double(v) { scoring.icuBonus = d }
        if let v = ProcessInfo.processInfo.environment["JD_MAXLEN"], let d = Int(v) { scoring.maxWordLength = d }
        if let v = ProcessInfo.processInfo.environment["JD_UNK"], let d = Double(v) { scoring.unknownChar = d }
        self.scoring = scoring
    }

    /// Tokens covering `units` from start to end, in order, without gaps or overlaps.
    public func tokenize(_ units: [UInt16]) -> [Token] {
        units.withUnsafeBufferPointer { tokenize($0) }
    }

    public func tokenize(_ text: UnsafeBufferPointer<UInt16>) -> [Token] {
        if text.isEmpty { return [] }
        let (ends, statuses) = breaker.boundaries(text)
        var tokens: [Token] = []
        tokens.reserveCapacity(ends.count)
        var index = 0
        var start = 0
        while index < ends.count {
            let end = Int(ends[index])
            let status = statuses[index]
            if WordStatus.isIdeograph(status) || (end > start && CharClass.isHan(text[start])) {
                // Collect the run of ICU's Han segments, then choose the best path through it.
                var runEnds: [Int] = []
                var j = index
                while j < ends.count {
                    let s = j == index ? start : Int(ends[j - 1])
                    guard WordStatus.isIdeograph(statuses[j]) || CharClass.isHan(text[s]) else { break }
                    runEnds.append(Int(ends[j]))
                    j += 1
                }
                segmentHanRun(text, start: start, icuEnds: runEnds, into: &tokens)
                start = runEnds.last!
                index = j
                continue
            }
            appendNonHan(text, start..<end, status: status, into: &tokens)
            start = end
            index += 1
        }
        return tokens
    }

    /// Appends a non-Han ICU segment, joining it to the previous token when both are parts of one
    /// number or Latin word that ICU split (e.g. 3.5 or a full-width １９９８).
    private func appendNonHan(_ text: UnsafeBufferPointer<UInt16>, _ range: Range<Int>, status: Int32, into tokens: inout [Token]) {
        let kind = classify(text, range, status: status)
        if kind == .whitespace || kind == .punctuation {
            // Split mixed runs of punctuation into single marks, so each mark is its own token.
            if kind == .punctuation && range.count > 1 {
                for i in range { tokens.append(Token(range: i..<i + 1, kind: .punctuation, origin: .icu)) }
                return
            }
        }
        tokens.append(Token(range: range, kind: kind, origin: .icu))
    }

    private func classify(_ text: UnsafeBufferPointer<UInt16>, _ range: Range<Int>, status: Int32) -> Token.Kind {
        let first = text[range.lowerBound]
        if CharClass.isWhitespace(first) {
            return range.allSatisfy { CharClass.isWhitespace(text[$0]) } ? .whitespace : .other
        }
        if WordStatus.isNumber(status) || CharClass.isDigit(first) { return .number }
        if WordStatus.isLetter(status) || CharClass.isLatin(first) { return .latin }
        if CharClass.isPunctuation(first) { return .punctuation }
        return .other
    }

    // MARK: - Lattice search over a Han run

    private func segmentHanRun(_ text: UnsafeBufferPointer<UInt16>, start: Int, icuEnds: [Int], into tokens: inout [Token]) {
        let end = icuEnds.last!
        let n = end - start
        // icuEndAt[i]: the end of the ICU segment that starts at start+i, or 0.
        var icuEndAt = [Int](repeating: 0, count: n + 1)
        var s = start
        for e in icuEnds {
            icuEndAt[s - start] = e
            s = e
        }
        let logTotal = log(Double(max(dictionary?.totalFrequency ?? 1, 1)))
        let userLogTotal = log(Double(max(userDictionary?.totalFrequency ?? 1, 1)))
        var best = [Double](repeating: -Double.infinity, count: n + 1)
        var back = [Int](repeating: 0, count: n + 1)
        best[0] = 0
        let scoring = self.scoring
        for i in 0..<n where best[i] > -Double.infinity {
            let base = best[i]
            @inline(__always) func offer(_ length: Int, _ score: Double) {
                let j = i + length
                let total = base + score
                if total > best[j] {
                    best[j] = total
                    back[j] = i
                }
            }
            var singleScored = false
            let icuEnd = icuEndAt[i] - start
            var icuScored = false
            let slice = UnsafeBufferPointer(rebasing: text[start..<end])
            dictionary?.forEachWord(in: slice, from: i, maxLength: scoring.maxWordLength) { length, freq in
                var score = log(Double(freq)) - logTotal
                if i + length == icuEnd {
                    score += scoring.icuBonus
                    icuScored = true
                }
                if length == 1 { singleScored = true }
                offer(length, score)
            }
            userDictionary?.forEachWord(in: slice, from: i, maxLength: n - i) { length, freq in
                offer(length, log(Double(freq)) - userLogTotal + scoring.userWordBonus)
            }
            if icuEnd > i && !icuScored {
                let length = icuEnd - i
                offer(length, scoring.unknownChar + Double(length - 1) * scoring.unknownPerChar + scoring.icuBonus)
            }
            if !singleScored {
                // A high surrogate and its pair stay together.
                let length = (0xD800...0xDBFF).contains(slice[i]) && i + 1 < n ? 2 : 1
                offer(length, scoring.unknownChar)
            }
        }
        // Walk back from the end, then emit in order.
        var cuts: [Int] = []
        var j = n
        while j > 0 {
            cuts.append(j)
            j = back[j]
        }
        var previous = 0
        for cut in cuts.reversed() {
            let range = (start + previous)..<(start + cut)
            let fromICU = icuEndAt[previous] == start + cut
            tokens.append(Token(range: range, kind: .han, origin: fromICU ? .icu : .lexicon))
            previous = cut
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
