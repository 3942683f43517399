import Foundation
import Lexicons

/// What `jiaodui summarize` tells about one document.
public struct DocumentSummary: Sendable {
    public struct Sentence: Sendable, Equatable {
        /// The sentence as written, with line breaks inside it removed.
        public let text: String
        public let start: SourceLocation
        public let score: Double
    }

    public struct Keyword: Sendable, Equatable {
        public let word: String
        /// Relative weight: 1 for the strongest keyword of the document.
        public let weight: Double
    }

    public struct Statistics: Sendable, Equatable {
        /// Characters (Unicode scalars) other than line breaks.
        public var characters = 0
        public var hanCharacters = 0
        public var paragraphs = 0
        public var sentences = 0
        public var headings = 0
        /// Mean sentence length in characters.
        public var averageSentenceLength = 0.0
        public var longestSentenceLength = 0
        public var longestSentenceStart: SourceLocation?
        /// Traditional-only characters as a share of Han characters.
        public var traditionalShare = 0.0
        /// Lines of web-page furniture left out of the summary.
        public var furnitureLines = 0
        /// Findings by category and by severity, when the checks ran too.
        public var findingsByCategory: [String: Int]?
        public var findingsBySeverity: [String: Int]?
        /// Jargon findings per 1,000 characters, when the checks ran too.
        public var jargonPerThousandCharacters: Double?
    }

    public var title: String?
    public var summary: [Sentence]
    public var outline: [OutlineNode]
    public var keywords: [Keyword]
    /// Two keywords that stand together in the text more than once (办公室 主任 → 办公室主任).
    public var keyPhrases: [Keyword]
    public var statistics: Statistics

    /// Adds the checks' findings to the statistics.
    public mutating func addFindings(_ findings: [Finding]) {
        var byCategory: [String: Int] = [:], bySeverity: [String: Int] = [:]
        for finding in findings {
            byCategory[finding.category.rawValue, default: 0] += 1
            bySeverity[finding.severity.rawValue, default: 0] += 1
        }
        statistics.findingsByCategory = byCategory
        statistics.findingsBySeverity = bySeverity
        let jargon = findings.filter { $0.category == .jargon }.count
        statistics.jargonPerThousandCharacters = statistics.characters == 0 ? 0 : Double(jargon) * 1000 / Double(statistics.characters)
    }
}

/// How long a summary to make.
public struct SummaryOptions: Sendable {
    /// Number of sentences to pick (when `ratio` is nil).
    public var sentences = 3
    /// Share of the document's sentences to pick, instead of a fixed number.
    public var ratio: Double?
    public var keywords = 10
    public var keyPhrases = 5
    public init() {}
}

/// Makes extractive summaries, outlines, keywords and statistics.
///
/// ```swift
/// let summary = try Summarizer().summarize(text: report)
/// summary.summary.map(\.text)   // the chosen sentences, in document order
/// ```
/// Sentences are ranked by TextRank over shared content words, boosted by the title and headings
/// and by position, and picked without near-duplicates. A `Summarizer` may be shared between threads.
public final class Summarizer: Sendable {
    let userDictionary: WordDictionary?
    let stopWords: Set<[UInt16]>

    /// Sentences shorter than this many Han characters are fragments, never picked.
    static let minimumHan = 8
    /// Above this many candidate sentences, only the most central ones enter the sentence graph.
    static let maximumGraphSize = 1500
    /// Two sentences sharing more than this share of their words say the same thing.
    static let redundancy = 0.5

    public init(userDictionary: WordDictionary? = nil) throws {
        self.userDictionary = userDictionary
        self.stopWords = try Self.loadStopWords()
    }

    static func loadStopWords() throws -> Set<[UInt16]> {
        guard let url = LexiconFiles.url("summary/stop-words.txt") else { throw LexiconError(description: "summary/stop-words.txt is missing") }
        let text = try String(contentsOf: url, encoding: .utf8)
        var words = Set<[UInt16]>()
        for line in text.split(whereSeparator: { $0.isNewline }) where !line.hasPrefix("#") {
            for word in line.split(separator: " ") { words.insert(Array(word.utf16)) }
        }
        return words
    }

