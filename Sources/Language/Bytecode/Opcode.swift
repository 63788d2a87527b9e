/// The instruction set. `R[x]` is register x of the current frame, `K[x]` constant x of the
/// function, `sbx` the signed 32-bit operand made of `b` and `c`. A "test" instruction is always
/// followed by a `jmp`: when its condition holds it takes that jump (`donext`), otherwise it skips it.
public enum Opcode: UInt8, Sendable, CaseIterable {
    /// `R[a] = R[b]`
    case move
    /// `R[a] = K[bx]`
    case loadk
    /// `R[a] = int(sbx)`
    case loadi
    /// `R[a ..< a+b] = nil`
    case loadnil
    /// `R[a] = bool(b != 0)`
    case loadbool
    /// `R[a] = function b (no captures)`
    case function
    /// `R[a] = closure of function b capturing R[c ..< c + captures]`
    case closure
    /// `R[a] = R[b] + R[c]` (ints, floats, string/list concatenation, map merge)
    case add
    /// `R[a] = R[b] - R[c]`
    case sub
    /// `R[a] = R[b] * R[c]`
    case mul
    /// `R[a] = R[b] / R[c]` (ints truncate; division by zero is an `arith` error)
    case div
    /// `R[a] = R[b] % R[c]`
    case mod
    /// `R[a] = R[b] + K[c]`
    case addk
    /// `R[a] = R[b] - K[c]`
    case subk
    /// `R[a] = R[b] * K[c]`
    case mulk
    /// `R[a] = R[b] / K[c]`
    case divk
    /// `R[a] = R[b] % K[c]`
    case modk
    /// `R[a] = R[b] < R[c]`
    case lt
    /// `R[a] = R[b] <= R[c]`
    case le
    /// `R[a] = R[b] == R[c]` (deep)
    case eq
    /// `R[a] = R[b] != R[c]` (deep)
    case ne
    /// `R[a] = -R[b]`
    case neg
    /// `R[a] = !truthy(R[b])`
    case not
    /// `pc += sbx`
    case jmp
    /// test: `(R[b] < R[c]) == (a != 0)`
    case jlt
    /// test: `(R[b] <= R[c]) == (a != 0)`
    case jle
    /// test: `(R[b] == R[c]) == (a != 0)`
    case jeq
    /// test: `(R[b] < K[c]) == (a != 0)`
    case jltk
    /// test: `(R[b] <= K[c]) == (a != 0)`
    case jlek
    /// test: `(R[b] > K[c]) == (a != 0)`
    case jgtk
    /// test: `(R[b] >= K[c]) == (a != 0)`
    case jgek
    /// test: `(R[b] == K[c]) == (a != 0)`
    case jeqk
    /// test: `truthy(R[b]) == (a != 0)`
    case jtest
    /// test: `R[b] != nil`
    case jnotnil
    /// `R[a] = [R[b] ..< R[b+c]]`
    case newlist
    /// `R[a] = {R[b]: R[b+1], ...}` with c pairs
    case newmap
    /// `R[a] = R[b][R[c]]` (list index out of range is an `index` error; missing map key is nil)
    case index
    /// `R[a] = R[b][R[c]]`, nil when out of range or not indexable (left of `??`)
    case indexsafe
    /// `R[a] = R[b][c]` (c an immediate list index; used by list patterns)
    case indexi
    /// `R[a] = R[b].K[c]` (nil when the key is missing)
    case field
    /// `R[a][R[b]] = R[c]` (in place, copy-on-write)
    case setindex
    /// `R[a].K[b] = R[c]` (in place, copy-on-write)
    case setfield
    /// `R[a][R[b]]...[R[b+c-1]] = R[b+c]`: nested assignment in place
    case setpath
    /// `R[b] = builtin (c & 255) (inout R[a][keys...], args)`: args `R[b+1 ...]`, then `c >> 8` keys
    case mutpath
    /// `R[a] = call function c with R[a+1 ..< a+1+b]`
    case call
    /// `R[a] = call the function value R[a] with R[a+1 ..< a+1+b]`
    case callv
    /// `R[a] = builtin c (R[a+1 ..< a+1+b])`
    case builtin
    /// `R[b] = builtin c (inout R[a], R[b+1 ...])`: a mutating method on a variable
    case mutate
    /// `R[a] = kernel call c (R[a+1 ..< a+1+b])`; may block the thread
    case syscall
    /// `R[a] = send(R[b], R[c])`: the most frequent kernel call, its arguments read in place
    /// (no moves into a call frame); may block the thread
    case send
    /// `return R[a]`
    case ret
    /// `return nil`
    case retnil
    /// `R[a] = iterable R[b]; R[a+1] = 0` (lists, maps, strings)
    case iterprep
    /// test (exhausted): else `R[b] = next element (or key); R[c] = value (maps) / element (lists, R[b] = index)`
    case iternext
    /// `R[a], R[a+1]` = int range start, end (b = 1: end inclusive); test: empty range; else `R[a+2] = R[a]`
    case forprep
    /// `R[a] += 1; if R[a] < R[a+1] { R[a+2] = R[a]; pc += sbx }`
    case forloop
    /// push a handler: on error `R[a] = error map`, `pc += sbx`
    case tryenter
    /// pop the innermost handler
    case tryexit
    /// raise `R[a]` as an error
    case throwvalue
    /// `R[a] = str(R[b]) + ... + str(R[b+c-1])` (string interpolation)
    case concat
    /// test (no message): else `R[a]` = message at mailbox index `R[b]`
    case recvpeek
    /// remove the message at mailbox index `R[b]` (it matched); if another thread of the
    /// process took it first, `R[b] = 0` and rescan: go back `a << 16 | c` instructions
    case recvtake
    /// `R[a]` = wait for a new message, at most `R[b]` ms (nil, or b = `Instruction.noRegister`: forever);
    /// may block. true: scan on; false: timed out; an int: rescan from there
    case recvwait
    /// test (timed out): `R[a]` is what `recvwait` got; if it is an int, the host asked to rescan
    /// from there: `R[b] = R[a]`; takes the jump (back to the scan) unless `R[a]` is false
    case recvcursor
    /// `R[a]` = the first message, taken from the mailbox: a `receive` one of whose clauses takes
    /// any message, so the first one always matches (the clauses only choose the body). With
    /// none, parks the thread and runs again when one arrives (the wake-up's answer lands in
    /// `R[a]` meanwhile)
    case recvfirst
    /// test (not a list of exactly c elements): checks `R[b]`
    case matchlist
    /// test (not a map): checks `R[b]`
    case matchmap
    /// test (key K[c] missing in map R[b]): else `R[a] = R[b][K[c]]`
    case matchkey
    /// do nothing
    case nop
}
