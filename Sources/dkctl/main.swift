import ArgumentParser
import Foundation
import Shell

/// Global options that take a value (so their value is not taken for a subcommand name).
let valuedOptions: Set<String> = [
    "--slots", "--policy", "--quantum", "--seed", "--allow-tool", "--path", "--max-processes", "-c",
]

/// Moves a subcommand name that follows global options to the front, so that
/// `dkctl --deterministic run prog` means `dkctl run --deterministic prog`.
func subcommandFirst(_ arguments: [String]) -> [String] {
    let subcommands: Set<String> = ["shell", "run", "check", "top", "bench", "help"]
    var index = 0
    while index < arguments.count {
        let word = arguments[index]
        if word == "--" { break }
        if word.hasPrefix("-") {
            index += valuedOptions.contains(word) ? 2 : 1
            continue
        }
        guard subcommands.contains(word), index > 0 else { break }
        var reordered = arguments
        reordered.remove(at: index)
        return [word] + reordered
    }
    return arguments
}

/// Parses the command line (usage errors exit 2, as every dkctl usage error does), runs the
/// chosen mode, and exits with its status.
func main() -> Int32 {
    let arguments = subcommandFirst(Array(CommandLine.arguments.dropFirst()))
    do {
        var command = try Dkctl.parseAsRoot(arguments)
        guard var mode = command as? Mode else {
            try command.run()  // --help of a subcommand, generated completion scripts
            return 0
        }
        return mode.execute()
    } catch {
        let code = Dkctl.exitCode(for: error)
        if code == .success {
            print(Dkctl.fullMessage(for: error))
            return 0
        }
        let message = UsageError.message(for: error, arguments: arguments)
        FileHandle.standardError.write(Data(("dkctl: " + message + "\n").utf8))
        return code == .validationFailure ? 2 : Int32(code.rawValue == 64 ? 2 : code.rawValue)
    }
}

MallocTuning.restartWithLargerCacheIfNeeded()
exit(main())
