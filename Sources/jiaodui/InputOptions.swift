import ArgumentParser
import Foundation
import Jiaodui

/// Options shared by every command that reads documents.
struct InputOptions: ParsableArguments {
    @Option(name: .long, help: "Force the input encoding: utf-8 or gb18030 (also gbk). Default: detect.")
    var encoding: String?

    @Option(name: .long, help: "A user dictionary for the tokenizer: one word per line, optionally followed by a frequency.")
    var userDictionary: String?

    @Option(name: .long, help: "Tokenizer: icu (ICU's word break guides the dictionary search; most accurate) or fast (dictionary search alone, about three times faster).")
    var segmenter: Tokenizer.Mode = .icuGuided

    func forcedEncoding() throws -> TextEncoding? {
        guard let name = encoding else { return nil }
        guard let value = TextEncoding(name: name) else {
            throw ValidationError("unknown encoding '\(name)'; use utf-8 or gb18030")
        }
        return value
    }

    func loadUserDictionary() throws -> WordDictionary? {
        guard let path = userDictionary else { return nil }
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw CLIError("\(path): cannot read the user dictionary")
        }
        return try WordDictionary.userDictionary(text: text)
    }
}

/// A one-line error for the user; exits with status 2.
struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Reads a path, or standard input for "-", into decoded text.
func readInput(_ path: String, encoding: TextEncoding?) throws(CLIError) -> DecodedText {
    let bytes = try readBytes(path)
    do { return try TextDecoder.decode(bytes, forced: encoding) } catch {
        throw CLIError("\(path == "-" ? "<stdin>" : path): \(error)")
    }
}

/// Runs a command's set-up (options, configuration, dictionaries), turning any error into a
/// one-line error and exit status 2.
func setUp<T>(_ body: () throws -> T) -> T {
    do { return try body() } catch let error as CLIError {
        fail(error.description)
    } catch let error as ValidationError {
        fail(error.message)
    } catch {
        fail("\(error)")
    }
}

/// Prints a one-line error to stderr and exits with 2 (usage or input error).
func fail(_ message: String) -> Never {
    printError(message)
    exit(2)
}

/// Prints a one-line error to stderr.
func printError(_ message: String) {
    FileHandle.standardError.write(Data("jiaodui: error: \(message)\n".utf8))
}

extension Tokenizer.Mode: ExpressibleByArgument {}
