import ArgumentParser
import Foundation
import Jiaodui

struct TokenizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokenize",
        abstract: "Split a document into words.",
        discussion: """
            Prints the tokens of each input line separated by single spaces, one output line per \
            input line (whitespace tokens are left out), so the output can be scored against a \
            segmentation gold file. With --format json, prints every token with its UTF-16 range, \
            line, column, kind and origin (icu or lexicon).
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "The file to read, or - for standard input.")
    var file: String = "-"

    @Option(name: .long, help: "Output format: text or json.")
    var format: Format = .text

    @OptionGroup var input: InputOptions

    func run() throws {
        let decoded: DecodedText
        let tokenizer: Tokenizer
        do {
            decoded = try readInput(file, encoding: try input.forcedEncoding())
            tokenizer = try Tokenizer(userDictionary: try input.loadUserDictionary(), mode: input.segmenter)
        } catch let error as CLIError {
            fail(error.description)
        }
        let source = SourceText(units: decoded.units)
        let tokens = tokenizer.tokenize(source.units)
        var out = OutputBuffer()
        switch format {
        case .text:
            var first = true
            for token in tokens {
                if token.kind == .whitespace {
                    // A line break ends the output line; other whitespace only separates.
                    var k = token.range.lowerBound
                    while k < token.range.upperBound {
                        let u = source.units[k]
                        if u == 0x0A || (u == 0x0D && !(k + 1 < token.range.upperBound && source.units[k + 1] == 0x0A)) {
                            out.write("\n")
                            first = true
                        }
                        k += 1
                    }
                    continue
                }
                if !first { out.write(" ") }
                out.write(source.units[token.range])
                first = false
            }
            if !first { out.write("\n") }
        case .json:
            out.write("{\"tokens\":[")
            for (i, token) in tokens.enumerated() {
                let location = source.location(of: token.range.lowerBound)
                if i > 0 { out.write(",") }
                out.write("\n{\"text\":")
                out.write(JSONText.quoted(source.string(token.range)))
                out.write(",\"offset\":\(token.range.lowerBound),\"length\":\(token.range.count)")
                out.write(",\"line\":\(location.line),\"column\":\(location.column)")
                out.write(",\"kind\":\"\(token.kind.rawValue)\",\"origin\":\"\(token.origin.rawValue)\"}")
            }
            out.write("\n]}\n")
        }
        out.flush()
    }
}

/// Buffered UTF-8 output to stdout: printing token by token through `print` is far too slow.
struct OutputBuffer {
    private var bytes: [UInt8] = []
    init() { bytes.reserveCapacity(1 << 16) }
    mutating func write(_ s: String) {
        bytes.append(contentsOf: s.utf8)
        if bytes.count >= 1 << 16 { flush() }
    }
    mutating func write(_ utf8: [UInt8]) {
        bytes.append(contentsOf: utf8)
        if bytes.count >= 1 << 16 { flush() }
    }
    mutating func write(_ units: ArraySlice<UInt16>) {
        units.withUnsafeBufferPointer { UTF8Transcoding.append($0, to: &bytes) }
        if bytes.count >= 1 << 16 { flush() }
    }
    mutating func flush() {
        bytes.withUnsafeBufferPointer { b in
            var done = 0
            while done < b.count {
                let n = Foundation.write(1, b.baseAddress! + done, b.count - done)
                if n <= 0 { break }
                done += n
            }
        }
        bytes.removeAll(keepingCapacity: true)
    }
}
