import Foundation
import Subprocess
import SystemPackage

/// Runs the built `dkctl` binary and collects what it prints.
enum Dkctl {
    /// What one run printed and how it ended.
    struct Result {
        var status: Int32
        var output: String
        var error: String
        var lines: [String] {
            output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).dropLastEmpty()
        }
    }

    /// The package's root folder.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// `.build/debug/dkctl` next to the test bundle (or under the package's `.build`).
    static let binary: String = {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("dkctl").path
        if FileManager.default.isExecutableFile(atPath: beside) { return beside }
        return packageRoot.appendingPathComponent(".build/debug/dkctl").path
    }()

    /// Runs `dkctl ARGUMENTS` with `input` on standard input, in `directory` (default: the
    /// package's shell-scripts folder), killing it after `timeout`.
    static func run(
        _ arguments: [String], input: String = "", directory: String? = nil,
        environment: [String: String] = [:],
        timeout: Duration = .seconds(60), executable: String = Dkctl.binary
    ) async throws -> Result {
        let folder = directory ?? packageRoot.appendingPathComponent("shell-scripts").path
        var settings = ["NO_COLOR": "1", "TERM": "dumb"]
        settings.merge(environment) { _, new in new }
        let fixed = settings
        return try await withThrowingTaskGroup(of: Result?.self) { group in
            group.addTask {
                var options = PlatformOptions()
                options.teardownSequence = [.gracefulShutDown(allowedDurationToNextStep: .seconds(1))]
                let result = try await Subprocess.run(
                    .path(FilePath(executable)), arguments: Arguments(arguments),
                    environment: .inherit.updating(Dkctl.keys(fixed)),
                    workingDirectory: FilePath(folder), platformOptions: options, input: .string(input),
                    output: .string(limit: 8 << 20), error: .string(limit: 1 << 20))
                let status: Int32
                switch result.terminationStatus {
                case .exited(let code): status = code
                case .signaled(let signal): status = 128 + Int32(signal)
                }
                return Result(
                    status: status, output: result.standardOutput ?? "", error: result.standardError ?? "")
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let result = first else { throw TimedOut() }
            return result
        }
    }

    /// `dkctl -c TEXT` (deterministic unless told otherwise).
    static func commands(_ text: String, deterministic: Bool = true, extra: [String] = []) async throws
        -> Result
    {
        try await run((deterministic ? ["--deterministic", "--seed", "1"] : []) + extra + ["-c", text])
    }

    /// A session script's transcript: standard output and error interleaved as written.
    static func transcript(of script: String) async throws -> Result {
        try await run(
            ["-c", "\"$0\" --deterministic --seed 1 \"$1\" 2>&1", binary, script], executable: "/bin/sh")
    }

    struct TimedOut: Error {}

    private static func keys(_ settings: [String: String]) -> [Environment.Key: String?] {
        var result: [Environment.Key: String?] = [:]
        for (key, value) in settings { if let name = Environment.Key(rawValue: key) { result[name] = value } }
        return result
    }
}

extension Array where Element == String {
    fileprivate func dropLastEmpty() -> [String] {
        last == "" ? Array(dropLast()) : self
    }
}
