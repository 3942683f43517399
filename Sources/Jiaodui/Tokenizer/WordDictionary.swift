import Foundation

/// A word list with frequencies, stored as a binary file that is memory-mapped,
/// so that loading it costs nothing and the pages actually read are the only ones touched.
///
/// Besides the sorted list, the file holds the words' prefix tree: node 0 is the empty prefix, and each
/// edge (parent, unit) → child sits in an open-addressing hash table, so that walking a text position
/// through every word that starts there costs one probe per character.
///
/// File layout (little-endian): magic "JDW2", word count N, unit count M, total frequency (UInt64),
/// node count K, table size T (a power of two), then T UInt64 edge slots, N+1 UInt32 offsets into the
/// unit blob, N UInt32 frequencies, K UInt32 node values (the word's stored frequency, 0 for a prefix
/// that is no word), ⌈K/32⌉ UInt32 words of a bitmap of nodes with children, and M UTF-16 units.
/// Words are sorted by their UTF-16 units.
public final class WordDictionary: @unchecked Sendable {
    // @unchecked: the storage is immutable after init and only read.
    public let count: Int
    public let totalFrequency: UInt64
    private let offsets: UnsafePointer<UInt32>
    private let frequencies: UnsafePointer<UInt32>
    private let units: UnsafePointer<UInt16>
    private let edges: UnsafePointer<UInt64>
    private let edgeMask: Int
    private let edgeShift: UInt64
    private let nodeValues: UnsafePointer<UInt32>
    private let hasChildren: UnsafePointer<UInt32>
    /// The node of each BMP code unit as a one-unit prefix (0: no word starts with it).
    private let firstNodes: UnsafeMutablePointer<UInt32>
    /// log(frequency / total) of stored values, memoised by frequency: most words share a few thousand values.
    private let logCache: UnsafeMutablePointer<Float>
    private let logCacheSize: Int
    private let logTotal: Double

    /// The natural log of a stored word's relative frequency.
    @inline(__always) public func logProbability(_ stored: UInt32) -> Float {
        let f = Int(stored & ~Self.nameFlag)
        if f < logCacheSize { return logCache[f] }
        return Float(Foundation.log(Double(f)) - logTotal)
    }

    private let release: () -> Void
    private let edgeScoresLock = NSLock()
    private var builtEdgeScores: WordEdgeScores?

    public static let magic: [UInt8] = Array("JDW2".utf8)
    static let headerSize = 32
    /// Edge slots pack the key (parent << 16 | unit, 40 bits) over the child node (24 bits); 0 is an empty slot.
    static let childBits: UInt64 = 24
    static let maxNodes = 1 << 24
    /// Set on a stored value when the word is a person's name of three characters (`N` in the TSV),
    /// which the tokenizer emits as surname + given name, the convention of the PKU standard.
    public static let nameFlag: UInt32 = 1 << 31
    public static func frequency(_ stored: UInt32) -> UInt32 { stored & ~nameFlag }

