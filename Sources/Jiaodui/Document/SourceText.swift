/// A 1-based position in a file: line, and column counted in Unicode characters (scalars).
public struct SourceLocation: Hashable, Sendable, Codable, CustomStringConvertible {
    public let line: Int
    public let column: Int
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
    public var description: String { "\(line):\(column)" }
}

/// Text as UTF-16 units with an index from offsets to lines and columns.
///
/// UTF-16 is the unit of every range in Jiaodui because ICU works in it and SARIF and
/// editors commonly count in it; columns shown to people count Unicode characters.
public struct SourceText: Sendable {
    public let units: [UInt16]
    /// The UTF-16 offset where each line starts; lines end at LF, CRLF or a lone CR.
    public let lineStarts: [Int]

    public init(units: [UInt16]) {
        self.units = units
        var starts = [0]
        var i = 0
        let n = units.count
        while i < n {
            let u = units[i]
            if u == 0x0A {
                starts.append(i + 1)
            } else if u == 0x0D {
                if i + 1 < n && units[i + 1] == 0x0A { i += 1 }
                starts.append(i + 1)
            }
            i += 1
        }
        lineStarts = starts
    }

    public init(_ string: String) { self.init(units: Array(string.utf16)) }

    public var count: Int { units.count }

    /// The 0-based index of the line that contains `offset`.
    public func lineIndex(of offset: Int) -> Int {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// The line and column of a UTF-16 offset (an offset may equal the text's length).
    public func location(of offset: Int) -> SourceLocation {
        let line = lineIndex(of: offset)
        var column = 1
        // Decoded text is well-formed UTF-16, so every unit but a low surrogate starts a character.
        for i in lineStarts[line]..<min(offset, units.count) where !(0xDC00...0xDFFF).contains(units[i]) {
            column += 1
        }
        return SourceLocation(line: line + 1, column: column)
    }

    /// The range of line `index` (0-based) without its line break.
    public func lineRange(_ index: Int) -> Range<Int> {
        let start = lineStarts[index]
        var end = index + 1 < lineStarts.count ? lineStarts[index + 1] : units.count
        while end > start && (units[end - 1] == 0x0A || units[end - 1] == 0x0D) { end -= 1 }
        return start..<end
    }

    public func string(_ range: Range<Int>) -> String {
        String(utf16Units: units[range])
    }
}
