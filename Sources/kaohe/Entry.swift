import ArgumentParser
import Foundation
import KaoheCore

/// Runs `kaohe` with the exit statuses of cli.md: 0 success, 1 invalid data, 2 wrong usage.
@main
enum Entry {
    static func main() {
        do {
            var command = try Kaohe.parseAsRoot()
            try command.run()
        } catch let error as DatasetError {
            Console.error(error.problems.map(\.description).joined(separator: "\n"))
            exit(ExitStatus.invalidData)
        } catch let code as ExitCode {
            exit(code.rawValue)
        } catch let error as CommandFailure {
            Console.error("kaohe: \(error.message)")
            exit(error.status)
        } catch {
            let code = Kaohe.exitCode(for: error)
            if code == .success {
                print(Kaohe.fullMessage(for: error))
                exit(0)
            }
            Console.error(Kaohe.fullMessage(for: error))
            // ArgumentParser says 64 (EX_USAGE) for usage errors; cli.md says 2.
            exit(code == .validationFailure ? ExitStatus.usage : code.rawValue)
        }
    }
}

/// The exit statuses of cli.md.
enum ExitStatus {
    static let invalidData: Int32 = 1
    static let usage: Int32 = 2
}

/// A command that cannot do what it was asked, with the message and exit status to end on.
struct CommandFailure: Error {
    var message: String
    var status: Int32 = ExitStatus.invalidData
}

/// Writes to standard error and standard output without Foundation's buffering surprises.
enum Console {
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static func output(_ text: String) {
        FileHandle.standardOutput.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    /// `text` as it is, for output written in pieces.
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
