/// "Did you mean" for mistyped rule ids and configuration keys.
public enum Spelling {
    /// The candidate nearest to `word` by edit distance (the first of equals), or nil when there are none.
    public static func closest(to word: String, in candidates: [String]) -> String? {
        candidates.min { editDistance($0, word) < editDistance($1, word) }
    }

    /// Levenshtein distance over characters.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var row = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var previous = row[0]
            row[0] = i
            for j in 1...max(b.count, 1) where !b.isEmpty {
                let current = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = current
            }
        }
        return row[b.count]
    }
}
