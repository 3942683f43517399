import Foundation
import Lexicons
import ZhText

/// What the `typo` rule knows: confusion sets (readings, look-alikes, observed substitutions) and a
/// plausibility model (the word dictionary's frequencies plus character-pair statistics).
///
/// Shipped files, all under `Lexicons/typo/` (provenance in `Lexicons/NOTICE.md`):
/// - `readings.tsv`: character → pinyin with tone, generated from ICU's Han-Latin transliterator;
/// - `shapes.tsv`: groups of look-alike characters;
/// - `observed.tsv`: wrong → right substitutions seen in official-document training text;
/// - `model.bin`: compiled by `jiaodui build-typo-model` from `bigrams.tsv` and `dict/words.tsv`.
public final class TypoModel: @unchecked Sendable {
    // @unchecked: immutable after init; the mapped model is only read.

    /// How a candidate relates to the character it would replace; the cost is in natural-log units.
    public enum Relation: Int, Sendable {
        case observed, sameSound, shape, otherTone
        public var cost: Float {
            switch self {
            case .observed: return -2
            case .sameSound: return 0
            case .shape: return 0.5
            case .otherTone: return 1
            }
        }
        public static let cheapestCost: Float = Relation.observed.cost
        /// `cost` by raw value, for the rule's inner loop.
        static let costs: [Float] = (0...3).map { Relation(rawValue: $0)!.cost }
    }

    private let shapes: [UInt16: [UInt16]]
    private let observed: [UInt16: [UInt16]]
    public let readingCount: Int
    public let shapeGroupCount: Int
    public let observedCount: Int
    private let pairs: PairTable
    /// A character's candidates come in two parts, each sorted by character so that the rule can merge them
    /// with the pair lists. First its own few: observed substitutions and look-alikes, packed `d | relation << 16`
    /// in `ownCandidates[ownOffsets[c]..<ownOffsets[c + 1]]`. Then every character of its syllable,
    /// `syllableMembers[memberOffsets[s]..<memberOffsets[s + 1]]` for `s = syllable[c]`, less itself and its own
    /// candidates: the same-sound sets are large and shared, so they are stored once per syllable, not per character.
    private let ownOffsets: [Int32]
    private let ownCandidates: UnsafeMutableBufferPointer<UInt32>
    private let syllable: [Int32] // -1: no reading
    private let tones: [UInt8]
    private let memberOffsets: [Int32]
    private let syllableMembers: UnsafeMutableBufferPointer<UInt16>
    /// The characters with a reading.
    private let readable: CodeUnitSet

    static let minimumObservations = 1 // every substitution seen in the tuning text

    public static let shared: Result<TypoModel, any Error> = Result {
        func text(_ name: String) throws -> String {
            guard let url = LexiconFiles.url("typo/" + name) else { throw LexiconError(description: "typo/\(name) is missing") }
            return try String(contentsOf: url, encoding: .utf8)
        }
        guard let model = LexiconFiles.url("typo/model.bin") else { throw LexiconError(description: "typo/model.bin is missing") }
        return try TypoModel(readings: text("readings.tsv"), shapes: text("shapes.tsv"), observed: text("observed.tsv"),
                             model: try PairTable(contentsOfFile: model.path))
    }

