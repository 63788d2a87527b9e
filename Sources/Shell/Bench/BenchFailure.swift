/// Why a workload could not be measured: a program did not compile, ended badly or went
/// silent, or a binary was missing. `dkctl bench` prints it and goes on with the others.
struct BenchFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