    public enum LoadError: Error, CustomStringConvertible {
        case unreadable(String), malformed(String)
        public var description: String {
            switch self {
            case .unreadable(let p): return "cannot read word dictionary \(p)"
            case .malformed(let p): return "word dictionary \(p) is malformed (rebuild it with `jiaodui compile-dictionary`)"
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
        guard raw.count >= Self.headerSize, Array(raw[0..<4]) == Self.magic else { release(); throw LoadError.malformed(name) }
        let n = Int(raw.loadUnaligned(fromByteOffset: 4, as: UInt32.self))
        let m = Int(raw.loadUnaligned(fromByteOffset: 8, as: UInt32.self))
        let total = raw.loadUnaligned(fromByteOffset: 12, as: UInt64.self)
        let k = Int(raw.loadUnaligned(fromByteOffset: 20, as: UInt32.self))
        let t = Int(raw.loadUnaligned(fromByteOffset: 24, as: UInt32.self))
        let bitmapWords = (k + 31) / 32
        let needed = Self.headerSize + t * 8 + (n + 1) * 4 + n * 4 + k * 4 + bitmapWords * 4 + m * 2
        guard t >= 2, t & (t - 1) == 0, k >= 1, k <= Self.maxNodes, raw.count == needed else { release(); throw LoadError.malformed(name) }
        let base = raw.baseAddress!
        var at = Self.headerSize
        edges = (base + at).assumingMemoryBound(to: UInt64.self); at += t * 8
        offsets = (base + at).assumingMemoryBound(to: UInt32.self); at += (n + 1) * 4
        frequencies = (base + at).assumingMemoryBound(to: UInt32.self); at += n * 4
        nodeValues = (base + at).assumingMemoryBound(to: UInt32.self); at += k * 4
        hasChildren = (base + at).assumingMemoryBound(to: UInt32.self); at += bitmapWords * 4
        units = (base + at).assumingMemoryBound(to: UInt16.self)
        edgeMask = t - 1
        edgeShift = UInt64(64 - t.trailingZeroBitCount)
        count = n
        totalFrequency = total
        self.release = release
        logTotal = Foundation.log(Double(max(total, 1)))
        // Tabled up to the largest stored frequency, at most 2^16: small lexicons table only what they use.
        var largest = 0
        for i in 0..<n { largest = max(largest, Int(frequencies[i] & ~Self.nameFlag)) }
        logCacheSize = min(largest + 1, 1 << 16)
        logCache = .allocate(capacity: logCacheSize)
        logCache[0] = -Float(logTotal)
        for f in 1..<logCacheSize { logCache[f] = Float(Foundation.log(Double(f)) - logTotal) }
        // The one-unit prefixes are looked up once here, so that a text position costs no probe to start.
        // calloc: the pages of units no word starts with are never touched.
        firstNodes = calloc(65536, MemoryLayout<UInt32>.stride)!.bindMemory(to: UInt32.self, capacity: 65536)
        var previous = -1
        for i in 0..<n {
            let first = Int(units[Int(offsets[i])])
            if first != previous { firstNodes[first] = child(of: 0, first); previous = first }
        }
    }

    @inline(__always) private static func slot(of key: UInt64, shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// The node reached from `node` by `unit`, or 0 when no word continues that way.
    @inline(__always) private func child(of node: UInt32, _ unit: Int) -> UInt32 {
        let key = UInt64(node) << 16 | UInt64(unit)
        var slot = Self.slot(of: key, shift: edgeShift)
        while true {
            let entry = edges[slot]
            if entry == 0 { return 0 }
            if entry >> Self.childBits == key { return UInt32(truncatingIfNeeded: entry & (1 << Self.childBits - 1)) }
            slot = (slot &+ 1) & edgeMask
        }
    }

    deinit {
        free(firstNodes)
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
        var first = [Float](repeating: -.infinity, count: 65536 * WordEdgeScores.stride)
        var last = first
        for i in 0..<count {
            let n = length(i)
            guard n >= 2 && n <= WordEdgeScores.longestWord else { continue }
            let score = logProbability(frequencies[i])
            let head = Int(unit(i, 0)) * WordEdgeScores.stride + n, tail = Int(unit(i, n - 1)) * WordEdgeScores.stride + n
            first[head] = max(first[head], score)
            last[tail] = max(last[tail], score)
        }
        let built = WordEdgeScores(first: first, last: last)
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
    /// frequency, possibly with `nameFlag` set), shortest first, up to `maxLength` units.
    @inline(__always)
    public func forEachWord(in text: UnsafeBufferPointer<UInt16>, from start: Int, maxLength: Int,
                            _ body: (Int, UInt32) -> Void) {
        var node = firstNodes[Int(text[start])]
        if node == 0 { return }
        let limit = min(maxLength, text.count - start)
        var depth = 1
        while true {
            let value = nodeValues[Int(node)]
            if value != 0 { body(depth, value) }
            if depth >= limit || hasChildren[Int(node >> 5)] & (1 << (node & 31)) == 0 { return }
            node = child(of: node, Int(text[start + depth]))
            if node == 0 { return }
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
        return compile(merged)
    }

    /// Compiles words with their stored values (a frequency of at least 1, possibly with `nameFlag`).
    static func compile(_ merged: [[UInt16]: UInt32]) -> [UInt8] {
        let words = merged.keys.sorted { $0.lexicographicallyPrecedes($1) }
        // The prefix tree: nodes numbered in the words' sorted order, each new prefix taking the next number.
        var nodeValues: [UInt32] = [0]
        var edgeList: [(key: UInt64, child: UInt32)] = []
        var path: [UInt32] = [0] // path[d]: the node of the current word's first d units
        var previous: [UInt16] = []
        for w in words {
            var shared = 0
            while shared < min(w.count, previous.count) && w[shared] == previous[shared] { shared += 1 }
            path.removeSubrange((shared + 1)...)
            for d in shared..<w.count {
                let node = UInt32(nodeValues.count)
                nodeValues.append(0)
                edgeList.append((UInt64(path[d]) << 16 | UInt64(w[d]), node))
                path.append(node)
            }
            nodeValues[Int(path[w.count])] = merged[w]!
            previous = w
        }
        precondition(nodeValues.count <= maxNodes, "dictionary too large: \(nodeValues.count) prefixes")
        var tableSize = 2
        while tableSize < 2 * edgeList.count + 2 { tableSize <<= 1 } // at most half full: short probes
        let shift = UInt64(64 - tableSize.trailingZeroBitCount)
        var table = [UInt64](repeating: 0, count: tableSize)
        var parents = [UInt32](repeating: 0, count: (nodeValues.count + 31) / 32)
        for edge in edgeList {
            var slot = slot(of: edge.key, shift: shift)
            while table[slot] != 0 { slot = (slot + 1) & (tableSize - 1) }
            table[slot] = edge.key << childBits | UInt64(edge.child)
            let parent = Int(edge.key >> 16)
            parents[parent >> 5] |= 1 << UInt32(parent & 31)
        }
        var out: [UInt8] = magic
        func put32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        func put64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        let unitCount = words.reduce(0) { $0 + $1.count }
        put32(UInt32(words.count))
        put32(UInt32(unitCount))
        put64(words.reduce(UInt64(0)) { $0 + UInt64(frequency(merged[$1]!)) })
        put32(UInt32(nodeValues.count))
        put32(UInt32(tableSize))
        put32(0) // pads the header to 32 bytes, so the edge table is 8-byte aligned
        out.reserveCapacity(out.count + tableSize * 8 + words.count * 8 + nodeValues.count * 4 + parents.count * 4 + unitCount * 2 + 4)
        for entry in table { put64(entry) }
        var offset: UInt32 = 0
        for w in words { put32(offset); offset += UInt32(w.count) }
        put32(offset)
        for w in words { put32(merged[w]!) }
        for v in nodeValues { put32(v) }
        for bits in parents { put32(bits) }
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