    init(readings: String, shapes shapeText: String, observed observedText: String, model: PairTable) throws {
        var syllable = [Int32](repeating: -1, count: 65536)
        var tones = [UInt8](repeating: 0, count: 65536)
        var ids: [String: Int32] = [:]
        var readingCount = 0
        Self.forEachRow(readings) { fields in
            guard fields.count >= 2, let c = Self.singleUnit(fields[0]) else { return }
            let (base, tone) = Self.splitTone(fields[1])
            guard !base.isEmpty else { return }
            let id = ids[base] ?? { let id = Int32(ids.count); ids[base] = id; return id }()
            if syllable[Int(c)] < 0 { readingCount += 1 }
            syllable[Int(c)] = id
            tones[Int(c)] = tone
        }
        guard readingCount > 0 else { throw LexiconError(description: "typo/readings.tsv has no readings") }
        // Members of each syllable, sorted by character (a counting sort over the characters in order).
        var memberOffsets = [Int32](repeating: 0, count: ids.count + 1)
        for c in 0..<65536 where syllable[c] >= 0 { memberOffsets[Int(syllable[c]) + 1] += 1 }
        for s in 0..<ids.count { memberOffsets[s + 1] += memberOffsets[s] }
        var fill = memberOffsets
        var members = [UInt16](repeating: 0, count: readingCount)
        for c in 0..<65536 where syllable[c] >= 0 {
            members[Int(fill[Int(syllable[c])])] = UInt16(c)
            fill[Int(syllable[c])] += 1
        }
        var shapes: [UInt16: [UInt16]] = [:]
        var groups = 0
        Self.forEachRow(shapeText) { fields in
            let group = fields.compactMap(Self.singleUnit)
            guard group.count >= 2 else { return }
            groups += 1
            for a in group { for b in group where a != b && !(shapes[a]?.contains(b) ?? false) { shapes[a, default: []].append(b) } }
        }
        var observed: [UInt16: [UInt16]] = [:]
        var observedCount = 0
        // A substitution seen once may be an annotator's or a scraper's accident; only repeated ones
        // earn the observed relation (the others still count when they sound or look alike).
        Self.forEachRow(observedText) { fields in
            guard fields.count >= 3 && (Int(fields[2]) ?? 0) >= Self.minimumObservations,
                  let a = Self.singleUnit(fields[0]), let b = Self.singleUnit(fields[1]) else { return }
            observed[a, default: []].append(b)
            observedCount += 1
        }
        self.shapes = shapes
        self.observed = observed
        self.readingCount = readingCount
        self.shapeGroupCount = groups
        self.observedCount = observedCount
        self.pairs = model
        var offsets = [Int32](repeating: 0, count: 65537)
        var own: [UInt32] = []
        var next = 0 // characters without candidates of their own get empty ranges
        for c in Set(observed.keys).union(shapes.keys).sorted() {
            while next <= Int(c) { offsets[next] = Int32(own.count); next += 1 }
            let segmentStart = own.count
            var seen: [UInt16] = [c]
            for d in observed[c] ?? [] where !seen.contains(d) { seen.append(d); own.append(UInt32(d) | UInt32(Relation.observed.rawValue) << 16) }
            for d in shapes[c] ?? [] where !seen.contains(d) { seen.append(d); own.append(UInt32(d) | UInt32(Relation.shape.rawValue) << 16) }
            own[segmentStart...].sort { $0 & 0xFFFF < $1 & 0xFFFF }
        }
        while next <= 65536 { offsets[next] = Int32(own.count); next += 1 }
        ownOffsets = offsets
        ownCandidates = .allocate(capacity: max(own.count, 1))
        _ = ownCandidates.initialize(from: own)
        self.syllable = syllable
        self.tones = tones
        self.memberOffsets = memberOffsets
        syllableMembers = .allocate(capacity: max(members.count, 1))
        _ = syllableMembers.initialize(from: members)
        readable = CodeUnitSet((0..<65536).lazy.filter { syllable[$0] >= 0 }.map { UInt16($0) })
    }

    deinit {
        ownCandidates.deallocate()
        syllableMembers.deallocate()
    }

