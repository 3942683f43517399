import Foundation

/// A word list with frequencies, stored as a sorted binary file that is memory-mapped,
/// so that loading it costs nothing and the pages actually read are the only ones touched.
///
/// File layout (little-endian): magic "JDW1", word count N, unit count M, total frequency
/// (UInt64), then N+1 UInt32 offsets into the unit blob, N UInt32 frequencies, and M UTF-16
/// units. Words are sorted by their UTF-16 units, so every prefix names a contiguous range.
public final class WordDictionary: @unchecked Sendable {
    // @unchecked: the storage is immutable after init and only read.
    public let count: Int
    public let totalFrequency: UInt64
    private let offsets: UnsafePointer<UInt32>
    private let frequencies: UnsafePointer<UInt32>
    private let units: UnsafePointer<UInt16>
    /// log(frequency / total) of stored values, memoised by frequency: most words share a few thousand values.
    private let logCache: UnsafeMutablePointer<Float>
    private static let logCacheSize = 1 << 16
    private let logTotal: Double

    /// The natural log of a stored word's relative frequency.
    @inline(__always) public func logProbability(_ stored: UInt32) -> Float {
        let f = Int(stored & ~Self.nameFlag)
        if f < Self.logCacheSize { return logCache[f] }
        return Float(Foundation.log(Double(f)) - logTotal)
    }

    /// For each BMP code unit, the range of words starting with it (start, end).
    private let firstUnitRanges: UnsafeMutablePointer<UInt32>
    private let release: () -> Void
    private let edgeScoresLock = NSLock()
    private var builtEdgeScores: WordEdgeScores?

    public static let magic: [UInt8] = Array("JDW1".utf8)
    /// Set on a stored value when the word is a person's name of three characters (`N` in the TSV),
    /// which the tokenizer emits as surname + given name, the convention of the PKU standard.
    public static let nameFlag: UInt32 = 1 << 31
    public static func frequency(_ stored: UInt32) -> UInt32 { stored & ~nameFlag }

    public enum LoadError: Error, CustomStringConvertible {
        case unreadable(String), malformed(String)
        public var description: String {
            switch self {
            case .unreadable(let p): return "cannot read word dictionary \(p)"
            case .malformed(let p): return "word dictionary \(p) is malformed"
            }
        }
    }

    /// Maps a compiled dictionary file.
    public convenience init(contentsOfFile path: String) throws {
        guard let mapped = mapReadOnly(path) else { throw LoadError.unreadable(path) }
        try self.init(raw: mapped.bytes, name: path, release: mapped.unmap)
    }

