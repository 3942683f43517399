/// One heading of a document's outline, with the headings under it.
public struct OutlineNode: Sendable, Equatable {
    /// The heading as written, numbering marker included; a heading the scrape glued to its body
    /// text is cut after a few words and ends in “…”.
    public let title: String
    /// Where the heading starts.
    public let start: SourceLocation
    public var children: [OutlineNode]

    public init(title: String, start: SourceLocation, children: [OutlineNode] = []) {
        self.title = title
        self.start = start
        self.children = children
    }
}

/// The parts of a document that are not running text: its title, its headings and the web-page
/// furniture around it. Headings are found in three shapes: on a line of their own, run in before
/// body text on their line (1、參謀職能。辦公室…), and glued into a line by a scrape (…。二、要有…).
public struct DocumentStructure: Sendable {
    public struct Heading: Sendable {
        /// The heading's text, from its marker to where it ends (without the closing punctuation).
        public let range: Range<Int>
        /// Where body text resumes on the heading's line.
        public let bodyStart: Int
        /// Nesting rank of the marker kind: smaller ranks contain larger ones.
        let rank: Int
        let number: Int?
        /// Cut short because the scrape left no punctuation where the heading ends.
        let truncated: Bool
        let lineIndex: Int
    }

    public let title: Range<Int>?
    public let headings: [Heading]
    /// Depth of each heading in `headings` (0 = top level).
    public let depths: [Int]
    public let furniture: WebFurniture
    /// Lines that are furniture, by 0-based index.
    public let furnitureLines: Set<Int>
    /// Page-chunk numbers a document site put at the start of its text chunks (1、 2、 …), which
    /// are neither headings nor text.
    public let chunkMarkers: [Range<Int>]
    /// The title repeated at the start of the first line of text.
    public let titleRepeat: Range<Int>?

    /// Ranks of the marker kinds, outermost first.
    enum Rank {
        static let part = 0, chapter = 1, section = 2
        /// 一、 （一） 1. （1） are ranks 3…6 (HeadingMarker levels 1…4).
        static func of(level: Int) -> Int { level + 2 }
    }

    /// The longest heading phrase: anything longer is a numbered paragraph, not a heading.
    static let maxHeadingLength = 50
    /// Where a heading glued into body text is cut when no punctuation ends it.
    static let gluedTitleLength = 24
    static let headingEnders: CodeUnitSet = "。！？；：!?;:"
    static let sentenceEnders: CodeUnitSet = "。！？!?；;：:…”」』"

    public init(source: SourceText, units: [UInt16]) {
        let furniture = WebFurniture.scan(source, units: units)
        var furnitureLines = Set<Int>()
        for block in furniture.blocks {
            for line in source.lineIndex(of: block.lowerBound)...source.lineIndex(of: max(block.lowerBound, block.upperBound - 1)) {
                furnitureLines.insert(line)
            }
        }
        self.furniture = furniture
        self.furnitureLines = furnitureLines
        let body: [(index: Int, range: Range<Int>)] = (0..<source.lineStarts.count).compactMap { index in
            guard !furnitureLines.contains(index) else { return nil }
            let range = CharClass.trimmingWhitespace(source.lineRange(index), in: units)
            return range.isEmpty ? nil : (index, range)
        }
        let chunkMarkers = Self.findChunkMarkers(units: units, body: body)
        self.chunkMarkers = chunkMarkers
        let chunkFree = body.map { line in
            (index: line.index, range: chunkMarkers.first { $0.lowerBound == line.range.lowerBound }.map {
                CharClass.trimmingWhitespace($0.upperBound..<line.range.upperBound, in: units)
            } ?? line.range)
        }.filter { !$0.range.isEmpty }
        let title = Self.findTitle(units: units, body: chunkFree, furniture: furniture)
        self.title = title
        // The title printed again at the start of the first text line (the scrape glued them).
        self.titleRepeat = title.flatMap { title in
            chunkFree.first { $0.range.lowerBound > title.upperBound }.flatMap { line in
                let end = line.range.lowerBound + title.count
                return line.range.count > title.count && units[line.range.lowerBound..<end].elementsEqual(units[title])
                    ? line.range.lowerBound..<end : nil
            }
        }
        let headings = Self.findHeadings(units: units, body: chunkFree, after: title)
        self.headings = headings
        self.depths = Self.depths(of: headings, units: units, body: body)
    }