    /// The pinyin syllable without tone and the tone (1–4, 5 for neutral) of a written reading.
    static func splitTone(_ reading: some StringProtocol) -> (String, UInt8) {
        // Nearly every reading is ASCII plus one precomposed toned vowel: no need for Unicode normalisation.
        var fastBase = "", fastTone: UInt8 = 5, fast = true
        for scalar in reading.unicodeScalars {
            if scalar.isASCII { fastBase.unicodeScalars.append(scalar) } else if let (vowel, tone) = tonedVowels[scalar] {
                fastBase.unicodeScalars.append(vowel)
                fastTone = tone
            } else { fast = false; break }
        }
        if fast { return (fastBase, fastTone) }
        var base = "", tone: UInt8 = 5
        for scalar in reading.decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.value {
            case 0x304: tone = 1
            case 0x301: tone = 2
            case 0x30C: tone = 3
            case 0x300: tone = 4
            case 0x300...0x36F: break // other marks: ü's diaeresis
            default: base.unicodeScalars.append(scalar)
            }
        }
        return (base, tone)
    }

    /// Precomposed pinyin vowels with a tone mark: the vowel without any mark (ü reads as u, as on the
    /// normalising path) and the tone.
    private static let tonedVowels: [Unicode.Scalar: (Unicode.Scalar, UInt8)] = {
        var table: [Unicode.Scalar: (Unicode.Scalar, UInt8)] = [:]
        for (vowel, marked) in [("a", "āáǎà"), ("e", "ēéěè"), ("i", "īíǐì"), ("o", "ōóǒò"), ("u", "ūúǔù"), ("u", "ǖǘǚǜ")] {
            for (k, scalar) in marked.unicodeScalars.enumerated() { table[scalar] = (vowel.unicodeScalars.first!, UInt8(k + 1)) }
        }
        table["ü"] = ("u", 5)
        return table
    }()

    /// The tab-separated fields of each line that is not a comment. Works on the UTF-8 bytes: the fields
    /// are a character or a syllable, small strings that need no allocation.
    private static func forEachRow(_ text: String, _ body: ([String]) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            var fields: [String] = []
            var lineStart = 0
            while lineStart < bytes.count {
                var lineEnd = lineStart
                while lineEnd < bytes.count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
                if lineEnd > lineStart && bytes[lineStart] != 0x23 { // not empty, not a "#" comment
                    fields.removeAll(keepingCapacity: true)
                    var fieldStart = lineStart
                    for k in lineStart...lineEnd where k == lineEnd || bytes[k] == 0x09 {
                        var end = k
                        if k == lineEnd && end > fieldStart && bytes[end - 1] == 0x0D { end -= 1 }
                        if end > fieldStart { fields.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[fieldStart..<end]), as: UTF8.self)) }
                        fieldStart = k + 1
                    }
                    body(fields)
                }
                lineStart = lineEnd + 1
            }
        }
    }

    private static func singleUnit(_ s: String) -> UInt16? {
        var units = s.utf16.makeIterator()
        guard let first = units.next(), units.next() == nil else { return nil }
        return first
    }

    @inline(__always) public func hasReading(_ c: UInt16) -> Bool { readable.contains(c) }
    public func lookAlikes(of c: UInt16) -> [UInt16] { shapes[c] ?? [] }
    public func observedCorrections(of c: UInt16) -> [UInt16] { observed[c] ?? [] }

    /// Every candidate for `c` with its relation, each character once: an observed substitution or a
    /// look-alike keeps that relation even when it also sounds the same.
    @inline(__always) public func candidates(for c: UInt16, _ body: (UInt16, Relation) -> Void) {
        let own = ownCandidates(of: c)
        for packed in own { body(UInt16(truncatingIfNeeded: packed), Relation(rawValue: Int(packed >> 16))!) }
        for packed in syllableCandidates(of: c, excluding: own) { body(UInt16(truncatingIfNeeded: packed), Relation(rawValue: Int(packed >> 16))!) }
    }

    /// The observed substitutions and look-alikes of `c`, packed `d | relation << 16`, sorted by character.
    @inline(__always) func ownCandidates(of c: UInt16) -> UnsafeBufferPointer<UInt32> {
        UnsafeBufferPointer(rebasing: ownCandidates[Int(ownOffsets[Int(c)])..<Int(ownOffsets[Int(c) + 1])])
    }

    /// The characters that share `c`'s syllable, less `c` and its `own` candidates, packed with their relation
    /// (same tone or not), in character order.
    @inline(__always) func syllableCandidates(of c: UInt16, excluding own: UnsafeBufferPointer<UInt32>) -> SyllableCandidates {
        let s = Int(syllable[Int(c)])
        let members = s < 0 ? UnsafeBufferPointer(start: nil, count: 0)
            : UnsafeBufferPointer(rebasing: syllableMembers[Int(memberOffsets[s])..<Int(memberOffsets[s + 1])])
        return SyllableCandidates(members: members, own: own, character: c, tone: tones[Int(c)], tones: tones)
    }

    /// See `syllableCandidates(of:excluding:)`.
    struct SyllableCandidates: Sequence, IteratorProtocol {
        let members: UnsafeBufferPointer<UInt16>
        let own: UnsafeBufferPointer<UInt32>
        let character: UInt16
        let tone: UInt8
        let tones: [UInt8]
        var index = 0

        @inline(__always) mutating func next() -> UInt32? {
            while index < members.count {
                let d = members[index]
                index += 1
                if let packed = packed(d) { return packed }
            }
            return nil
        }

        /// `d`, a member, packed with its relation; nil for the character itself and its own candidates.
        @inline(__always) func packed(_ d: UInt16) -> UInt32? {
            if d == character || own.contains(where: { UInt16(truncatingIfNeeded: $0) == d }) { return nil }
            let relation: Relation = tones[Int(d)] == tone ? .sameSound : .otherTone
            return UInt32(d) | UInt32(relation.rawValue) << 16
        }
    }

    /// The characters seen after `a` / before `b` in the model's text, as keys sorted by that character
    /// (the low 16 bits), like each character's candidates.
    @inline(__always) func textSuccessorKeys(of a: UInt16) -> UnsafeBufferPointer<UInt32> { pairs.successorKeys(of: a) }
    @inline(__always) func textPredecessorKeys(of b: UInt16) -> UnsafeBufferPointer<UInt32> { pairs.predecessorKeys(of: b) }

    /// How often `a` then `b` follow each other in the model's text.
    @inline(__always) public func textCount(_ a: UInt16, _ b: UInt16) -> UInt32 { pairs.textCount(a, b) }
    /// The largest count of any pair that starts with `a` / ends with `b`: what a candidate's pair evidence is bounded by.
    @inline(__always) public func largestCount(after a: UInt16) -> UInt32 { pairs.largestCountAfter[Int(a)] }
    @inline(__always) public func largestCount(before b: UInt16) -> UInt32 { pairs.largestCountBefore[Int(b)] }
    /// Whether `a` then `b` occur together inside some dictionary word.
    @inline(__always) public func inDictionaryWord(_ a: UInt16, _ b: UInt16) -> Bool { pairs.inDictionaryWord(a, b) }

    /// `char<TAB>reading` lines for every BMP Han character of `text`, read by ICU's Han-Latin transliterator.
    public static func generateReadingsTSV(characters text: String) throws -> String {
        let latin = try Transliterator("Han-Latin")
        var characters = Set<UInt16>()
        for u in text.utf16 where CharClass.isHan(u) { characters.insert(u) }
        var lines = ["# Generated by `jiaodui generate-readings` from ICU \(icuVersion) (Han-Latin); see Lexicons/NOTICE.md."]
        for c in characters.sorted() {
            let character = String(utf16Units: [c])
            let reading = latin.apply(character)
            if reading != character, !reading.contains(" "), !reading.isEmpty { lines.append("\(character)\t\(reading)") }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Character-pair statistics, stored as sorted arrays in a memory-mapped file.
///
/// Layout (little-endian): magic "JDT1", text pair count T, dictionary pair count D, then T UInt32 keys,
/// T UInt32 counts, D UInt32 keys. A key is the two UTF-16 units `a << 16 | b`.
final class PairTable: @unchecked Sendable {
    static let magic: [UInt8] = Array("JDT1".utf8)
    private let textKeys: UnsafeBufferPointer<UInt32>
    private let textCounts: UnsafeBufferPointer<UInt32>
    /// Start of each first unit's keys in `textKeys` (65537 entries), derived at load.
    private let textStarts: [Int32]
    let largestCountAfter: [UInt32], largestCountBefore: [UInt32]
    /// The text pairs' keys turned around (`b << 16 | a`), sorted, with their own start index.
    private let reversedTextKeys: UnsafeMutableBufferPointer<UInt32>
    private let reversedTextStarts: [Int32]
    /// The same pairs in hash tables: the rule asks about several pairs per character, most of them absent.
    private let textTable: PairHashTable, dictionaryTable: PairHashTable
    private let release: () -> Void

    convenience init(contentsOfFile path: String) throws {
        guard let mapped = mapReadOnly(path) else { throw LexiconError(description: "cannot read \(path)") }
        try self.init(raw: mapped.bytes, name: path, release: mapped.unmap)
    }

    convenience init(bytes: [UInt8]) throws {
        let memory = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 8)
        memory.copyBytes(from: bytes)
        try self.init(raw: UnsafeRawBufferPointer(memory), name: "(memory)") { memory.deallocate() }
    }

    private init(raw: UnsafeRawBufferPointer, name: String, release: @escaping () -> Void) throws {
        guard raw.count >= 12, Array(raw[0..<4]) == Self.magic else { release(); throw LexiconError(description: "\(name) is not a typo model") }
        let t = Int(raw.loadUnaligned(fromByteOffset: 4, as: UInt32.self))
        let d = Int(raw.loadUnaligned(fromByteOffset: 8, as: UInt32.self))
        guard raw.count == 12 + 8 * t + 4 * d else { release(); throw LexiconError(description: "\(name) is malformed") }
        let base = raw.baseAddress! + 12
        textKeys = UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt32.self), count: t)
        textCounts = UnsafeBufferPointer(start: (base + 4 * t).assumingMemoryBound(to: UInt32.self), count: t)
        let dictionaryKeys = UnsafeBufferPointer(start: (base + 8 * t).assumingMemoryBound(to: UInt32.self), count: d)
        self.release = release
        textStarts = Self.starts(of: textKeys)
        var after = [UInt32](repeating: 0, count: 65536), before = [UInt32](repeating: 0, count: 65536)
        for (key, count) in zip(textKeys, textCounts) {
            after[Int(key >> 16)] = max(after[Int(key >> 16)], count)
            before[Int(key & 0xFFFF)] = max(before[Int(key & 0xFFFF)], count)
        }
        largestCountAfter = after
        largestCountBefore = before
        let reversed = textKeys.map { $0 << 16 | $0 >> 16 }.sorted()
        reversedTextKeys = .allocate(capacity: max(reversed.count, 1))
        _ = reversedTextKeys.initialize(from: reversed)
        reversedTextStarts = Self.starts(of: UnsafeBufferPointer(reversedTextKeys))
        textTable = PairHashTable(keys: textKeys, values: textCounts)
        dictionaryTable = PairHashTable(keys: dictionaryKeys, values: nil)
    }

    private static func starts(of keys: UnsafeBufferPointer<UInt32>) -> [Int32] {
        var starts = [Int32](repeating: Int32(keys.count), count: 65537)
        for k in stride(from: keys.count - 1, through: 0, by: -1) { starts[Int(keys[k] >> 16)] = Int32(k) }
        for u in stride(from: 65535, through: 0, by: -1) where starts[u] > starts[u + 1] { starts[u] = starts[u + 1] }
        return starts
    }

    deinit {
        reversedTextKeys.deallocate()
        release()
    }

    @inline(__always) func textCount(_ a: UInt16, _ b: UInt16) -> UInt32 {
        textTable.value(of: UInt32(a) << 16 | UInt32(b)) ?? 0
    }

    /// The keys of the text pairs that start with `a`, sorted, so by their second unit (the low 16 bits).
    @inline(__always) func successorKeys(of a: UInt16) -> UnsafeBufferPointer<UInt32> {
        UnsafeBufferPointer(rebasing: textKeys[Int(textStarts[Int(a)])..<Int(textStarts[Int(a) + 1])])
    }

    /// The turned-around keys of the text pairs that end with `b`, sorted by their first unit (the low 16 bits).
    @inline(__always) func predecessorKeys(of b: UInt16) -> UnsafeBufferPointer<UInt32> {
        UnsafeBufferPointer(rebasing: reversedTextKeys[Int(reversedTextStarts[Int(b)])..<Int(reversedTextStarts[Int(b) + 1])])
    }

    @inline(__always) func inDictionaryWord(_ a: UInt16, _ b: UInt16) -> Bool {
        dictionaryTable.value(of: UInt32(a) << 16 | UInt32(b)) != nil
    }

    /// Compiles `pair<TAB>count` lines and a `word<TAB>frequency` dictionary into the binary format.
    /// The output depends only on the two inputs' content, so rebuilding is byte-for-byte stable.
    static func compile(bigrams: String, words: String) -> [UInt8] {
        var text: [UInt32: UInt32] = [:]
        for line in bigrams.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t")
            let units = fields.first.map { Array($0.utf16) } ?? []
            guard fields.count >= 2, units.count == 2, let n = UInt32(fields[1]) else { continue }
            text[UInt32(units[0]) << 16 | UInt32(units[1]), default: 0] += n
        }
        var dictionary = Set<UInt32>()
        for line in words.split(separator: "\n") {
            let units = Array((line.split(separator: "\t").first ?? "").utf16)
            for k in units.indices.dropFirst() where CharClass.isHan(units[k - 1]) && CharClass.isHan(units[k]) {
                dictionary.insert(UInt32(units[k - 1]) << 16 | UInt32(units[k]))
            }
        }
        var out = magic
        func put(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        let textKeys = text.keys.sorted()
        put(UInt32(textKeys.count))
        put(UInt32(dictionary.count))
        textKeys.forEach(put)
        textKeys.forEach { put(text[$0]!) }
        dictionary.sorted().forEach(put)
        return out
    }
}