    public func summarize(text: String, options: SummaryOptions = SummaryOptions()) -> DocumentSummary {
        summarize(source: SourceText(text), options: options)
    }

    /// Summarizes text whose non-prose parts (if any) are blanked in `prose` (same length as the source).
    public func summarize(source: SourceText, prose: [UInt16]? = nil, options: SummaryOptions = SummaryOptions()) -> DocumentSummary {
        let units = prose ?? source.units
        let script = ScriptTable.shared
        let counts = script.scriptCounts(units)
        let isTraditional = counts.traditional > counts.simplified
        let simplified = counts.traditional > 0 ? script.simplified(units, full: isTraditional) : units
        let structure = DocumentStructure(source: source, units: units)
        let sentences = Self.sentences(source: source, units: units, structure: structure)
        let tokenizer = try? Tokenizer(dictionary: WordDictionary.shipped, userDictionary: userDictionary, mode: .fast)
        var vocabulary = Vocabulary()
        let words = sentences.map { sentence in
            contentWords(sentence.pieces, simplified: simplified, tokenizer: tokenizer, vocabulary: &vocabulary)
        }
        let titleWords = structure.title.map {
            Set(contentWords([$0], simplified: simplified, tokenizer: tokenizer, vocabulary: &vocabulary).map(\.id))
        } ?? []
        let headingWords = structure.headings.map {
            Set(contentWords([$0.range], simplified: simplified, tokenizer: tokenizer, vocabulary: &vocabulary).map(\.id))
        }

        var summary = DocumentSummary(
            title: structure.title.map { String(utf16Units: units[$0]) },
            summary: [], outline: structure.outline(source: source, units: units), keywords: [], keyPhrases: [],
            statistics: Self.statistics(source: source, units: units, traditional: counts.traditional,
                                        sentences: sentences, structure: structure))
        summary.summary = pickSentences(sentences, words: words.map { Set($0.map(\.id)) }, titleWords: titleWords,
                                        headingWords: headingWords, structure: structure, source: source, units: units, options: options)
        (summary.keywords, summary.keyPhrases) = keywords(words, vocabulary: vocabulary, units: units, options: options)
        return summary
    }

    // MARK: Sentences

    struct BodySentence {
        /// The sentence's parts, one per line it spans (page counters cut out).
        var pieces: [Range<Int>]
        var han = 0
        var length = 0
        var endsSentence = false
        var overlapsHeading = false
        var firstInParagraph = false
        /// Index of the heading the sentence stands under, if any.
        var section: Int?
        var start: Int { pieces[0].lowerBound }
    }