    /// Numbers 1、 2、 3、 … opening consecutive lines, most of which continue a sentence the line
    /// before left unfinished: the chunk numbering of a document site, not a list.
    static func findChunkMarkers(units: [UInt16], body: [(index: Int, range: Range<Int>)]) -> [Range<Int>] {
        var markers: [(range: Range<Int>, number: Int, continues: Bool)] = []
        for (position, line) in body.enumerated() {
            let start = line.range.lowerBound
            var j = start
            while j < line.range.upperBound, CharClass.isASCIIDigit(units[j]) { j += 1 }
            guard j > start, j - start <= 3, j < line.range.upperBound, units[j] == 0x3001,
                  let number = Int(String(utf16Units: units[start..<j])) else { continue }
            let previous = position > 0 ? body[position - 1].range : nil
            let continues = previous.map { $0.count > 40 && !sentenceEnders.contains(units[$0.upperBound - 1]) } ?? false
            markers.append((start..<(j + 1), number, continues))
        }
        guard markers.count >= 3, markers.enumerated().allSatisfy({ $0.element.number == $0.offset + 1 }),
              markers.filter(\.continues).count * 2 >= markers.count else { return [] }
        return markers.map(\.range)
    }

    /// The outline as a tree.
    public func outline(source: SourceText, units: [UInt16]) -> [OutlineNode] {
        var roots: [OutlineNode] = []
        // Path of indices from the roots to the last node added at each depth.
        func insert(_ node: OutlineNode, depth: Int, into nodes: inout [OutlineNode]) {
            if depth == 0 || nodes.isEmpty { nodes.append(node); return }
            insert(node, depth: depth - 1, into: &nodes[nodes.count - 1].children)
        }
        for (heading, depth) in zip(headings, depths) {
            var text = String(utf16Units: units[heading.range])
            if heading.truncated { text += "…" }
            insert(OutlineNode(title: text, start: source.location(of: heading.range.lowerBound)), depth: depth, into: &roots)
        }
        return roots
    }

    // MARK: Title

    /// The title: a short line before the body, preferring the page title the site printed into
    /// its furniture (标题_第1页, 《标题》由会员分享), else the candidate whose words the body uses most
    /// (a site name above the title shares none). A title the scrape glued to the first body line
    /// is found as the start of that line.
    static func findTitle(units: [UInt16], body: [(index: Int, range: Range<Int>)], furniture: WebFurniture) -> Range<Int>? {
        guard let firstBody = body.firstIndex(where: { line in
            line.range.count > 40 || sentenceEnders.contains(units[line.range.upperBound - 1])
                || HeadingNumbers.marker(in: units, line: line.range) != nil
        }) else {
            return body.first { $0.range.count <= 40 }?.range
        }
        let candidates = body[..<firstBody].map(\.range).filter { $0.count <= 40 && $0.count >= 2 }
        if let hint = furniture.pageTitle(units: units) {
            if let match = candidates.first(where: { contains(hint, Array(units[$0])) || contains(Array(units[$0]), hint) && $0.count >= 4 }) {
                return match
            }
            // Glued: the first body line starts with the page title, or with its end (a year or
            // series prefix dropped).
            for line in body[firstBody..<min(body.count, firstBody + 3)] {
                for drop in 0...max(0, hint.count - 6) {
                    let suffix = hint[drop...]
                    if line.range.count > suffix.count, units[line.range.lowerBound..<(line.range.lowerBound + suffix.count)].elementsEqual(suffix) {
                        return line.range.lowerBound..<(line.range.lowerBound + suffix.count)
                    }
                }
            }
        }
        guard !candidates.isEmpty else { return nil }
        let sample = body[firstBody..<min(body.count, firstBody + 20)].flatMap { units[$0.range] }
        var pairs = Set<UInt32>()
        if sample.count > 1 { for i in 1..<sample.count { pairs.insert(UInt32(sample[i - 1]) << 16 | UInt32(sample[i])) } }
        func overlap(_ range: Range<Int>) -> Double {
            let text = Array(units[range])
            guard text.count > 1 else { return 0 }
            let shared = (1..<text.count).filter { pairs.contains(UInt32(text[$0 - 1]) << 16 | UInt32(text[$0])) }.count
            return Double(shared) / Double(text.count - 1)
        }
        var best = candidates[0], bestScore = overlap(best)
        for candidate in candidates.dropFirst() {
            let score = overlap(candidate)
            if score > bestScore { best = candidate; bestScore = score }
        }
        return best
    }

