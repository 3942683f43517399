/// The findings of one checked file, with the text they point into.
public struct FileReport: Sendable {
    public let path: String
    public let source: SourceText
    public let findings: [Finding]
    /// Lines are paragraphs (Word files): locations read `report.docx:¶12:5`.
    public let linesAreParagraphs: Bool
    public init(path: String, source: SourceText, findings: [Finding], linesAreParagraphs: Bool = false) {
        self.path = path
        self.source = source
        self.findings = findings
        self.linesAreParagraphs = linesAreParagraphs
    }

    /// `path:line:column`, or `path:¶paragraph:column` for Word files.
    public func location(_ at: SourceLocation) -> String {
        "\(path):\(linesAreParagraphs ? "¶" : "")\(at.line):\(at.column)"
    }
}

/// Turns reports into output. One reporter per file in `Output/`.
public protocol Reporter {
    /// The whole output for a run, written to stdout by the caller.
    func render(_ reports: [FileReport]) -> String
    /// The same output as UTF-8 bytes; reporters that build bytes skip making a string of them.
    func renderUTF8(_ reports: [FileReport]) -> [UInt8]
}

extension Reporter {
    public func renderUTF8(_ reports: [FileReport]) -> [UInt8] { Array(render(reports).utf8) }
}

/// Display width on a terminal: East Asian wide and full-width characters take two columns.
public enum DisplayWidth {
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x20 || (0x300...0x36F).contains(v) || v == 0x200B || (0xFE00...0xFE0F).contains(v) { return 0 }
        if (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
            || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
            || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
            || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v)
            || (0x1F900...0x1F9FF).contains(v) || (0x20000...0x3FFFD).contains(v) {
            return 2
        }
        return 1
    }

    public static func of(_ text: some StringProtocol) -> Int { text.unicodeScalars.reduce(0) { $0 + of($1) } }
}
