/// Sentence boundaries of Chinese prose: after 。！？ (and ！？ runs, ……, and closing quotes or brackets
/// that follow them), after ; and ； only when asked, and at every line break.
public enum Sentences {
    static let enders: CodeUnitSet = "。！？!?…"
    static let trailers: CodeUnitSet = "”’」』）)》"

    /// The sentences of `units[range]`, as ranges without surrounding whitespace; empty ones are skipped.
    public static func ranges(in units: [UInt16], _ range: Range<Int>? = nil) -> [Range<Int>] {
        let range = range ?? units.indices
        var result: [Range<Int>] = []
        var start = range.lowerBound
        var i = range.lowerBound
        func emit(_ end: Int) {
            let sentence = CharClass.trimmingWhitespace(start..<end, in: units)
            if !sentence.isEmpty { result.append(sentence) }
            start = end
        }
        while i < range.upperBound {
            let u = units[i]
            if CharClass.isLineBreak(u) {
                emit(i)
                i += 1
                start = i
                continue
            }
            if enders.contains(u) {
                var j = i + 1
                while j < range.upperBound, enders.contains(units[j]) || trailers.contains(units[j]) { j += 1 }
                emit(j)
                i = j
                continue
            }
            i += 1
        }
        emit(range.upperBound)
        return result
    }
}
