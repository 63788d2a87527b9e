extension RandomAccessCollection where Index == Int {
    /// The first index whose element satisfies `belongs` (binary search: the elements that
    /// satisfy it must all come after those that do not).
    func partitioningIndex(where belongs: (Element) -> Bool) -> Int {
        var low = startIndex
        var high = endIndex
        while low < high {
            let middle = low + (high - low) / 2
            if belongs(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
