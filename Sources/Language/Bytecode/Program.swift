import Synchronization

/// A compiled function: flat instruction array, constant pool and line table.
///
/// Immutable after creation; the code and constants are also kept in raw buffers that the VM
/// reads without bounds checks or reference counting (`@unchecked Sendable`: never mutated).
public final class Function: @unchecked Sendable {
    /// The function's name (`fn@LINE:COL` for anonymous functions).
    public let name: String
    /// Index in the program's function table.
    public let index: Int
    /// Number of parameters.
    public let arity: Int
    /// Number of captured values (closures); they follow the parameters in the registers.
    public let captureCount: Int
    /// Registers the function needs (parameters, captures, locals and temporaries).
    public let registerCount: Int
    /// The bytecode.
    public let instructions: [Instruction]
    /// The constant pool.
    public let constants: [Value]
    /// Source position of every instruction (parallel to `instructions`).
    public let locations: [SourceLocation]
    /// Raw copy of `instructions` for the VM's dispatch loop.
    package let code: UnsafeMutablePointer<Instruction>
    /// Raw copy of `constants` for the VM's dispatch loop.
    package let constantPointer: UnsafeMutablePointer<Value>

    /// Creates a function; `locations` must be as long as `instructions`. Package-only: the VM
    /// trusts the bytecode (register and constant indexes), so only this package's compilers build it.
    package init(
        name: String, index: Int, arity: Int, captureCount: Int, registerCount: Int,
        instructions: [Instruction], constants: [Value], locations: [SourceLocation]
    ) {
        self.name = name
        self.index = index
        self.arity = arity
        self.captureCount = captureCount
        self.registerCount = registerCount
        self.instructions = instructions
        self.constants = constants
        self.locations = locations
        code = .allocate(capacity: max(instructions.count, 1))
        code.initialize(from: instructions, count: instructions.count)
        constantPointer = .allocate(capacity: max(constants.count, 1))
        constantPointer.initialize(from: constants, count: constants.count)
    }

    deinit {
        code.deinitialize(count: instructions.count)
        code.deallocate()
        constantPointer.deinitialize(count: constants.count)
        constantPointer.deallocate()
    }

    /// The source line of the instruction at `pc` (0 if out of range).
    public func line(at pc: Int) -> Int { locations.indices.contains(pc) ? locations[pc].line : 0 }
}

/// What the VM's dispatch loop needs about a function: trivial data only (no reference counting).
package struct FunctionInfo {
    package var code: UnsafeMutablePointer<Instruction>
    package var constants: UnsafeMutablePointer<Value>
    package var registerCount: Int
    package var arity: Int
    package var captureCount: Int
}

/// A compiled program: its header and its functions. Immutable and shareable between threads
/// (`@unchecked Sendable`: the raw function table is written only in `init`), apart from a
/// locked cache of the last argument list given to `main`.
public final class Program: @unchecked Sendable {
    /// The executable's name from the header.
    public let name: String
    /// The semantic version from the header (`"1.2.0"`).
    public let version: String
    /// orchestrator, service or tool.
    public let kind: ProgramKind
    /// The source file name given to the compiler.
    public let file: String
    /// All functions: top-level ones first (in source order), then anonymous ones.
    public let functions: [Function]
    private let indexByName: [String: Int]
    /// The functions' code and constants, indexed like `functions`, for the VM.
    package let table: UnsafeMutablePointer<FunctionInfo>
    /// The last argument list given to `main` (see `argumentList(_:)`).
    let lastArguments = Mutex<ArgumentList?>(nil)

    /// Creates a program (package-only, like `Function.init`).
    package init(name: String, version: String, kind: ProgramKind, file: String, functions: [Function]) {
        self.name = name
        self.version = version
        self.kind = kind
        self.file = file
        self.functions = functions
        var index: [String: Int] = [:]
        for f in functions where index[f.name] == nil { index[f.name] = f.index }
        indexByName = index
        mainIndex = index["main"]
        main = mainIndex.map { functions[$0] }
        table = .allocate(capacity: max(functions.count, 1))
        for (i, f) in functions.enumerated() {
            (table + i).initialize(
                to: FunctionInfo(
                    code: f.code, constants: f.constantPointer, registerCount: f.registerCount,
                    arity: f.arity,
                    captureCount: f.captureCount))
        }
    }

    deinit {
        table.deinitialize(count: functions.count)
        table.deallocate()
    }

    /// The index of the function named `name`.
    public func functionIndex(named name: String) -> Int? { indexByName[name] }

    /// The function named `name`.
    public func function(named name: String) -> Function? {
        indexByName[name].map { functions[$0] }
    }

    /// The `main` function, if any (looked up once: every spawn of the program asks).
    public let main: Function?
    /// The index of ``main`` in ``functions``: a new thread reads its entry in ``table``,
    /// which costs no retain and release of the `Function` object.
    package let mainIndex: Int?
}
