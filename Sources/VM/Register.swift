import Language

extension UnsafeMutablePointer where Pointee == Value {
    /// Stores `value`, skipping the release of the old value when it is a scalar.
    @inline(__always)
    func store(_ value: consuming Value) {
        if _fastPath(pointee.isScalar) {
            initialize(to: value)
        } else {
            replace(with: value)
        }
    }

    /// `pointee = value`, out of line: the release of the old value is a call, and kept apart
    /// the dispatch loop's paths through `store` need not keep their locals in callee-saved
    /// registers (or move them there) around it.
    @inline(never)
    func replace(with value: consuming Value) {
        pointee = value
    }

    /// Copies the value at `source` here; when neither value holds a reference this is a plain
    /// copy of bytes, without the outlined copy and destroy of a `Value`.
    @inline(__always)
    func assign(from source: UnsafeMutablePointer<Value>) {
        if pointee.isScalar, source.pointee.isScalar {
            UnsafeMutableRawPointer(self).copyMemory(from: source, byteCount: MemoryLayout<Value>.size)
        } else {
            pointee = source.pointee
        }
    }

    /// `pointee == other.pointee`; false at once, without copying either value, when only one
    /// of them is a scalar (a scalar never equals a string, list, map or function).
    @inline(__always)
    func equals(_ other: UnsafeMutablePointer<Value>) -> Bool {
        guard pointee.isScalar == other.pointee.isScalar else { return false }
        return pointee == other.pointee
    }
}
