/// Web-page furniture left in a document copied from a document-sharing site.
public struct ScrapeResidueRule: Rule {
    public static let description = RuleDescription(
        id: "scrape-residue",
        name: "网页残留",
        summary: "Uploader lines, page counters (第1页/共4页), 展开阅读全文, related-article lists, download and copyright notices.",
        rationale: """
            Text copied from document-sharing sites carries the site's furniture; none of it belongs in the \
            document (GB/T 9704-2012 defines what a 公文 consists of). Lines are reported as blocks; a page \
            counter inside a sentence (领导第1页共4页成员) is reported on its own.
            """,
        category: .structure,
        severity: .warning,
        fixes: true,
        examples: [
            .triggers("⟦上传人:cn****1 文档编号:510441956 上传时间:2022-11-03⟧\n办公室是一个单位的综合部门。"),
            .triggers("办公室是一个单位的综合部门。\n⟦展开阅读全文\n\n相关资源\n相关搜索⟧"),
            .triggers("协调好领导⟦第1页共4页⟧成员间的关系。"),
            .triggers("正文。\n⟦【如何做好办公室工作】相关文章:\n\n办公室如何做好沟通协调工作02-23\n如何做好本职工作02-15⟧"),
            .triggers("关于做好办公室工作的通知\n⟦关于做好办公室工作的通知⟧\n各部门：现将有关事项通知如下。"),
            .passes("群众举报的问题要及时核实。"),
            .passes("本报告第3页列出了相关数据。"),
            .passes("要按照相关文章的要求落实。这是正文里一句很长的话，提到了版权所有和下载文档的规定，但它是正文，不是网页残留。"),
        ]
    )

    public init() {}

    /// Phrases that only web-page furniture contains.
    static let furniture = ["上传人", "文档编号", "上传时间", "展开阅读全文", "全部预览完了", "由会员分享", "ICP备", "公网安备",
                            "下载须知", "合集下载", "我要投稿", "VIP免费", "回到顶部", "扫码咨询", "会员Q群", "加入QQ群", "客服邮箱",
                            "微信客服", "碎片内容", "确认删除", "付费下载", "资源描述", "电脑桌面", "首页 >", "首頁 >", "位置:首",
                            "位置：首", "文档侵犯", "在线阅读"]
    /// Phrases that prose uses too, so they count only on a line of a few words.
    static let shortFurniture = ["相关文章", "相关文档", "最新文档", "相关资源", "相关搜索", "当前位置", "版权所有", "标签:", "标签：",
                                 "標籤:", "標籤：", "下载文档", "返回 下载"].map { Array($0.utf16) }
    static let furnitureUnits = furniture.map { Array($0.utf16) }
    /// Headers after which every short line is a list of links.
    static let listHeaders = ["相关文章", "相关文档", "最新文档", "相关资源", "相关搜索"].map { Array($0.utf16) }
    static let shortLine = 100

    public func check(_ document: DocumentContext, into findings: inout [Finding]) {
        let units = document.units
        let source = document.source
        var block: Range<Int>?
        var inLinkList = false
        var earlyShortLines: Set<[UInt16]> = []
        var linesSeen = 0
        func flush() {
            guard let range = block else { return }
            findings.append(document.finding(
                Self.description, range: range,
                message: "网页残留（上传信息、翻页、下载提示、相关文章等），不属于正文，应删除。", suggestions: [""], fix: .suggested))
            block = nil
        }
        for index in 0..<source.lineStarts.count {
            let line = CharClass.trimmingWhitespace(source.lineRange(index), in: units)
            if line.isEmpty { continue }
            if line.count > Self.shortLine {
                inLinkList = false
                flush()
                checkInlinePageCounter(document, line, into: &findings)
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
                checkInlinePageCounter(document, line, into: &findings)
            }
        }
        flush()
    }

    private func isResidue(_ text: [UInt16]) -> Bool {
        if Self.furnitureUnits.contains(where: { Self.contains(text, $0) }) { return true }
        if text.count <= 30, Self.shortFurniture.contains(where: { Self.contains(text, $0) }) { return true }
        // 标题_第2页 and 第2页 / 共4页 on a line of their own.
        if let underscore = text.firstIndex(of: 0x5F), text.last == 0x9875, text[underscore...].dropFirst().first == 0x7B2C { return true }
        if let counter = pageCounter(in: text), text.count - counter.count <= 2 { return true }
        // 2/4 alone on its line.
        if text.contains(0x2F), text.allSatisfy({ CharClass.isASCIIDigit($0) || $0 == 0x2F || $0 == 0x20 }) { return true }
        return containsTimestamp(text)
    }

    /// Plain substring search: short lines and short patterns, so no need for anything cleverer.
    static func contains(_ text: [UInt16], _ pattern: [UInt16]) -> Bool {
        guard let first = pattern.first, text.count >= pattern.count else { return false }
        var i = 0
        while i + pattern.count <= text.count {
            if text[i] == first {
                var k = 1
                while k < pattern.count, text[i + k] == pattern[k] { k += 1 }
                if k == pattern.count { return true }
            }
            i += 1
        }
        return false
    }

    /// A date-time stamp such as 2022-08-18 12:34 (publication lines of news sites).
    private func containsTimestamp(_ text: [UInt16]) -> Bool {
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
    private func pageCounter(in units: [UInt16]) -> Range<Int>? {
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

    private func checkInlinePageCounter(_ document: DocumentContext, _ line: Range<Int>, into findings: inout [Finding]) {
        guard document.units[line].contains(0x5171), let found = pageCounter(in: Array(document.units[line])) else { return } // 共
        let range = (line.lowerBound + found.lowerBound)..<(line.lowerBound + found.upperBound)
        findings.append(document.finding(
            Self.description, range: range,
            message: "正文中夹有网页页码“\(document.string(range))”，应删除。", suggestions: [""], fix: .suggested))
    }
}
