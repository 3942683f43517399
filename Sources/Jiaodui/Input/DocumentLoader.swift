/// The file formats Jiaodui reads, chosen by extension.
public enum DocumentFormat: String, Sendable, CaseIterable {
    case plainText = "text", markdown, word

    /// Extensions of the files a folder walk picks up.
    public static let extensions: [String: DocumentFormat] = ["txt": .plainText, "text": .plainText, "md": .markdown,
                                                              "markdown": .markdown, "docx": .word]

    /// The format of a path: by extension; a path without one (or stdin) is plain text; nil for
    /// an extension Jiaodui does not read.
    public init?(path: String) {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { self = .plainText; return }
        guard let format = Self.extensions[name[name.index(after: dot)...].lowercased()] else { return nil }
        self = format
    }
}

/// A document read and ready to check: its text, which parts are prose, and how to write it back.
public struct LoadedDocument: Sendable {
    public let format: DocumentFormat
    public let source: SourceText
    /// The text with non-prose blanked (Markdown), or nil when all of it is prose.
    public let prose: [UInt16]?
    /// How the text was decoded, for writing it back; nil for Word files, which are never rewritten.
    public let decoded: DecodedText?

    /// Reads the bytes of a file of the given format.
    public static func load(_ bytes: [UInt8], format: DocumentFormat, encoding: TextEncoding? = nil) throws -> LoadedDocument {
        switch format {
        case .word:
            let document = try WordDocument.read(bytes)
            return LoadedDocument(format: format, source: SourceText(document.text), prose: nil, decoded: nil)
        case .plainText, .markdown:
            let decoded = try TextDecoder.decode(bytes, forced: encoding)
            let source = SourceText(units: decoded.units)
            return LoadedDocument(format: format, source: source,
                                  prose: format == .markdown ? MarkdownProse.mask(decoded.units) : nil, decoded: decoded)
        }
    }
}
