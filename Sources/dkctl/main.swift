import ArgumentParser
import Foundation

/// Parses the command line (usage errors exit 2, as every dkctl usage error does), runs the
/// chosen mode, and exits with its status.
func main() -> Int32 {
    do {
        var command = try Dkctl.parseAsRoot(Array(CommandLine.arguments.dropFirst()))
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
        FileHandle.standardError.write(Data(("dkctl: " + Dkctl.message(for: error) + "\n").utf8))
        return code == .validationFailure ? 2 : Int32(code.rawValue == 64 ? 2 : code.rawValue)
    }
}

exit(main())
