/// The numbers that open headings and list items in the GB/T 9704-2012 §7.3.3 hierarchy:
/// 一、 (level 1), （一） (level 2), 1. (level 3), （1） (level 4).
public struct HeadingMarker: Sendable, Equatable {
    public let level: Int
    public let number: Int
    /// The marker with its separator or brackets, in UTF-16 offsets of the text.
    public let range: Range<Int>
    /// Where the heading's own text starts.
    public let textStart: Int
    /// Half-width ( ) where （ ） belong.
    public let halfWidthBrackets: Bool
    /// A separator the level does not take: 一. or 一．, （一）、, 1、, （1）、.
    public let wrongSeparator: Range<Int>?

    /// The marker as GB/T 9704 writes it at its level.
    public static func canonical(level: Int, number: Int) -> String {
        switch level {
        case 1: return HeadingNumbers.chinese(number) + "、"
        case 2: return "（" + HeadingNumbers.chinese(number) + "）"
        case 3: return "\(number)."
        default: return "（\(number)）"
        }
    }
}

public enum HeadingNumbers {
    static let digits: [UInt16: Int] = {
        var map: [UInt16: Int] = [:]
        for (i, c) in "〇一二三四五六七八九".utf16.enumerated() { map[c] = i }
        map[0x5341] = 10 // 十
        return map
    }()

    /// The value of one numeral character (Chinese or ASCII digit), if it is one.
    public static func value(of u: UInt16) -> Int? {
        if CharClass.isASCIIDigit(u) { return Int(u - 0x30) }
        return digits[u]
    }

    /// 1…99 written in Chinese numerals (一, 十, 十二, 二十, 二十三), or nil.
    static func parseChinese(_ units: ArraySlice<UInt16>) -> Int? {
        let values = units.compactMap { digits[$0] }
        guard values.count == units.count, !values.isEmpty, values.count <= 3 else { return nil }
        switch values.count {
        case 1: return values[0] == 0 ? nil : values[0]
        case 2 where values[0] == 10 && values[1] < 10 && values[1] > 0: return 10 + values[1]
        case 2 where values[1] == 10 && values[0] > 1 && values[0] < 10: return values[0] * 10
        case 3 where values[1] == 10 && values[0] > 1 && values[0] < 10 && values[2] > 0 && values[2] < 10: return values[0] * 10 + values[2]
        default: return nil
        }
    }

    /// A short unnumbered line (拓展：对自己的要求) that may open a new part, after which numbering starts again.
    public static func isPartTitle(_ line: ArraySlice<UInt16>) -> Bool {
        let text = line.filter { !CharClass.isWhitespace($0) }
        return !text.isEmpty && text.count <= 20 && text.contains(where: CharClass.isHan)
            && !text.contains { $0 == 0x3002 || $0 == 0xFF0C || $0 == 0x2C || $0 == 0xFF1B }
    }

    public static func chinese(_ n: Int) -> String {
        let names = Array("〇一二三四五六七八九")
        if n < 10 { return String(names[n]) }
        let tens = n / 10, ones = n % 10
        return (tens > 1 ? String(names[tens]) : "") + "十" + (ones > 0 ? String(names[ones]) : "")
    }

    /// The heading marker that opens the line `line` of `units`, if any. The marker must be followed by
    /// text (a Chinese character, an opening quote or a title mark), so 1.5倍 or 3、。 are not headings.
    public static func marker(in units: [UInt16], line: Range<Int>) -> HeadingMarker? {
        var i = line.lowerBound
        while i < line.upperBound, units[i] == 0x20 || units[i] == 0x3000 || units[i] == 0x09 || units[i] == 0xA0 { i += 1 }
        let start = i
        func at(_ k: Int) -> UInt16 { k < line.upperBound ? units[k] : 0x0A }
        var level = 0, number = 0, halfWidth = false, end = i
        if at(i) == 0xFF08 || at(i) == 0x28 {
            halfWidth = at(i) == 0x28
            var j = i + 1
            while j < line.upperBound, j - i <= 4, value(of: units[j]) != nil { j += 1 }
            let close = at(j)
            guard j > i + 1, close == 0xFF09 || close == 0x29 else { return nil }
            halfWidth = halfWidth || close == 0x29
            if let n = parseChinese(units[(i + 1)..<j]) { level = 2; number = n }
            else if let n = Int(String(utf16Units: units[(i + 1)..<j])), j - i <= 3 { level = 4; number = n }
            else { return nil }
            end = j + 1
        } else if CharClass.isASCIIDigit(at(i)) {
            var j = i
            while j < line.upperBound, CharClass.isASCIIDigit(units[j]) { j += 1 }
            guard j - i <= 2, let n = Int(String(utf16Units: units[i..<j])),
                  [0x2E, 0xFF0E, 0x3001].contains(at(j)), !CharClass.isDigit(at(j + 1)) else { return nil }
            level = 3; number = n; end = j + 1
        } else {
            var j = i
            while j < line.upperBound, j - i <= 3, digits[units[j]] != nil { j += 1 }
            guard j > i, let n = parseChinese(units[i..<j]), [0x3001, 0x2E, 0xFF0E].contains(at(j)) else { return nil }
            level = 1; number = n; end = j + 1
        }
        var wrong: Range<Int>?
        switch level {
        case 1: if at(end - 1) != 0x3001 { wrong = (end - 1)..<end }
        case 3: if at(end - 1) == 0x3001 { wrong = (end - 1)..<end }
        default: if at(end) == 0x3001 || at(end) == 0x2E || at(end) == 0xFF0E { wrong = end..<end + 1; end += 1 }
        }
        var textStart = end
        while textStart < line.upperBound, units[textStart] == 0x20 || units[textStart] == 0x3000 { textStart += 1 }
        let first = at(textStart)
        guard CharClass.isHan(first) || first == 0x201C || first == 0x300A || CharClass.isLatinLetter(first) else { return nil }
        return HeadingMarker(level: level, number: number, range: start..<end, textStart: textStart,
                             halfWidthBrackets: halfWidth, wrongSeparator: wrong)
    }
}
