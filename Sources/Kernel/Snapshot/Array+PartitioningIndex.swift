extension Array {
    /// The first index whose element satisfies `belongs` (binary search: the elements that
    /// satisfy it must all come after those that do not).
    func partitioningIndex(where belongs: (Element) -> Bool) -> Int {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if belongs(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