    /// The running text's sentences: furniture, the title and headings left out; a sentence a line
    /// break split (a scrape's page chunk) is joined again.
    static func sentences(source: SourceText, units: [UInt16], structure: DocumentStructure) -> [BodySentence] {
        var result: [BodySentence] = []
        var current = BodySentence(pieces: [])
        var headingIndex = 0
        var section: Int?
        var paragraphStart = true
        func close(endsSentence: Bool) {
            if !current.pieces.isEmpty {
                current.endsSentence = endsSentence
                current.section = section
                current.firstInParagraph = paragraphStart
                paragraphStart = false
                result.append(current)
            }
            current = BodySentence(pieces: [])
        }
        func add(_ range: Range<Int>) {
            let trimmed = current.pieces.isEmpty ? CharClass.trimmingWhitespace(range, in: units) : range
            guard !trimmed.isEmpty else { return }
            current.pieces.append(trimmed)
            for u in units[trimmed] where !(0xDC00...0xDFFF).contains(u) {
                current.length += 1
                if CharClass.isHan(u) { current.han += 1 }
            }
        }
        let headings = structure.headings
        // Page counters and chunk numbers are cut out of the text.
        var counters = (structure.furniture.pageCounters + structure.chunkMarkers + (structure.titleRepeat.map { [$0] } ?? [])).sorted { $0.lowerBound < $1.lowerBound }[...]
        for index in 0..<source.lineStarts.count {
            var line = CharClass.trimmingWhitespace(source.lineRange(index), in: units)
            if structure.furnitureLines.contains(index) || line.isEmpty {
                close(endsSentence: false)
                paragraphStart = true
                continue
            }
            if let title = structure.title, line.overlaps(title) {
                close(endsSentence: false)
                paragraphStart = true
                line = title.upperBound..<max(title.upperBound, line.upperBound)
            }
            // Run-in and own-line headings end the paragraph before them; glued ones stay in the text.
            var glued: [Range<Int>] = []
            while headingIndex < headings.count, headings[headingIndex].range.lowerBound < line.upperBound {
                let heading = headings[headingIndex]
                section = headingIndex
                headingIndex += 1
                if heading.bodyStart > heading.range.lowerBound {
                    close(endsSentence: false)
                    paragraphStart = true
                    line = max(line.lowerBound, heading.bodyStart)..<line.upperBound
                } else {
                    glued.append(heading.range)
                }
            }
            var pieceStart = line.lowerBound
            var i = line.lowerBound
            while i < line.upperBound {
                while let counter = counters.first, counter.upperBound <= i { counters = counters.dropFirst() }
                if let counter = counters.first, counter.lowerBound == i {
                    add(pieceStart..<i)
                    i = counter.upperBound
                    pieceStart = i
                    counters = counters.dropFirst()
                    continue
                }
                if Sentences.enders.contains(units[i]) {
                    var j = i + 1
                    while j < line.upperBound, Sentences.enders.contains(units[j]) || Sentences.trailers.contains(units[j]) { j += 1 }
                    add(pieceStart..<j)
                    if glued.contains(where: { current.pieces.first!.lowerBound <= $0.lowerBound && $0.lowerBound < j }) {
                        current.overlapsHeading = true
                    }
                    close(endsSentence: true)
                    i = j
                    pieceStart = j
                    continue
                }
                i += 1
            }
            add(pieceStart..<line.upperBound)
            if let first = current.pieces.first, glued.contains(where: { first.lowerBound <= $0.lowerBound }) {
                current.overlapsHeading = true
            }
        }
        close(endsSentence: false)
        return result
    }

    // MARK: Words

    struct Vocabulary {
        var ids: [[UInt16]: Int] = [:]
        /// The first spelling met of each word, in the document's own script.
        var spelling: [Range<Int>] = []
        var simplifiedForm: [[UInt16]] = []
        mutating func id(of word: [UInt16], at range: Range<Int>) -> Int {
            if let id = ids[word] { return id }
            ids[word] = spelling.count
            spelling.append(range)
            simplifiedForm.append(word)
            return spelling.count - 1
        }
    }

    /// The content words of some text, in order: Han words of two characters or more that are not
    /// stop words, as vocabulary ids with their ranges.
    func contentWords(_ pieces: [Range<Int>], simplified: [UInt16], tokenizer: Tokenizer?,
                      vocabulary: inout Vocabulary) -> [(id: Int, range: Range<Int>)] {
        guard let tokenizer else { return [] }
        var result: [(id: Int, range: Range<Int>)] = []
        for piece in pieces where !piece.isEmpty {
            let tokens = simplified.withUnsafeBufferPointer { tokenizer.tokenize(UnsafeBufferPointer(rebasing: $0[piece])) }
            for token in tokens where token.kind == .han && token.range.count >= 2 {
                let range = (token.range.lowerBound + piece.lowerBound)..<(token.range.upperBound + piece.lowerBound)
                let word = Array(simplified[range])
                guard word.allSatisfy(CharClass.isHan), !stopWords.contains(word) else { continue }
                result.append((vocabulary.id(of: word, at: range), range))
            }
        }
        return result
    }

    // MARK: Ranking

