import ZhText

/// What every rule reads: the document's prose as UTF-16, a Simplified copy for matching,
/// and tokens computed on demand for a window around each candidate, so that rules which need
/// no words cost no segmentation.
public final class DocumentContext {
    /// The original text with non-prose (code, URLs, markup) blanked to spaces of equal length,
    /// so every offset is an offset into the file's text.
    public let units: [UInt16]
    /// `units` with Traditional characters mapped to Simplified, character for character (same length).
    public let simplifiedUnits: [UInt16]
    /// Whether the document is written mainly in Traditional characters.
    public let isTraditional: Bool
    public let source: SourceText
    public let options: RuleOptions
    private let makeTokenizer: () -> Tokenizer?
    private var tokenizer: Tokenizer??
    private var windowTokens: [Range<Int>: [Token]] = [:]
    private var lexiconMatches: (lexicon: ObjectIdentifier, matches: [(range: Range<Int>, entry: Int)])?

    public init(source: SourceText, proseUnits: [UInt16]? = nil, options: RuleOptions = RuleOptions(),
                tokenizer: @escaping () -> Tokenizer? = { try? Tokenizer(mode: .fast) }) {
        self.source = source
        self.units = proseUnits ?? source.units
        let script = ScriptTable.shared
        let counts = script.scriptCounts(units)
        self.isTraditional = counts.traditional > counts.simplified
        self.simplifiedUnits = counts.traditional > 0 ? script.simplified(units, full: isTraditional) : units
        self.options = options
        self.makeTokenizer = tokenizer
    }

    public var count: Int { units.count }

    /// Tokens of the text around `range`: a window of its line reaching `margin` units to each side.
    /// Rules ask about a few candidates in long paragraphs; segmenting a window is enough to judge
    /// boundaries near its middle and far cheaper than the whole line.
    public func tokens(around range: Range<Int>, margin: Int = 16) -> [Token] {
        let line = source.lineRange(source.lineIndex(of: range.lowerBound))
        let window = max(line.lowerBound, range.lowerBound - margin)..<min(max(line.upperBound, range.upperBound), range.upperBound + margin)
        if let cached = windowTokens[window] { return cached }
        if tokenizer == nil { tokenizer = .some(makeTokenizer()) }
        var tokens: [Token] = []
        if let tokenizer = tokenizer ?? nil, !window.isEmpty {
            tokens = simplifiedUnits.withUnsafeBufferPointer { all in
                tokenizer.tokenize(UnsafeBufferPointer(rebasing: all[window])).map {
                    Token(range: ($0.range.lowerBound + window.lowerBound)..<($0.range.upperBound + window.lowerBound), kind: $0.kind, origin: $0.origin)
                }
            }
        }
        windowTokens[window] = tokens
        return tokens
    }

    /// Whether both ends of `range` fall on token boundaries (line ends count as boundaries).
    public func alignsWithTokens(_ range: Range<Int>) -> Bool {
        let tokens = tokens(around: range)
        var startOK = false, endOK = false
        for token in tokens {
            if token.range.lowerBound == range.lowerBound || token.range.upperBound == range.lowerBound { startOK = true }
            if token.range.upperBound == range.upperBound || token.range.lowerBound == range.upperBound { endOK = true }
        }
        let line = source.lineRange(source.lineIndex(of: range.lowerBound))
        if range.lowerBound == line.lowerBound { startOK = true }
        if range.upperBound >= line.upperBound { endOK = true }
        return startOK && endOK
    }

    /// The token that ends at `offset`, if one does.
    public func token(endingAt offset: Int) -> Token? {
        guard offset > 0 else { return nil }
        return tokens(around: (offset - 1)..<offset).first { $0.range.upperBound == offset }
    }

    /// The lexicon's matches in this document, computed once for all the rules that share the lexicon.
    public func matches(of lexicon: SubstitutionLexicon) -> [(range: Range<Int>, entry: Int)] {
        if let cached = lexiconMatches, cached.lexicon == ObjectIdentifier(lexicon) { return cached.matches }
        let matches = lexicon.matches(in: self)
        lexiconMatches = (ObjectIdentifier(lexicon), matches)
        return matches
    }

    /// Whether `range` sits inside paired marks opened earlier on its line: “…”, ‘…’, 「…」, 『…』,
    /// or (with `titles`) 《…》. Quoted words are someone else's; a title is cited as it is.
    public func isQuoted(_ range: Range<Int>, titles: Bool = true, quotes: Bool = true) -> Bool {
        let line = source.lineRange(source.lineIndex(of: range.lowerBound))
        var quoteDepth = 0, titleDepth = 0
        for i in line.lowerBound..<range.lowerBound {
            switch units[i] {
            case 0x201C, 0x2018, 0x300C, 0x300E: quoteDepth += 1
            case 0x201D, 0x2019, 0x300D, 0x300F: quoteDepth = max(0, quoteDepth - 1)
            case 0x300A: titleDepth += 1
            case 0x300B: titleDepth = max(0, titleDepth - 1)
            default: break
            }
        }
        return (quotes && quoteDepth > 0) || (titles && titleDepth > 0)
    }

    public func string(_ range: Range<Int>) -> String { String(utf16Units: units[range]) }
    public func simplifiedString(_ range: Range<Int>) -> String { String(utf16Units: simplifiedUnits[range]) }

    /// Makes a finding with its locations resolved.
    public func finding(_ rule: RuleDescription, range: Range<Int>, message: String, suggestions: [String] = [],
                        fix: FixSafety = .none, severity: Severity? = nil, category: Category? = nil) -> Finding {
        Finding(ruleID: rule.id, category: category ?? rule.category, severity: severity ?? options.severity(for: rule),
                range: range, start: source.location(of: range.lowerBound), end: source.location(of: range.upperBound),
                text: String(utf16Units: source.units[range]), message: message,
                suggestions: suggestions, fix: fix)
    }
}

/// Per-rule settings from the configuration: severity overrides and numeric thresholds.
public struct RuleOptions: Sendable {
    public var severities: [String: Severity] = [:]
    public var numbers: [String: [String: Double]] = [:]
    public init() {}

    public func severity(for rule: RuleDescription) -> Severity { severities[rule.id] ?? rule.severity }
    public func number(_ key: String, for rule: RuleDescription, default value: Double) -> Double {
        numbers[rule.id]?[key] ?? value
    }
}