/// An open-addressing hash table from pair keys (never 0: both units are Han) to counts, half full at most.
struct PairHashTable {
    private let slots: [UInt64] // key << 32 | value; 0 is empty
    private let shift: UInt32, mask: Int

    init(keys: UnsafeBufferPointer<UInt32>, values: UnsafeBufferPointer<UInt32>?) {
        var logSize: UInt32 = 4
        while (1 << logSize) < 2 * keys.count { logSize += 1 }
        shift = 32 - logSize
        mask = (1 << Int(logSize)) - 1
        var slots = [UInt64](repeating: 0, count: 1 << Int(logSize))
        for (k, key) in keys.enumerated() {
            var h = Int(Self.hash(key, shift))
            while slots[h] != 0 { h = (h + 1) & mask }
            slots[h] = UInt64(key) << 32 | UInt64(values?[k] ?? 0)
        }
        self.slots = slots
    }

    @inline(__always) private static func hash(_ key: UInt32, _ shift: UInt32) -> UInt32 { (key &* 0x9E37_79B1) >> shift }

    @inline(__always) func value(of key: UInt32) -> UInt32? {
        slots.withUnsafeBufferPointer { slots in
            var h = Int(Self.hash(key, shift))
            while true {
                let slot = slots[h]
                if slot == 0 { return nil }
                if UInt32(truncatingIfNeeded: slot >> 32) == key { return UInt32(truncatingIfNeeded: slot) }
                h = (h + 1) & mask
            }
        }
    }
}

extension TypoModel {
    /// Builds `model.bin` from the lexicon sources (what `jiaodui build-typo-model` writes).
    public static func compileModel(bigrams: String, words: String) -> [UInt8] { PairTable.compile(bigrams: bigrams, words: words) }

    /// A model from in-memory sources, for tests and for tools.
    public convenience init(readings: String, shapes: String, observed: String, bigrams: String, words: String) throws {
        try self.init(readings: readings, shapes: shapes, observed: observed,
                      model: try PairTable(bytes: PairTable.compile(bigrams: bigrams, words: words)))
    }
}