    func pickSentences(_ sentences: [BodySentence], words: [Set<Int>], titleWords: Set<Int>, headingWords: [Set<Int>],
                       structure: DocumentStructure, source: SourceText, units: [UInt16],
                       options: SummaryOptions) -> [DocumentSummary.Sentence] {
        // Candidates: whole sentences of running text, never a fragment or a heading.
        var candidates = sentences.indices.filter {
            let s = sentences[$0]
            return s.endsSentence && !s.overlapsHeading && s.han >= Self.minimumHan && words[$0].count >= 2
        }
        guard !candidates.isEmpty else { return [] }
        let wanted = options.ratio.map { max(1, Int((Double(candidates.count) * $0).rounded())) } ?? options.sentences
        guard wanted > 0 else { return [] }
        if candidates.count > Self.maximumGraphSize {
            // Keep the sentences whose words the document uses most.
            var frequency: [Int: Int] = [:]
            for i in candidates { for w in words[i] { frequency[w, default: 0] += 1 } }
            let centrality = candidates.map { i in Double(words[i].reduce(0) { $0 + frequency[$1]! }) / Double(words[i].count) }
            candidates = zip(candidates, centrality).sorted { ($0.1, -$0.0) > ($1.1, -$1.0) }
                .prefix(Self.maximumGraphSize).map(\.0).sorted()
        }
        let ranks = Self.textRank(candidates.map { words[$0] })
        var scored: [(index: Int, score: Double)] = []
        let firstCandidate = candidates[0]
        for (k, i) in candidates.enumerated() {
            let sentence = sentences[i]
            var boost = 1.0
            if !titleWords.isEmpty { boost += 0.5 * Double(words[i].intersection(titleWords).count) / Double(titleWords.count) }
            if let section = sentence.section, !headingWords[section].isEmpty {
                boost += 0.3 * Double(words[i].intersection(headingWords[section]).count) / Double(headingWords[section].count)
            }
            if i == firstCandidate { boost += 0.3 } else if sentence.firstInParagraph { boost += 0.1 }
            // Long sentences make poor summary lines.
            if sentence.han > 80 { boost *= 80 / Double(sentence.han) }
            scored.append((i, ranks[k] * boost))
        }
        scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.index < $1.index }
        var chosen: [(index: Int, score: Double)] = []
        for candidate in scored where chosen.count < wanted {
            let w = words[candidate.index]
            let redundant = chosen.contains { other in
                let o = words[other.index]
                return Double(w.intersection(o).count) / Double(w.union(o).count) > Self.redundancy
            }
            if !redundant { chosen.append(candidate) }
        }
        return chosen.sorted { $0.index < $1.index }.map { choice in
            let sentence = sentences[choice.index]
            let text = sentence.pieces.map { String(utf16Units: units[$0]).trimmingCharacters(in: .whitespaces) }.joined()
            return DocumentSummary.Sentence(text: text, start: source.location(of: sentence.start),
                                            score: (choice.score * 10_000).rounded() / 10_000)
        }
    }

    /// TextRank over sentences: edge weights are shared words over the log of the sentences'
    /// lengths (Mihalcea & Tarau 2004); the graph is built through an inverted index, so only
    /// pairs that share a word cost anything.
    static func textRank(_ sentences: [Set<Int>], damping: Double = 0.85, iterations: Int = 40) -> [Double] {
        let n = sentences.count
        guard n > 1 else { return Array(repeating: 1, count: n) }
        let lists = sentences.map { $0.sorted() }
        var postings: [Int: [Int]] = [:]
        for (i, list) in lists.enumerated() { for w in list { postings[w, default: []].append(i) } }
        var edges: [(from: Int, to: Int, weight: Double)] = []
        var shared = [Int](repeating: 0, count: n)
        var touched: [Int] = []
        for i in 0..<n {
            for w in lists[i] {
                for j in postings[w]! where j > i {
                    if shared[j] == 0 { touched.append(j) }
                    shared[j] += 1
                }
            }
            touched.sort()
            for j in touched {
                let weight = Double(shared[j]) / (log(Double(lists[i].count) + 1) + log(Double(lists[j].count) + 1))
                edges.append((i, j, weight))
                shared[j] = 0
            }
            touched.removeAll(keepingCapacity: true)
        }
        return pageRank(Graph(nodes: n, edges: edges), damping: damping, iterations: iterations)
    }

    /// An undirected weighted graph in compressed rows: the neighbours of node i are
    /// `targets[offsets[i]..<offsets[i + 1]]`.
    struct Graph {
        var offsets: [Int]
        var targets: [Int]
        var weights: [Double]

        /// Each edge is given once and stored both ways, rows in the order the edges come.
        init(nodes: Int, edges: [(from: Int, to: Int, weight: Double)]) {
            var degree = [Int](repeating: 0, count: nodes + 1)
            for edge in edges { degree[edge.from + 1] += 1; degree[edge.to + 1] += 1 }
            for i in 0..<nodes { degree[i + 1] += degree[i] }
            offsets = degree
            var fill = degree
            targets = [Int](repeating: 0, count: edges.count * 2)
            weights = [Double](repeating: 0, count: edges.count * 2)
            for edge in edges {
                targets[fill[edge.from]] = edge.to; weights[fill[edge.from]] = edge.weight; fill[edge.from] += 1
                targets[fill[edge.to]] = edge.from; weights[fill[edge.to]] = edge.weight; fill[edge.to] += 1
            }
        }
    }

    /// Weighted PageRank on an undirected graph.
    static func pageRank(_ graph: Graph, damping: Double, iterations: Int) -> [Double] {
        let n = graph.offsets.count - 1
        var outWeight = [Double](repeating: 0, count: n)
        for i in 0..<n { for k in graph.offsets[i]..<graph.offsets[i + 1] { outWeight[i] += graph.weights[k] } }
        var score = [Double](repeating: 1, count: n)
        var next = [Double](repeating: 0, count: n)
        for _ in 0..<iterations {
            var change = 0.0
            score.withUnsafeMutableBufferPointer { score in
                next.withUnsafeMutableBufferPointer { next in
                    graph.offsets.withUnsafeBufferPointer { offsets in
                        graph.targets.withUnsafeBufferPointer { targets in
                            graph.weights.withUnsafeBufferPointer { weights in
                                for i in 0..<n { next[i] = 1 - damping }
                                for i in 0..<n where outWeight[i] > 0 {
                                    let share = damping * score[i] / outWeight[i]
                                    for k in offsets[i]..<offsets[i + 1] { next[targets[k]] += share * weights[k] }
                                }
                                for i in 0..<n { change = max(change, abs(next[i] - score[i])) }
                            }
                        }
                    }
                }
            }
            swap(&score, &next)
            if change < 1e-4 { break }
        }
        return score
    }

    // MARK: Keywords

    /// TextRank over words that stand within a few words of each other in a sentence, weighted
    /// down for words that are common in any text (the shipped dictionary's frequencies).
    func keywords(_ sentences: [[(id: Int, range: Range<Int>)]], vocabulary: Vocabulary, units: [UInt16],
                  options: SummaryOptions) -> ([DocumentSummary.Keyword], [DocumentSummary.Keyword]) {
        let n = vocabulary.spelling.count
        guard n > 0 else { return ([], []) }
        let window = 5
        var cooccurrence: [Int64: Double] = [:]
        var occurrences = [Int](repeating: 0, count: n)
        var pairs: [Int64: Int] = [:]
        for sentence in sentences { for word in sentence { occurrences[word.id] += 1 } }
        // A word met once cannot be a keyword: it stays out of the graph.
        for whole in sentences {
            let sentence = whole.filter { occurrences[$0.id] >= 2 }
            for (k, word) in sentence.enumerated() {
                for other in sentence[(k + 1)..<min(sentence.count, k + window)] where other.id != word.id {
                    let (a, b) = (min(word.id, other.id), max(word.id, other.id))
                    cooccurrence[Int64(a) << 32 | Int64(b), default: 0] += 1
                }
                // Adjacent in the text: a candidate key phrase.
                if k + 1 < sentence.count, sentence[k + 1].range.lowerBound == word.range.upperBound {
                    pairs[Int64(word.id) << 32 | Int64(sentence[k + 1].id), default: 0] += 1
                }
            }
        }
        let edges = cooccurrence.sorted { $0.key < $1.key }.map { (from: Int($0.key >> 32), to: Int($0.key & 0xFFFF_FFFF), weight: $0.value) }
        let rank = Self.pageRank(Graph(nodes: n, edges: edges), damping: 0.85, iterations: 40)
        let dictionary = WordDictionary.shipped
        let total = Double(dictionary?.totalFrequency ?? 1)
        func rarity(_ id: Int) -> Double {
            let frequency = dictionary?.frequency(of: vocabulary.simplifiedForm[id]).map { Double(WordDictionary.frequency($0)) } ?? 0
            // Words the dictionary lacks are often segmentation debris: treat them as middling.
            return log(total / max(frequency, frequency == 0 ? 2000 : 1))
        }
        var score = (0..<n).map { occurrences[$0] >= 2 ? rank[$0] * rarity($0) : 0 }
        let best = score.max() ?? 0
        guard best > 0 else { return ([], []) }
        score = score.map { $0 / best }
        func spell(_ id: Int) -> String { String(utf16Units: units[vocabulary.spelling[id]]) }
        let keywords = (0..<n).filter { score[$0] > 0 }
            .sorted { score[$0] != score[$1] ? score[$0] > score[$1] : $0 < $1 }
            .prefix(options.keywords)
            .map { DocumentSummary.Keyword(word: spell($0), weight: (score[$0] * 1000).rounded() / 1000) }
        var phrases: [(text: String, score: Double, first: Int64)] = []
        for (pair, count) in pairs where count >= 2 {
            let a = Int(pair >> 32), b = Int(pair & 0xFFFF_FFFF)
            phrases.append((spell(a) + spell(b), (score[a] + score[b]) * log(1 + Double(count)), pair))
        }
        let phraseBest = phrases.map(\.score).max() ?? 1
        let keyPhrases = phrases.sorted { $0.score != $1.score ? $0.score > $1.score : $0.first < $1.first }
            .prefix(options.keyPhrases)
            .map { DocumentSummary.Keyword(word: $0.text, weight: ($0.score / phraseBest * 1000).rounded() / 1000) }
        return (keywords, Array(keyPhrases))
    }

    // MARK: Statistics

    static func statistics(source: SourceText, units: [UInt16], traditional: Int, sentences: [BodySentence],
                           structure: DocumentStructure) -> DocumentSummary.Statistics {
        var stats = DocumentSummary.Statistics()
        for u in units where !CharClass.isLineBreak(u) && !(0xDC00...0xDFFF).contains(u) {
            stats.characters += 1
            if CharClass.isHan(u) { stats.hanCharacters += 1 }
        }
        stats.paragraphs = sentences.filter(\.firstInParagraph).count
        stats.sentences = sentences.count
        stats.headings = structure.headings.count
        if !sentences.isEmpty {
            stats.averageSentenceLength = (Double(sentences.reduce(0) { $0 + $1.length }) / Double(sentences.count) * 10).rounded() / 10
            let longest = sentences.indices.max { sentences[$0].length != sentences[$1].length ? sentences[$0].length < sentences[$1].length : $0 > $1 }!
            stats.longestSentenceLength = sentences[longest].length
            stats.longestSentenceStart = source.location(of: sentences[longest].start)
        }
        stats.traditionalShare = stats.hanCharacters == 0 ? 0 : (Double(traditional) / Double(stats.hanCharacters) * 1000).rounded() / 1000
        stats.furnitureLines = structure.furnitureLines.count
        return stats
    }
}
