/// A line or page-chunk break that cuts a word or a sentence in two: 信息庞⏎杂, 给⏎⏎7、予.
public struct BrokenLineRule: Rule {
    public static let description = RuleDescription(
        id: "broken-line",
        name: "断行",
        summary: "A line break (or a scraped page-chunk marker such as 7、) inside a word or a sentence.",
        rationale: """
            Text copied from PDFs and document sites keeps their line and page breaks. A break is \
            reported when the words on both sides join into a dictionary word across it, when the \
            next line begins with a mark or particle that cannot begin a sentence (的, 了, 。, ”), or \
            when the line ends with a word that cannot end one (和, 与, 的, 把).
            """,
        category: .structure,
        severity: .warning,
        fixes: true,
        examples: [
            .triggers("办公室处理的文字信息⟦庞\n杂⟧，必须分类整理。"),
            .triggers("对群众提出的要求要及时⟦给\n\n7、予⟧答复。"),
            .triggers("身为领导的助手,是干具体工⟦作\n的⟧。"),
            .triggers("督促检查工作要严格按规定⟦和\n标⟧准办事。"),
            .triggers("古人说：“天将降大任于是人也⟦。\n\n”⟧"),
            .passes("一、提高思想认识\n办公室是综合部门。"),
            .passes("他说：“好。”\n\n“我们走吧。”"),
            .passes("办公室主任的基本职责\n\n办公室处于承上启下的地位。"),
            .fixes("文字信息庞\n杂，必须整理。", to: "文字信息庞杂，必须整理。"),
        ]
    )

    /// Characters that cannot begin a sentence or clause.
    static let cannotStart: CodeUnitSet = "的地得了着过们吗呢吧，。、；：？！”’）》〉」』"
    static let closingQuotes: CodeUnitSet = "”’」』"
    static let sentenceEnds: CodeUnitSet = "。！？…"
    /// Function words that cannot end a sentence.
    static let cannotEnd: CodeUnitSet = "和与及或的地得把被将对向从在以于而且并"

    public init() {}

    public func check(_ document: DocumentContext, into findings: inout [Finding]) {
        let source = document.source
        let units = document.units
        let lineCount = source.lineStarts.count
        for index in 0..<lineCount - 1 {
            let line = source.lineRange(index)
            guard let last = line.last else { continue }
            let endsInHan = CharClass.isHan(units[last])
            // The next line with text, past at most two blank lines.
            var next = index + 1
            while next < lineCount && next <= index + 3 && source.lineRange(next).isEmpty { next += 1 }
            guard next < lineCount, next <= index + 3 else { continue }
            var start = source.lineRange(next).lowerBound
            let end = source.lineRange(next).upperBound
            let blankLines = next - index - 1
            // A page-chunk marker (digits and 、) left by a document site, only after a blank line.
            var marker = start
            while marker < end && CharClass.isASCIIDigit(units[marker]) { marker += 1 }
            if blankLines > 0, marker > start, marker - start <= 3, marker < end, units[marker] == 0x3001 { start = marker + 1 }
            guard start < end else { continue }
            let first = units[start]
            let reason: String?
            if Self.closingQuotes.contains(first), !endsInHan, Self.sentenceEnds.contains(units[last]) {
                // 。⏎⏎” : the closing quote of a quotation pushed onto a paragraph of its own.
                reason = "后引号“\(document.string(start..<start + 1))”被换行甩到了下一段开头"
            } else if !endsInHan {
                reason = nil
            } else if Self.cannotStart.contains(first) && (blankLines == 0 || start > source.lineRange(next).lowerBound || first == 0x201D) {
                reason = "下一行以“\(document.string(start..<start + 1))”开头，不能另起一行"
            } else if CharClass.isHan(first), let word = joinedWord(document, left: line, right: start..<end) {
                reason = "换行把“\(word)”断开了"
            } else if CharClass.isHan(first), blankLines == 0, Self.cannotEnd.contains(units[last]), line.count >= 2 {
                reason = "上一行以“\(document.string(last..<last + 1))”结尾，句子被换行截断"
            } else {
                reason = nil
            }
            guard let why = reason else { continue }
            let joined = document.string(last..<last + 1) + document.string(start..<start + 1)
            findings.append(document.finding(
                Self.description, range: last..<start + 1,
                message: "\(why)，应接排。", suggestions: [joined], fix: .suggested))
        }
    }

    /// The dictionary word that the break cuts, when joining the two lines creates a token across it
    /// and the character before the break stands alone as a token in its own line.
    private func joinedWord(_ document: DocumentContext, left: Range<Int>, right: Range<Int>) -> String? {
        guard let dictionary = WordDictionary.shipped else { return nil }
        let tail = Array(document.simplifiedUnits[max(left.lowerBound, left.upperBound - 3)..<left.upperBound])
        let head = Array(document.simplifiedUnits[right.lowerBound..<min(right.upperBound, right.lowerBound + 3)])
        // The last token of the line must be a single character, or the break falls between words.
        guard let lastToken = document.token(endingAt: left.upperBound), lastToken.range.count == 1 else { return nil }
        let joined = tail + head
        let junction = tail.count
        var best: (Int, Int, UInt32)?
        joined.withUnsafeBufferPointer { buffer in
            for s in 0..<junction {
                dictionary.forEachWord(in: buffer, from: s, maxLength: 4) { length, freq in
                    if s + length > junction, s == junction - 1, freq >= 50, best.map({ freq > $0.2 }) ?? true {
                        best = (s, length, freq)
                    }
                }
            }
        }
        guard let (s, length, _) = best else { return nil }
        return String(utf16Units: joined[s..<s + length])
    }
}
