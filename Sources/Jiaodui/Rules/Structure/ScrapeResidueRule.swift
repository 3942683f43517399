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

    public func check(_ document: DocumentContext, into findings: inout [Finding]) {
        let furniture = WebFurniture.scan(document.source, units: document.units)
        for block in furniture.blocks {
            findings.append(document.finding(
                Self.description, range: block,
                message: "网页残留（上传信息、翻页、下载提示、相关文章等），不属于正文，应删除。", suggestions: [""], fix: .suggested))
        }
        for counter in furniture.pageCounters {
            findings.append(document.finding(
                Self.description, range: counter,
                message: "正文中夹有网页页码“\(document.string(counter))”，应删除。", suggestions: [""], fix: .suggested))
        }
    }
}
