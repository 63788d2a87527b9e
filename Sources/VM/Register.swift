import Language

extension Value {
    /// Whether the value holds no reference (so overwriting it needs no release).
    @inline(__always)
    var isScalar: Bool {
        switch self {
        case .nil, .bool, .int, .float, .pid, .tid: return true
        default: return false
        }
    }
}

extension UnsafeMutablePointer where Pointee == Value {
    /// Stores `value`, skipping the release of the old value when it is a scalar.
    @inline(__always)
    func store(_ value: consuming Value) {
        if pointee.isScalar {
            initialize(to: value)
        } else {
            pointee = value
        }
    }
}
