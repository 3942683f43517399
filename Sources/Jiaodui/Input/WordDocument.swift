import Foundation
import ZIPFoundation

/// The text of a Word (.docx) document: one entry per paragraph of the main document part.
public struct WordDocument: Sendable {
    /// Paragraph texts in document order: every `w:p` of `word/document.xml`, as numbered by
    /// `scripts/docx_paragraphs.py`. `w:br`/`w:cr` become a space, so `text` keeps one line per paragraph.
    public let paragraphs: [String]
    /// The paragraphs joined with "\n": line N of this text is paragraph N.
    public var text: String { paragraphs.joined(separator: "\n") }

    static let maxSize = 64 << 20
    static let maxRatio: UInt64 = 1000  // deflate cannot do much better than 1032:1 on real data

    public static func read(_ bytes: [UInt8]) throws(WordDocumentError) -> WordDocument {
        // Password-protected .docx files and old .doc files are OLE compound files, not zips.
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { throw .encrypted }
        let entry: Entry
        do {
            let archive = try Archive(data: Data(bytes), accessMode: .read)
            // Part names are case-insensitive in OPC.
            guard let found = archive.first(where: { $0.type == .file && $0.path.lowercased() == "word/document.xml" })
            else { throw WordDocumentError.missingDocumentPart }
            entry = found
        } catch let error as WordDocumentError { throw error } catch { throw .notAZipArchive }
        let declared = entry.uncompressedSize
        guard declared <= UInt64(maxSize), declared / max(entry.compressedSize, 1) <= maxRatio else {
            throw .tooLarge(Int(clamping: declared))
        }
        guard let raw = storedBytes(of: Array(entry.path.utf8), count: entry.compressedSize, in: bytes) else {
            throw .notAZipArchive
        }
        let limit = Int(declared)
        var xml: [UInt8] = []
        var crc: CRC32
        if entry.isCompressed {
            // ZIPFoundation's zlib path (Linux) always asks for a whole buffer, reads that much
            // whatever it gets, ignores the entry's size and loops until the stream ends; so the
            // provider pads with zeros and fails once the entry's bytes are used up: a stream that
            // never ends cannot spin forever. Apple's path asks for 0 bytes at the end: give it none.
            do {
                crc = try Data.decompress(size: Int64(raw.count), bufferSize: 1 << 16, skipCRC32: false, provider: { position, size in
                    if size <= 0 { return Data() }
                    guard position >= 0, position < raw.count else { throw WordDocumentError.notAZipArchive }
                    let from = raw.startIndex + Int(position), wanted = min(size, 1 << 20)
                    var chunk = Data(raw[from..<min(from + wanted, raw.endIndex)])
                    if chunk.count < wanted { chunk.append(Data(count: wanted - chunk.count)) }
                    return chunk
                }, consumer: { data in
                    // The declared size is only a claim: stop as soon as the output goes past it.
                    guard xml.count + data.count <= limit else { throw WordDocumentError.tooLarge(xml.count + data.count) }
                    xml.append(contentsOf: data)
                })
            } catch let error as WordDocumentError { throw error } catch { throw .notAZipArchive }
        } else {
            guard raw.count <= limit else { throw .tooLarge(raw.count) }
            xml = Array(raw)
            crc = Data(raw).crc32(checksum: 0)
        }
        // ZIPFoundation reports 0 when it could not read a data descriptor: no checksum to compare.
        guard entry.checksum == 0 || crc == entry.checksum else { throw .notAZipArchive }
        var scanner = XMLScanner(xml)
        return WordDocument(paragraphs: try scanner.paragraphs())
    }

    /// The entry's bytes as stored: after its local header, found by signature and name, because
    /// ZIPFoundation does not expose where they are.
    static func storedBytes(of name: [UInt8], count: UInt64, in bytes: [UInt8]) -> ArraySlice<UInt8>? {
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        var start = 0
        while start + 30 + name.count <= bytes.count {
            if bytes[start] == 0x50, bytes[start..<start + 4].elementsEqual([0x50, 0x4B, 0x03, 0x04]), u16(start + 26) == name.count,
               bytes[start + 30..<start + 30 + name.count].elementsEqual(name) {
                let begin = start + 30 + name.count + u16(start + 28)
                guard count <= UInt64(bytes.count), begin <= bytes.count - Int(count) else { return nil }
                return bytes[begin..<begin + Int(count)]
            }
            start += 1
        }
        return nil
    }
}