    static func contains(_ text: [UInt16], _ pattern: [UInt16]) -> Bool { WebFurniture.contains(text, pattern) }

    // MARK: Headings

    private struct Candidate {
        let marker: Range<Int>
        let textStart: Int
        let rank: Int
        let number: Int?
        let lineIndex: Int
        let lineEnd: Int
        /// Glued after this mark inside a line; nil at the start of a line.
        let gluedAfter: UInt16?
    }

    static func findHeadings(units: [UInt16], body: [(index: Int, range: Range<Int>)], after title: Range<Int>?) -> [Heading] {
        var candidates: [Candidate] = []
        var previousEndsSentence = true
        var partTitleLines: [Int] = []
        for (position, line) in body.enumerated() {
            var range = line.range
            if let title, range.overlaps(title) {
                guard title.upperBound < range.upperBound else { previousEndsSentence = true; continue }
                range = title.upperBound..<range.upperBound
            }
            let last = units[range.upperBound - 1]
            var isHeadingLike = range.count <= 25
            defer { previousEndsSentence = isHeadingLike || sentenceEnders.contains(last) }
            // A numbered line that continues an unfinished sentence is a page-chunk number, not a heading.
            if previousEndsSentence || position == 0, let found = marker(units, range, line.index) {
                candidates.append(found)
                isHeadingLike = true
            } else if previousEndsSentence, HeadingNumbers.isPartTitle(units[range]), range.lowerBound != title?.lowerBound {
                partTitleLines.append(line.index)
            }
            // Markers a scrape glued into the line after a sentence end.
            var i = range.lowerBound + 1
            while i < range.upperBound - 2 {
                let before = units[i - 1]
                if before == 0x3002 || before == 0xFF01 || before == 0xFF1F || before == 0x3A || before == 0xFF1A,
                   let found = marker(units, i..<range.upperBound, line.index, gluedAfter: before) {
                    candidates.append(found)
                    i = found.textStart
                }
                i += 1
            }
        }
        // A glued marker counts when it continues its kind's sequence, or starts one that a glued
        // successor continues; one after a colon only when it starts such a sequence.
        var accepted: [Candidate] = []
        var lastNumber: [Int: Int] = [:]
        for (k, candidate) in candidates.enumerated() {
            if let mark = candidate.gluedAfter {
                let next = candidates[(k + 1)...].first { $0.rank == candidate.rank }
                let startsSequence = (candidate.number ?? 1) == 1 && next?.number == 2 && next?.gluedAfter.map { $0 != 0x3A && $0 != 0xFF1A } != false
                let continues = candidate.number != nil && candidate.number == (lastNumber[candidate.rank] ?? 0) + 1 && mark != 0x3A && mark != 0xFF1A
                guard startsSequence || continues else { continue }
            }
            accepted.append(candidate)
            lastNumber[candidate.rank] = candidate.number ?? (lastNumber[candidate.rank] ?? 0) + 1
        }
        var headings: [Heading] = accepted.compactMap { heading(units, $0) }
        // Unnumbered part titles: a short line after which a numbering kind already used starts again at 一.
        for line in partTitleLines {
            guard let next = headings.first(where: { $0.lineIndex > line }), next.number == 1,
                  headings.contains(where: { $0.lineIndex < line && $0.rank == next.rank && ($0.number ?? 0) >= 2 }),
                  let range = body.first(where: { $0.index == line })?.range else { continue }
            headings.append(Heading(range: range, bodyStart: range.upperBound, rank: Rank.part, number: nil, truncated: false, lineIndex: line))
        }
        return headings.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// A heading marker at the start of `range`: 一、 （一） 1. （1）, an empty （）, or 第一章/节/部分/编.
    private static func marker(_ units: [UInt16], _ range: Range<Int>, _ lineIndex: Int, gluedAfter: UInt16? = nil) -> Candidate? {
        if let m = HeadingNumbers.marker(in: units, line: range) {
            return Candidate(marker: m.range, textStart: m.textStart, rank: Rank.of(level: m.level), number: m.number,
                             lineIndex: lineIndex, lineEnd: range.upperBound, gluedAfter: gluedAfter)
        }
        let start = range.lowerBound
        func at(_ k: Int) -> UInt16 { k < range.upperBound ? units[k] : 0x0A }
        // （）正确处理…: a number lost in the scrape.
        if (at(start) == 0x28 || at(start) == 0xFF08), at(start + 1) == 0x29 || at(start + 1) == 0xFF09, CharClass.isHan(at(start + 2)) {
            return Candidate(marker: start..<start + 2, textStart: start + 2, rank: Rank.of(level: 2), number: nil,
                             lineIndex: lineIndex, lineEnd: range.upperBound, gluedAfter: gluedAfter)
        }
        guard gluedAfter == nil, at(start) == 0x7B2C else { return nil } // 第
        var j = start + 1
        while j < range.upperBound, HeadingNumbers.value(of: units[j]) != nil, j - start <= 3 { j += 1 }
        guard j > start + 1 else { return nil }
        let numeral = units[(start + 1)..<j]
        let number = HeadingNumbers.parseChinese(numeral) ?? Int(String(utf16Units: numeral))
        let rank: Int
        var end = j + 1
        switch at(j) {
        case 0x7AE0: rank = Rank.chapter // 章
        case 0x8282: rank = Rank.section // 节
        case 0x7F16: rank = Rank.part // 编
        case 0x90E8 where at(j + 1) == 0x5206: rank = Rank.part; end = j + 2 // 部分
        default: return nil
        }
        guard let number else { return nil }
        var textStart = end
        while textStart < range.upperBound, CharClass.isWhitespace(units[textStart]) || units[textStart] == 0x3001 { textStart += 1 }
        return Candidate(marker: start..<end, textStart: textStart, rank: rank, number: number,
                         lineIndex: lineIndex, lineEnd: range.upperBound, gluedAfter: nil)
    }

    /// The heading a marker opens, or nil when the text after it is too long to be one.
    private static func heading(_ units: [UInt16], _ candidate: Candidate) -> Heading? {
        var cut = candidate.textStart
        while cut < candidate.lineEnd, !headingEnders.contains(units[cut]) { cut += 1 }
        if candidate.gluedAfter != nil {
            // Nothing but the next sentence end marks where a glued heading stops; keep a few words.
            let limit = candidate.marker.lowerBound + gluedTitleLength
            let truncated = cut > limit
            let end = truncated ? limit : cut
            return Heading(range: candidate.marker.lowerBound..<end, bodyStart: candidate.marker.lowerBound, rank: candidate.rank,
                           number: candidate.number, truncated: truncated, lineIndex: candidate.lineIndex)
        }
        guard cut - candidate.marker.lowerBound <= maxHeadingLength, cut - candidate.textStart >= 2 || candidate.rank <= Rank.section else { return nil }
        var bodyStart = cut
        while bodyStart < candidate.lineEnd, headingEnders.contains(units[bodyStart]) { bodyStart += 1 }
        return Heading(range: candidate.marker.lowerBound..<cut, bodyStart: bodyStart, rank: candidate.rank,
                       number: candidate.number, truncated: false, lineIndex: candidate.lineIndex)
    }

    // MARK: Depth

    /// Nests each heading under the nearest earlier one of a smaller rank. A kind numbered again
    /// from 一 inside the same part is the author using it one level down (GB/T 9704 misuse):
    /// that run nests under the heading it restarted after.
    static func depths(of headings: [Heading], units: [UInt16], body: [(index: Int, range: Range<Int>)]) -> [Int] {
        // Effective ranks are doubled so that a misused run sits between its kind and the next.
        var stack: [(rank: Int, number: Int?)] = []
        var misusedRun: (rank: Int, next: Int)?
        var depths: [Int] = []
        for heading in headings {
            var rank = heading.rank * 2
            if let run = misusedRun, run.rank == heading.rank {
                if heading.number == run.next || heading.number == nil {
                    rank += 1
                    misusedRun = (run.rank, (heading.number ?? run.next) + 1)
                } else {
                    misusedRun = nil
                }
            } else if heading.rank < misusedRun?.rank ?? 0 {
                misusedRun = nil
            }
            if rank == heading.rank * 2, heading.number == 1, let same = stack.last(where: { $0.rank == rank }), (same.number ?? 0) >= 2 {
                // Restarted at 一 while its earlier sequence is still open: one level down.
                rank += 1
                misusedRun = (heading.rank, 2)
            }
            while let top = stack.last, top.rank >= rank { stack.removeLast() }
            depths.append(stack.count)
            stack.append((rank, heading.number))
        }
        return depths
    }
}
