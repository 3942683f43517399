import Foundation
import Testing
@testable import Jiaodui

@Suite struct WordDocumentTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Corpus").appendingPathComponent("docx")

    static func fixture(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: folder.appendingPathComponent(name)))
    }

    /// A zip of stored entries written by hand, so that its headers can lie about sizes. The CRC
    /// fields are 0, which WordDocument takes as no checksum to compare.
    static func makeZip(_ entries: [(name: String, content: String, declaredSize: Int?)]) -> [UInt8] {
        func le(_ value: Int, _ width: Int) -> [UInt8] { (0..<width).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
        var local: [UInt8] = [], central: [UInt8] = []
        for entry in entries {
            let name = Array(entry.name.utf8), data = Array(entry.content.utf8)
            // version needed, flags, method (stored), time and date, CRC, sizes, name and extra lengths
            let common = le(20, 2) + le(0, 2) + le(0, 2) + le(0, 4) + le(0, 4)
                + le(data.count, 4) + le(entry.declaredSize ?? data.count, 4) + le(name.count, 2) + le(0, 2)
            // version made by, common, comment length, disk, internal and external attributes, offset
            central += le(0x0201_4B50, 4) + le(20, 2) + common + le(0, 2) + le(0, 2) + le(0, 2) + le(0, 4) + le(local.count, 4) + name
            local += le(0x0403_4B50, 4) + common + name + data
        }
        let end = le(0x0605_4B50, 4) + le(0, 2) + le(0, 2) + le(entries.count, 2) + le(entries.count, 2)
            + le(central.count, 4) + le(local.count, 4) + le(0, 2)
        return local + central + end
    }

    static func document(_ body: String) -> String {
        #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
            + #"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" "#
            + #"xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>\#(body)</w:body></w:document>"#
    }

    static func docx(body: String, declaredSize: Int? = nil) -> [UInt8] {
        makeZip([("[Content_Types].xml", "<Types/>", nil), ("word/document.xml", document(body), declaredSize)])
    }

    static func failure(_ bytes: [UInt8]) -> WordDocumentError? {
        do { _ = try WordDocument.read(bytes); return nil } catch { return error }
    }

    static func isMalformed(_ error: WordDocumentError?) -> Bool {
        if case .malformedXML? = error { true } else { false }
    }

    @Test func libreOfficeDocumentHasTheParagraphsOfItsSource() throws {
        let document = try WordDocument.read(Self.fixture("doing-office-work-well.docx"))
        let source = try String(contentsOf: Self.folder.appendingPathComponent("doing-office-work-well.source.txt"), encoding: .utf8)
        let expected = source.trimmingCharacters(in: .newlines).components(separatedBy: "\n\n")
        #expect(document.paragraphs.count == 45)
        #expect(document.paragraphs == expected)
        #expect(document.text == expected.joined(separator: "\n"))
    }

    @Test func trackedChangesKeepInsertionsAndDropDeletions() throws {
        let paragraphs = try WordDocument.read(Self.fixture("tracked-changes.docx")).paragraphs
        try #require(paragraphs.count == 3)
        #expect(paragraphs[0].contains("实事求事"))
        #expect(!paragraphs[0].contains("推倭"))
        #expect(paragraphs[0] == "我们要坚持实事求事的原则，反对扯皮。")
        #expect(paragraphs[1] == "")
        #expect(paragraphs[2] == "工作中必须实事求事，不能弄虚作假。")
    }

    @Test func truncatedOrForeignFilesAreNotZipArchives() throws {
        let broken = try Self.fixture("broken.docx")
        #expect(Self.failure(broken) == .notAZipArchive)
        #expect(Self.failure([]) == .notAZipArchive)
        #expect(Self.failure(Array("实事求是，克己奉公。".utf8)) == .notAZipArchive)
    }

    @Test func oleCompoundFilesAreReportedAsEncrypted() {
        let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)
        #expect(Self.failure(ole) == .encrypted)
    }

    @Test func zipWithoutTheDocumentPartIsRejected() {
        #expect(Self.failure(Self.makeZip([("[Content_Types].xml", "<Types/>", nil), ("word/styles.xml", "<w:styles/>", nil)]))
                == .missingDocumentPart)
    }

    @Test func oversizedOrSuspiciouslyCompressedPartsAreRefused() throws {
        let body = "<w:p><w:r><w:t>实事求是</w:t></w:r></w:p>"
        #expect(Self.failure(Self.docx(body: body, declaredSize: 100 << 20)) == .tooLarge(100 << 20))
        // Under the size limit, but 2 MB claimed from a few hundred bytes.
        #expect(Self.failure(Self.docx(body: body, declaredSize: 2_000_000)) == .tooLarge(2_000_000))
        // A header claiming less than there is: the bytes, not the header, decide.
        let xml = Array(Self.document(body).utf8)
        #expect(Self.failure(Self.docx(body: body, declaredSize: 10)) == .tooLarge(xml.count))
        #expect(try WordDocument.read(Self.docx(body: body)).paragraphs == ["实事求是"])
    }

    @Test func entitiesAreDecoded() throws {
        let body = #"<w:p><w:r><w:t xml:space="preserve">A&amp;B &lt;&gt; &quot;&apos; &#x5B9E;&#20107;</w:t></w:r></w:p>"#
        #expect(try WordDocument.read(Self.docx(body: body)).paragraphs == [#"A&B <> "' 实事"#])
    }

    @Test func paragraphStructureFollowsTheNumberingScript() throws {
        let body = """
            <w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>\
            <w:r><w:t>甲</w:t><w:tab/><w:t>乙</w:t><w:br/><w:t>丙</w:t></w:r></w:p>\
            <w:p><w:r><w:instrText> PAGE </w:instrText></w:r><w:del><w:r><w:delText>删</w:delText></w:r></w:del>\
            <w:moveFrom><w:r><w:t>移走</w:t></w:r></w:moveFrom><w:ins><w:r><w:t>插入</w:t></w:r></w:ins>\
            <w:moveTo><w:r><w:t>移来</w:t></w:r></w:moveTo></w:p>\
            <w:p><w:r><w:t>框外</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>\
            <w:txbxContent><w:p><w:r><w:t>框内</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice>\
            <mc:Fallback><w:pict><w:p><w:r><w:t>旧框</w:t></w:r></w:p></w:pict></mc:Fallback></mc:AlternateContent></w:r>\
            <w:r><w:t>续</w:t></w:r></w:p>\
            <w:p/>\
            <x:p xmlns:x="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><x:r><x:t><![CDATA[a<b]]></x:t></x:r></x:p>\
            <w:p><w:r><w:t>行一\r\n行二</w:t></w:r></w:p>
            """
        let document = try WordDocument.read(Self.docx(body: body))
        #expect(document.paragraphs == ["甲\t乙 丙", "插入移来", "框外续", "框内", "", "a<b", "行一 行二"])
        #expect(document.text.split(separator: "\n", omittingEmptySubsequences: false).count == 7)
    }

    @Test func malformedXMLIsReported() {
        #expect(Self.isMalformed(Self.failure(Self.docx(body: "<w:p><w:r><w:t>x</w:r></w:p>"))))
        #expect(Self.isMalformed(Self.failure(Self.docx(body: "<w:p><w:r><w:t>&bogus;</w:t></w:r></w:p>"))))
        #expect(Self.isMalformed(Self.failure(Self.docx(body: "<w:p><w:r><w:t>x</w:t></w:r>"))))
        let doctype = #"<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaa">]><w:document/>"#
        #expect(Self.isMalformed(Self.failure(Self.makeZip([("word/document.xml", doctype, nil)]))))
    }

    @Test func errorsAreOneLine() {
        let errors: [WordDocumentError] = [.encrypted, .notAZipArchive, .missingDocumentPart, .tooLarge(1), .malformedXML("x")]
        for error in errors { #expect(!error.description.contains("\n")) }
    }
}
