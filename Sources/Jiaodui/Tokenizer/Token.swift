/// A token: a UTF-16 range of the text with its kind and where its boundaries came from.
public struct Token: Hashable, Sendable {
    public enum Kind: String, Sendable, Codable {
        case han, latin, number, punctuation, whitespace, other
    }

    /// `icu` when the token is a word exactly as ICU's word break produced it; `lexicon` when
    /// Jiaodui's dictionary or the user dictionary chose a different split or merge; `rule` for
    /// numbers, Latin words, punctuation and whitespace, which Jiaodui scans itself.
    public enum Origin: String, Sendable, Codable {
        case icu, lexicon, rule
    }

    public let range: Range<Int>
    public let kind: Kind
    public let origin: Origin

    public init(range: Range<Int>, kind: Kind, origin: Origin) {
        self.range = range
        self.kind = kind
        self.origin = origin
    }
}

/// Character classes on UTF-16 units, for the scanners and rules that work on raw text.
public enum CharClass {
    /// CJK ideographs (URO, extension A, compatibility) and 〇; extension B+ arrive as surrogate pairs.
    @inline(__always) public static func isHan(_ u: UInt16) -> Bool {
        (0x4E00...0x9FFF).contains(u) || (0x3400...0x4DBF).contains(u) || (0xF900...0xFAFF).contains(u) || u == 0x3007
    }
    @inline(__always) public static func isHighSurrogateOfHan(_ u: UInt16) -> Bool { (0xD840...0xD87F).contains(u) }
    @inline(__always) public static func isASCIIDigit(_ u: UInt16) -> Bool { (0x30...0x39).contains(u) }
    @inline(__always) public static func isFullwidthDigit(_ u: UInt16) -> Bool { (0xFF10...0xFF19).contains(u) }
    @inline(__always) public static func isDigit(_ u: UInt16) -> Bool { isASCIIDigit(u) || isFullwidthDigit(u) }
    @inline(__always) public static func isLatin(_ u: UInt16) -> Bool {
        (0x41...0x5A).contains(u) || (0x61...0x7A).contains(u) || (0xFF21...0xFF3A).contains(u) || (0xFF41...0xFF5A).contains(u)
            || (0xC0...0x24F).contains(u)
    }
    /// ASCII and full-width Latin letters.
    @inline(__always) public static func isLatinLetter(_ u: UInt16) -> Bool {
        (0x41...0x5A).contains(u) || (0x61...0x7A).contains(u) || (0xFF21...0xFF3A).contains(u) || (0xFF41...0xFF5A).contains(u)
    }
    @inline(__always) public static func isWhitespace(_ u: UInt16) -> Bool {
        u == 0x20 || u == 0x09 || u == 0x0A || u == 0x0D || u == 0x0C || u == 0x0B || u == 0x3000 || u == 0xA0
            || (0x2000...0x200B).contains(u) || u == 0x2028 || u == 0x2029 || u == 0xFEFF
    }
    @inline(__always) public static func isLineBreak(_ u: UInt16) -> Bool { u == 0x0A || u == 0x0D }
    /// `range` of `units` without leading and trailing whitespace.
    public static func trimmingWhitespace(_ range: Range<Int>, in units: [UInt16]) -> Range<Int> {
        var start = range.lowerBound, end = range.upperBound
        while start < end, isWhitespace(units[start]) { start += 1 }
        while end > start, isWhitespace(units[end - 1]) { end -= 1 }
        return start..<end
    }
    /// ASCII and CJK/full-width punctuation and symbols.
    @inline(__always) public static func isPunctuation(_ u: UInt16) -> Bool {
        (0x21...0x2F).contains(u) || (0x3A...0x40).contains(u) || (0x5B...0x60).contains(u) || (0x7B...0x7E).contains(u)
            || (0x2010...0x205E).contains(u) || (0x3001...0x3003).contains(u) || (0x3008...0x3011).contains(u)
            || (0x3014...0x301F).contains(u) || (0xFF01...0xFF0F).contains(u) || (0xFF1A...0xFF20).contains(u)
            || (0xFF3B...0xFF40).contains(u) || (0xFF5B...0xFF65).contains(u) || u == 0x00B7 || u == 0x30FB
            || (0xFE10...0xFE19).contains(u) || (0xFE30...0xFE4F).contains(u) || u == 0x2026
    }
}