/// Why a .docx could not be read; each is a one-line message for the user.
public enum WordDocumentError: Error, Equatable, Sendable, CustomStringConvertible {
    case encrypted
    case notAZipArchive
    case missingDocumentPart
    case tooLarge(Int)
    case malformedXML(String)

    public var description: String {
        switch self {
        case .encrypted: "not a Word document: the file is encrypted or in the old .doc format; save it as .docx"
        case .notAZipArchive: "not a Word document: the file is damaged, truncated or not a .docx"
        case .missingDocumentPart: "not a Word document: the .docx has no word/document.xml"
        case .tooLarge(let size): "the document is too large or suspiciously compressed: its text part would be \(size) bytes (at most 64 MiB)"
        case .malformedXML(let why): "the .docx is damaged: word/document.xml is not well-formed XML (\(why))"
        }
    }
}

/// Reads the paragraphs out of document.xml. A small scanner rather than XMLParser: FoundationXML's
/// libxml2 is not safe to run on parallel threads and is not meant for untrusted files.
private struct XMLScanner {
    enum Kind: Equatable { case paragraph, text, skip, char(UInt8), other }
    struct Frame { let name: ArraySlice<UInt8>; let kind: Kind; let namespaces: [String: String] }
    static let wordNamespaces: Set = ["http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                                      "http://purl.oclc.org/ooxml/wordprocessingml/main"]
    static let compatibility = "http://schemas.openxmlformats.org/markup-compatibility/2006"

    let xml: [UInt8]
    var i: Int
    init(_ xml: [UInt8]) { self.xml = xml; i = xml.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0 }

    func fail(_ why: String) -> WordDocumentError { .malformedXML("\(why) at byte \(i)") }
    func at(_ literal: String) -> Bool { xml[i...].starts(with: literal.utf8) }
    func find(_ literal: String) throws(WordDocumentError) -> Int {
        let pattern = Array(literal.utf8)
        var j = i
        while j + pattern.count <= xml.count {
            if xml[j..<j + pattern.count].elementsEqual(pattern) { return j }
            j += 1
        }
        throw fail("unterminated markup")
    }
    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    /// Which element this is; deleted or moved-away text, fallbacks for old readers and paragraph
    /// properties (whose `w:tab`s are tab stops, not tabs) are skipped whole.
    static func kind(_ namespace: String?, _ local: Substring) -> Kind {
        if namespace == compatibility { return local == "Fallback" ? .skip : .other }
        guard let namespace, wordNamespaces.contains(namespace) else { return .other }
        switch local {
        case "p": return .paragraph
        case "t": return .text
        case "del", "moveFrom", "pPr": return .skip
        case "tab": return .char(0x09)
        case "br", "cr": return .char(0x20)
        case "noBreakHyphen": return .char(0x2D)
        default: return .other
        }
    }

    /// Appends character data, decoding entities; line ends become spaces so that a paragraph is one line.
    func decode(_ raw: ArraySlice<UInt8>, entities: Bool = true, into out: inout [UInt8]) throws(WordDocumentError) {
        var j = raw.startIndex
        while j < raw.endIndex {
            let byte = raw[j]
            j += 1
            if byte == 0x0D, j < raw.endIndex, raw[j] == 0x0A { continue }  // XML reads CR LF as one line end
            guard entities, byte == 0x26 else { out.append(byte == 0x0A || byte == 0x0D ? 0x20 : byte); continue }
            guard let semicolon = raw[j...].prefix(12).firstIndex(of: 0x3B) else { throw fail("unterminated entity") }
            let name = String(decoding: raw[j..<semicolon], as: UTF8.self)
            j = semicolon + 1
            let named: [String: UInt32] = ["amp": 0x26, "lt": 0x3C, "gt": 0x3E, "quot": 0x22, "apos": 0x27]
            let value = named[name] ?? (name.hasPrefix("#x") ? UInt32(name.dropFirst(2), radix: 16)
                                        : name.hasPrefix("#") ? UInt32(name.dropFirst(), radix: 10) : nil)
            guard let value, value != 0, let scalar = Unicode.Scalar(value) else { throw fail("unknown entity &\(name);") }
            out.append(contentsOf: value == 0x0A || value == 0x0D ? [0x20] : Array(String(Character(scalar)).utf8))
        }
    }

    mutating func paragraphs() throws(WordDocumentError) -> [String] {
        var found: [[UInt8]] = [], open: [Int] = [], stack: [Frame] = [], skipping = 0, sawRoot = false
        while i < xml.count {
            if xml[i] != 0x3C {  // character data: kept only directly inside a live w:t
                let end = xml[i...].firstIndex(of: 0x3C) ?? xml.count
                if skipping == 0, stack.last?.kind == .text, let p = open.last { try decode(xml[i..<end], into: &found[p]) }
                i = end
            } else if at("<?") {
                i = try find("?>") + 2
            } else if at("<!--") {
                i = try find("-->") + 3
            } else if at("<![CDATA[") {
                let end = try find("]]>")
                if skipping == 0, stack.last?.kind == .text, let p = open.last {
                    try decode(xml[i + 9..<end], entities: false, into: &found[p])
                }
                i = end + 3
            } else if at("<!") {
                throw fail("document type declarations are not allowed")  // and with them entity bombs
            } else if at("</") {
                let end = try find(">")
                var nameEnd = end
                while nameEnd > i + 2, Self.isSpace(xml[nameEnd - 1]) { nameEnd -= 1 }
                guard let top = stack.popLast(), top.name.elementsEqual(xml[i + 2..<nameEnd]) else { throw fail("mismatched end tag") }
                if top.kind == .skip { skipping -= 1 } else if top.kind == .paragraph { open.removeLast() }
                i = end + 1
            } else {
                try startTag(&found, &open, &stack, &skipping)
                sawRoot = true
            }
        }
        guard sawRoot, stack.isEmpty else { throw fail("unexpected end of document") }
        return found.map { String(decoding: $0, as: UTF8.self) }
    }

    mutating func startTag(_ found: inout [[UInt8]], _ open: inout [Int], _ stack: inout [Frame],
                           _ skipping: inout Int) throws(WordDocumentError) {
        func scan(while condition: (UInt8) -> Bool) -> ArraySlice<UInt8> {
            let start = i
            while i < xml.count, condition(xml[i]) { i += 1 }
            return xml[start..<i]
        }
        i += 1
        let name = scan { !Self.isSpace($0) && $0 != 0x2F && $0 != 0x3E }
        guard !name.isEmpty else { throw fail("empty tag name") }
        var namespaces: [String: String] = [:], selfClosing = false
        while true {
            _ = scan(while: Self.isSpace)
            guard i < xml.count else { throw fail("unterminated tag") }
            if xml[i] == 0x3E { i += 1; break }
            if at("/>") { i += 2; selfClosing = true; break }
            let attribute = String(decoding: scan { !Self.isSpace($0) && $0 != 0x3D && $0 != 0x3E && $0 != 0x2F }, as: UTF8.self)
            _ = scan(while: Self.isSpace)
            guard !attribute.isEmpty, i + 1 < xml.count, xml[i] == 0x3D else { throw fail("malformed attribute") }
            i += 1
            _ = scan(while: Self.isSpace)
            guard i < xml.count, xml[i] == 0x22 || xml[i] == 0x27, let close = xml[(i + 1)...].firstIndex(of: xml[i])
            else { throw fail("malformed attribute value") }
            if attribute == "xmlns" || attribute.hasPrefix("xmlns:") {
                var value: [UInt8] = []
                try decode(xml[(i + 1)..<close], into: &value)
                namespaces[String(attribute.dropFirst(6))] = String(decoding: value, as: UTF8.self)
            }
            i = close + 1
        }
        var kind = Kind.other
        if skipping == 0 {
            let qualified = String(decoding: name, as: UTF8.self)
            let colon = qualified.firstIndex(of: ":")
            let prefix = colon.map { String(qualified[..<$0]) } ?? ""
            let local = colon.map { qualified[qualified.index(after: $0)...] } ?? qualified[...]
            let namespace = namespaces[prefix] ?? stack.reversed().lazy.compactMap { $0.namespaces[prefix] }.first
            kind = Self.kind(namespace, local)
        }
        switch kind {
        case .paragraph: found.append([]); if !selfClosing { open.append(found.count - 1) }
        case .char(let byte): if let p = open.last { found[p].append(byte) }
        case .skip: if !selfClosing { skipping += 1 }
        case .text, .other: break
        }
        if !selfClosing {
            guard stack.count < 1000 else { throw fail("elements nested too deeply") }
            stack.append(Frame(name: name, kind: kind, namespaces: namespaces))
        }
    }
}