    /// Reads a compiled dictionary from bytes (copied into memory that the dictionary owns).
    public convenience init(bytes: [UInt8]) throws {
        let memory = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 8)
        memory.copyBytes(from: bytes)
        try self.init(raw: UnsafeRawBufferPointer(memory), name: "(memory)") { memory.deallocate() }
    }

    private init(raw: UnsafeRawBufferPointer, name: String, release: @escaping () -> Void) throws {
        guard raw.count >= 20, Array(raw[0..<4]) == Self.magic else { release(); throw LoadError.malformed(name) }
        let n = Int(raw.loadUnaligned(fromByteOffset: 4, as: UInt32.self))
        let m = Int(raw.loadUnaligned(fromByteOffset: 8, as: UInt32.self))
        let total = raw.loadUnaligned(fromByteOffset: 12, as: UInt64.self)
        let header = 20
        let needed = header + (n + 1) * 4 + n * 4 + m * 2
        guard raw.count == needed else { release(); throw LoadError.malformed(name) }
        let base = raw.baseAddress!
        offsets = (base + header).assumingMemoryBound(to: UInt32.self)
        frequencies = (base + header + (n + 1) * 4).assumingMemoryBound(to: UInt32.self)
        units = (base + header + (n + 1) * 4 + n * 4).assumingMemoryBound(to: UInt16.self)
        count = n
        totalFrequency = total
        self.release = release
        logTotal = Foundation.log(Double(max(total, 1)))
        logCache = .allocate(capacity: Self.logCacheSize)
        logCache[0] = -Float(logTotal)
        for f in 1..<Self.logCacheSize { logCache[f] = Float(Foundation.log(Double(f)) - logTotal) }
        // The first-unit index is derived, not stored: one pass over N offsets is well under a millisecond.
        firstUnitRanges = .allocate(capacity: 65536 * 2)
        firstUnitRanges.initialize(repeating: 0, count: 65536 * 2)
        var i = 0
        while i < n {
            let first = Int(units[Int(offsets[i])])
            var j = i + 1
            while j < n && Int(units[Int(offsets[j])]) == first { j += 1 }
            firstUnitRanges[first * 2] = UInt32(i)
            firstUnitRanges[first * 2 + 1] = UInt32(j)
            i = j
        }
    }

    deinit {
        firstUnitRanges.deallocate()
        logCache.deallocate()
        release()
    }

    @inline(__always) private func length(_ i: Int) -> Int { Int(offsets[i + 1] &- offsets[i]) }
    @inline(__always) private func unit(_ i: Int, _ d: Int) -> UInt16 { units[Int(offsets[i]) + d] }

    /// The most frequent word's log-probability for each first unit and each last unit, by word length
    /// (2...`longestWord`): how well a word with a known first or last character can possibly score.
    /// Built on first use (one pass over the words) and kept.
    public var edgeScores: WordEdgeScores {
        edgeScoresLock.lock()
        defer { edgeScoresLock.unlock() }
        if let built = builtEdgeScores { return built }
        var first = [UInt32](repeating: 0, count: 65536 * WordEdgeScores.stride)
        var last = first
        for i in 0..<count {
            let n = length(i)
            guard n >= 2 && n <= WordEdgeScores.longestWord else { continue }
            let f = frequencies[i] & ~Self.nameFlag
            let head = Int(unit(i, 0)) * WordEdgeScores.stride + n, tail = Int(unit(i, n - 1)) * WordEdgeScores.stride + n
            first[head] = max(first[head], f)
            last[tail] = max(last[tail], f)
        }
        let built = WordEdgeScores(first: first.map { $0 == 0 ? -.infinity : logProbability($0) },
                                   last: last.map { $0 == 0 ? -.infinity : logProbability($0) })
        builtEdgeScores = built
        return built
    }

    /// The frequency of a word, or nil when it is not in the dictionary.
    public func frequency(of word: some Collection<UInt16>) -> UInt32? {
        let w = Array(word)
        guard !w.isEmpty else { return nil }
        var result: UInt32?
        w.withUnsafeBufferPointer { buffer in
            forEachWord(in: buffer, from: 0, maxLength: w.count) { length, stored in
                if length == w.count { result = Self.frequency(stored) }
            }
        }
        return result
    }

    public func contains(_ word: String) -> Bool { frequency(of: Array(word.utf16)) != nil }

    /// Calls `body(length, stored)` for every dictionary word that starts at `text[start]` (`stored` is the
    /// frequency, possibly with `nameFlag` set),
    /// shortest first, up to `maxLength` units.
    @inline(__always)
    public func forEachWord(in text: UnsafeBufferPointer<UInt16>, from start: Int, maxLength: Int,
                            _ body: (Int, UInt32) -> Void) {
        let first = Int(text[start])
        var low = Int(firstUnitRanges[first * 2])
        var high = Int(firstUnitRanges[first * 2 + 1])
        if low >= high { return }
        var depth = 1
        let limit = min(maxLength, text.count - start)
        while true {
            // Words of exactly `depth` units with this prefix sort first in the range.
            if length(low) == depth {
                body(depth, frequencies[low])
                low += 1
                if low >= high { return }
            }
            if depth >= limit { return }
            let c = text[start + depth]
            // Narrow [low, high) to the words whose unit at `depth` is c.
            var lo = low, hi = high
            while lo < hi {
                let mid = (lo &+ hi) >> 1
                if unit(mid, depth) < c { lo = mid + 1 } else { hi = mid }
            }
            if lo >= high || unit(lo, depth) != c { return }
            var end = lo + 1, top = high
            while end < top {
                let mid = (end &+ top) >> 1
                if unit(mid, depth) <= c { end = mid + 1 } else { top = mid }
            }
            low = lo
            high = end
            depth += 1
        }
    }

    /// Compiles `word<TAB>frequency[<TAB>N]` lines (frequency optional, default 1; N marks a name) into the binary format.
    /// The output depends only on the set of words and their frequencies, so rebuilding is byte-for-byte stable.
    public static func compile(tsv: String) -> [UInt8] {
        var merged: [[UInt16]: UInt32] = [:]
        for line in tsv.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            if line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            let word = Array(fields[0].trimmingCharacters(in: .whitespaces).utf16)
            guard !word.isEmpty else { continue }
            var freq = fields.count > 1 ? UInt32(fields[1].trimmingCharacters(in: .whitespaces)) ?? 1 : 1
            freq = min(max(freq, 1), nameFlag - 1)
            let name = fields.count > 2 && fields[2].trimmingCharacters(in: .whitespaces) == "N"
            merged[word] = max(merged[word] ?? 0, freq | (name ? nameFlag : 0))
        }
        let words = merged.keys.sorted { $0.lexicographicallyPrecedes($1) }
        var out: [UInt8] = magic
        func put32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        func put64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        let unitCount = words.reduce(0) { $0 + $1.count }
        put32(UInt32(words.count))
        put32(UInt32(unitCount))
        put64(words.reduce(UInt64(0)) { $0 + UInt64(frequency(merged[$1]!)) })
        var offset: UInt32 = 0
        for w in words { put32(offset); offset += UInt32(w.count) }
        put32(offset)
        for w in words { put32(merged[w]!) }
        for w in words { for u in w { withUnsafeBytes(of: u.littleEndian) { out.append(contentsOf: $0) } } }
        return out
    }
}

/// See `WordDictionary.edgeScores`.
public struct WordEdgeScores: Sendable {
    public static let longestWord = 6
    static let stride = longestWord + 1
    let first: [Float], last: [Float]

    /// The best log-probability of a word of `length` units that starts with `unit`.
    @inline(__always) public func starting(with unit: UInt16, length: Int) -> Float { first[Int(unit) * Self.stride + length] }
    /// The best log-probability of a word of `length` units that ends with `unit`.
    @inline(__always) public func ending(with unit: UInt16, length: Int) -> Float { last[Int(unit) * Self.stride + length] }
}
