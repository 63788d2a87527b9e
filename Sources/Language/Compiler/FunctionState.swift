/// A variable visible in the function being compiled.
struct LocalVariable {
    var name: String
    var register: Int
    var mutable: Bool
}

/// What `break` and `continue` need to know about the innermost loop.
struct LoopContext {
    var breakJumps: [Int] = []
    var continueJumps: [Int] = []
    /// Where `continue` jumps, when known before the body (while, loop, for-in).
    var continueTarget: Int?
    /// The try-nesting depth at the loop, to pop handlers on break/continue.
    var tryDepth: Int
}

/// A constant-pool key: the type tag keeps `1` and `1.0` apart.
struct ConstantKey: Hashable {
    var tag: String
    var value: Value
}

/// The state of one function while it is compiled: code, constants, scopes and registers.
final class FunctionState {
    let name: String
    let index: Int
    let arity: Int
    let parent: FunctionState?
    var captures: [String] = []
    var code: [Instruction] = []
    var locations: [SourceLocation] = []
    var constants: [Value] = []
    var constantIndex: [ConstantKey: Int] = [:]
    var scopes: [[LocalVariable]] = [[]]
    var freeRegister = 0
    var maxRegister = 0
    var loops: [LoopContext] = []
    var tryDepth = 0
    var location = SourceLocation(line: 0, column: 0)
    /// Registers available to one function (operands are 16 bits).
    static let registerLimit = 4000
    var overflowed = false

    init(name: String, index: Int, arity: Int, parent: FunctionState?) {
        self.name = name
        self.index = index
        self.arity = arity
        self.parent = parent
    }

    /// Emits an instruction at the current source location; returns its pc.
    @discardableResult
    func emit(_ i: Instruction) -> Int {
        code.append(i)
        locations.append(location)
        return code.count - 1
    }

    /// Emits a jump to be patched; returns its pc.
    func emitJump() -> Int { emit(Instruction(.jmp, 0, sbx: 0)) }

    /// Emits a test instruction and its jump; returns the jump's pc.
    func emitTest(_ op: Opcode, _ a: Int, _ b: Int, _ c: Int = 0) -> Int {
        emit(Instruction(op, a, b, c))
        return emitJump()
    }

    /// Points the jump at `pc` to `target`.
    func patch(_ pc: Int, to target: Int) {
        let old = code[pc]
        code[pc] = Instruction(old.op, Int(old.a), sbx: Int32(clamping: target - (pc + 1)))
    }

    /// Points the jump at `pc` to the next instruction.
    func patchHere(_ pc: Int) { patch(pc, to: code.count) }

    /// Emits a jump back to `target`.
    func emitJump(to target: Int) {
        let pc = emitJump()
        patch(pc, to: target)
    }

    /// Index of `value` in the constant pool.
    func constant(_ value: Value) -> Int {
        let key = ConstantKey(tag: value.typeName, value: value)
        if let i = constantIndex[key] { return i }
        constants.append(value)
        constantIndex[key] = constants.count - 1
        return constants.count - 1
    }

    /// Allocates a temporary register.
    func allocate(_ n: Int = 1) -> Int {
        let r = freeRegister
        freeRegister += n
        if freeRegister > maxRegister { maxRegister = freeRegister }
        if freeRegister > FunctionState.registerLimit {
            overflowed = true
            freeRegister = FunctionState.registerLimit
        }
        return r
    }

    /// Declares a variable in the innermost scope at register `register`.
    func declare(_ name: String, register: Int, mutable: Bool) {
        scopes[scopes.count - 1].append(LocalVariable(name: name, register: register, mutable: mutable))
    }

    /// Finds a variable of this function.
    func lookup(_ name: String) -> LocalVariable? {
        for scope in scopes.reversed() {
            if let v = scope.last(where: { $0.name == name }) { return v }
        }
        return nil
    }

    /// Whether `name` is a variable here or in an enclosing function.
    func resolvesInChain(_ name: String) -> Bool {
        var f: FunctionState? = self
        while let s = f {
            if s.lookup(name) != nil { return true }
            f = s.parent
        }
        return false
    }

    /// The register just past the innermost scope's variables.
    var scopeTop: Int {
        var top = 0
        for scope in scopes {
            for v in scope where v.register + 1 > top { top = v.register + 1 }
        }
        return top
    }

    func pushScope() { scopes.append([]) }

    func popScope() {
        scopes.removeLast()
        freeRegister = max(scopeTop, arity + captures.count)
    }
}
