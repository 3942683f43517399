/// Web-page furniture left in text copied from a document-sharing site: uploader lines, page
/// counters, download and copyright notices, related-article lists, the title printed again by the
/// page template. The `scrape-residue` rule reports it; the summarizer leaves it out.
public struct WebFurniture: Sendable {
    /// Runs of whole furniture lines (from the first line's text to the last's end).
    public var blocks: [Range<Int>] = []
    /// 第1页共4页 inside a prose line.
    public var pageCounters: [Range<Int>] = []

    /// Phrases that only web-page furniture contains.
    static let furniture = ["上传人", "文档编号", "上传时间", "展开阅读全文", "全部预览完了", "由会员分享", "ICP备", "公网安备",
                            "下载须知", "合集下载", "我要投稿", "VIP免费", "回到顶部", "扫码咨询", "会员Q群", "加入QQ群", "客服邮箱",
                            "微信客服", "碎片内容", "确认删除", "付费下载", "资源描述", "电脑桌面", "首页 >", "首頁 >", "位置:首",
                            "位置：首", "文档侵犯", "在线阅读", "违规举报", "网友上传", "下载文档前", "部分预览", "申请退款", "人工客服"]
    /// Phrases that prose uses too, so they count only on a line of a few words.
    static let shortFurniture = ["相关文章", "相关文档", "最新文档", "相关资源", "相关搜索", "当前位置", "版权所有", "标签:", "标签：",
                                 "標籤:", "標籤：", "下载文档", "返回 下载"].map { Array($0.utf16) }
    static let furnitureUnits = furniture.map { Array($0.utf16) }
    /// Headers after which every short line is a list of links.
    static let listHeaders = ["相关文章", "相关文档", "最新文档", "相关资源", "相关搜索"].map { Array($0.utf16) }
    static let shortLine = 100

    /// The furniture of a document: whole blocks of lines, and page counters inside prose lines.
    public static func scan(_ source: SourceText, units: [UInt16]) -> WebFurniture {
        var result = WebFurniture()
        var block: Range<Int>?
        var inLinkList = false
        var earlyShortLines: Set<[UInt16]> = []
        var linesSeen = 0
        func flush() {
            guard let range = block else { return }
            result.blocks.append(range)
            block = nil
        }
        for index in 0..<source.lineStarts.count {
            let line = CharClass.trimmingWhitespace(source.lineRange(index), in: units)
            if line.isEmpty { continue }
            if line.count > Self.shortLine {
                inLinkList = false
                flush()
                result.addPageCounter(units, line)
                continue
            }
            let text = Array(units[line])
            // The title repeated near the top, where the site's page template printed it again.
            let isShort = line.count <= 40 && text.last != 0x3002
            let repeatsTitle = isShort && earlyShortLines.contains(text)
            linesSeen += 1
            if isShort && linesSeen <= 12 { earlyShortLines.insert(text) }
            let isHeader = Self.listHeaders.contains { Self.contains(text, $0) }
            if isResidue(text) || repeatsTitle || (inLinkList && line.count <= 40) {
                block = (block?.lowerBound ?? line.lowerBound)..<line.upperBound
                if isHeader { inLinkList = true }
            } else {
                inLinkList = false
                flush()
                result.addPageCounter(units, line)
            }
        }
        flush()
        return result
    }

    private static func isResidue(_ text: [UInt16]) -> Bool {
        if Self.furnitureUnits.contains(where: { Self.contains(text, $0) }) { return true }
        if text.count <= 30, Self.shortFurniture.contains(where: { Self.contains(text, $0) }) { return true }
        // 标题_第2页 and 第2页 / 共4页 on a line of their own.
        if let underscore = text.firstIndex(of: 0x5F), text.last == 0x9875, text[underscore...].dropFirst().first == 0x7B2C { return true }
        if let counter = pageCounter(in: text), text.count - counter.count <= 2 { return true }
        // 2/4 alone on its line.
        if text.contains(0x2F), text.allSatisfy({ CharClass.isASCIIDigit($0) || $0 == 0x2F || $0 == 0x20 }) { return true }
        return containsTimestamp(text)
    }

    /// The document's title as the site's page template printed it: 标题_第1页 or 《标题》由会员分享.
    public func pageTitle(units: [UInt16]) -> [UInt16]? {
        let shared = Array("》由会员分享".utf16), pageSuffix = Array("_第".utf16)
        for block in blocks {
            var start = block.lowerBound
            for i in block.lowerBound...block.upperBound where i == block.upperBound || CharClass.isLineBreak(units[i]) {
                let line = Array(units[start..<i])
                start = i + 1
                if let open = line.firstIndex(of: 0x300A), let close = Self.find(line, shared), open < close, close - open > 2 {
                    return Array(line[(open + 1)..<close])
                }
                if let underscore = Self.find(line, pageSuffix), underscore > 2, line.last == 0x9875 { // 页
                    return Array(line[..<underscore])
                }
            }
        }
        return nil
    }

    /// Plain substring search: short lines and short patterns, so no need for anything cleverer.
    static func contains(_ text: [UInt16], _ pattern: [UInt16]) -> Bool { find(text, pattern) != nil }

    /// Where `pattern` first occurs in `text`.
    static func find(_ text: [UInt16], _ pattern: [UInt16]) -> Int? {
        guard let first = pattern.first, text.count >= pattern.count else { return nil }
        var i = 0
        while i + pattern.count <= text.count {
            if text[i] == first {
                var k = 1
                while k < pattern.count, text[i + k] == pattern[k] { k += 1 }
                if k == pattern.count { return i }
            }
            i += 1
        }
        return nil
    }

    /// A date-time stamp such as 2022-08-18 12:34 (publication lines of news sites).
    private static func containsTimestamp(_ text: [UInt16]) -> Bool {
        let shape = Array("dddd-dd-dd dd:dd".utf16)
        guard text.count >= shape.count else { return false }
        for start in 0...(text.count - shape.count) {
            var matches = true
            for (k, s) in shape.enumerated() {
                let u = text[start + k]
                if s == 0x64 ? !CharClass.isASCIIDigit(u) : u != s { matches = false; break }
            }
            if matches { return true }
        }
        return false
    }

    /// 第N页/共M页 or 第N页共M页 (spaces allowed): the range within `units`.
    private static func pageCounter(in units: [UInt16]) -> Range<Int>? {
        let di: UInt16 = 0x7B2C, ye: UInt16 = 0x9875, gong: UInt16 = 0x5171
        var i = 0
        while i < units.count {
            defer { i += 1 }
            guard units[i] == di else { continue }
            var j = i + 1
            func digits() -> Bool { let s = j; while j < units.count, CharClass.isASCIIDigit(units[j]) { j += 1 }; return j > s }
            func skip(_ set: Set<UInt16>) { while j < units.count, set.contains(units[j]) { j += 1 } }
            guard digits(), j < units.count, units[j] == ye else { continue }
            j += 1
            skip([0x20, 0x2F, 0xFF0F])
            guard j < units.count, units[j] == gong else { continue }
            j += 1
            guard digits(), j < units.count, units[j] == ye else { continue }
            return i..<j + 1
        }
        return nil
    }

    private mutating func addPageCounter(_ units: [UInt16], _ line: Range<Int>) {
        guard units[line].contains(0x5171), let found = Self.pageCounter(in: Array(units[line])) else { return } // 共
        pageCounters.append((line.lowerBound + found.lowerBound)..<(line.lowerBound + found.upperBound))
    }
}
