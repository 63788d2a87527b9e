/// The orchestrator language: lexer, parser, compiler to bytecode and disassembler.
///
/// This module knows nothing about the kernel: it turns `.orch` source text into a
/// ``Program`` of bytecode that the VM runs.
public enum LanguageInfo {
    /// The version of the bytecode format, printed by `disasm`.
    public static let bytecodeVersion = 1
}
