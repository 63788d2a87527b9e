/// The programs `dkctl bench` runs, embedded so the binary measures itself with no files.
/// Each is the same text as `shell-scripts/bench/NAME.orch` (the comparison script and a test
/// check that), so the `.orch` files can be read, run and compared with the Erlang versions.
enum BenchPrograms {
    /// `shell-scripts/bench/fib.orch`.
    static let fib = #"""
        // Naive Fibonacci for `dkctl bench fib` and compare.sh: calls and integer arithmetic in the VM.
        // Run it:  dkctl run shell-scripts/bench/fib.orch 30
        orchestrator benchfib version "1.0.0"

        fn main(args) {
          let n = int(args[0] ?? "30")
          print(fib(n))
          return 0
        }

        fn fib(n) {
          if n < 2 { return n }
          return fib(n - 1) + fib(n - 2)
        }
        """#

    /// `shell-scripts/bench/ring.orch`.
    static let ring = #"""
        // A ring of N processes (this one and N-1 nodes) passes a token M times round: N*M hops.
        // Run it:  dkctl run shell-scripts/bench/ring.orch 1000 100
        // A fourth argument L runs L laps of N*M hops on the same ring, each timed on its own:
        //          dkctl run shell-scripts/bench/ring.orch 1000 1000 - 3
        // With a third argument "phased" (as `dkctl bench ring` runs it) it tells its parent "ready"
        // once the ring is wired, starts each lap on "go" and sends "done" after its last hop.
        orchestrator benchring version "1.0.0"

        fn main(args) {
          if (args[0] ?? "") == "node" { return node() }
          let n = int(args[0] ?? "1000")
          let m = int(args[1] ?? "100")
          let phased = (args[2] ?? "") == "phased"
          let laps = int(args[3] ?? "1")
          var members = [self()]
          for i in 1..<n { members.append(spawn("benchring", ["node"])) }
          for i in 1..<n { send(members[i], members[(i + 1) % n]) }
          let next = members[1 % n]
          if phased { send(parent(), "ready") }
          for lap in 0..<laps {
            if phased { receive { "go" => {} } }
            let started = now()
            var rounds = 0
            while rounds < m {
              send(next, rounds)
              receive { _ => rounds += 1 }
            }
            if phased { send(parent(), "done") } else { print("\(n * m) hops in \(now() - started) ms") }
          }
          send(next, "stop")
          receive { "stop" => {} }
          return 0
        }

        // A ring member: learn the successor, then forward tokens until "stop" has gone round.
        fn node() {
          var next = nil
          receive { to => next = to }
          loop {
            receive {
              "stop" => {
                send(next, "stop")
                return 0
              }
              token => send(next, token)
            }
          }
        }
        """#

    /// `shell-scripts/bench/spawn.orch`.
    static let spawn = #"""
        // Spawns N processes of this program that exit at once (after one message to their parent,
        // so the parent knows they all ran). Run it:  dkctl run shell-scripts/bench/spawn.orch 1000
        // A third argument L spawns L batches of N, each timed on its own:
        //          dkctl run shell-scripts/bench/spawn.orch 1000 - 3
        // With a second argument "phased" (as `dkctl bench spawn-program` runs it) it tells its
        // parent "ready", starts each batch on "go" and sends "done" when all of its children have run.
        orchestrator benchspawn version "1.0.0"

        fn main(args) {
          if (args[0] ?? "") == "child" {
            send(parent(), 1)
            return 0
          }
          let n = int(args[0] ?? "1000")
          let phased = (args[1] ?? "") == "phased"
          let laps = int(args[2] ?? "1")
          if phased { send(parent(), "ready") }
          for lap in 0..<laps {
            if phased { receive { "go" => {} } }
            let started = now()
            for i in 0..<n { spawn("benchspawn", ["child"]) }
            var ran = 0
            while ran < n { receive { 1 => ran += 1 } }
            if phased { send(parent(), "done") } else { print("\(n) spawns in \(now() - started) ms") }
          }
          return 0
        }
        """#

    /// `shell-scripts/bench/fanout.orch`.
    static let fanout = #"""
        // Fan-out / fan-in: N green threads in this process, each squares its index; join them all.
        // Run it:  dkctl spawn --max-threads 20000 shell-scripts/bench/fanout.orch 10000
        // With a second argument "phased" (as `dkctl bench fanout` runs it) it tells its parent
        // "ready", starts on "go" and sends "done" when every result is back.
        orchestrator benchfanout version "1.0.0"

        fn main(args) {
          let n = int(args[0] ?? "1000")
          let phased = (args[1] ?? "") == "phased"
          if phased {
            send(parent(), "ready")
            receive { "go" => {} }
          }
          let started = now()
          var workers = []
          for i in 0..<n { workers.append(thread work(i)) }
          let total = sum(join(workers))
          if phased { send(parent(), "done") } else { print("\(n) workers, total \(total), \(now() - started) ms") }
          return 0
        }

        fn work(i) { return i * i }
        """#

    /// `shell-scripts/bench/pubsub.orch`.
    static let pubsub = #"""
        // Pub/sub fan-out: S subscriber processes on topic "bench.tick"; K messages published;
        // S*K deliveries. Run it:  dkctl run shell-scripts/bench/pubsub.orch 1000 100
        // With a third argument "phased" (as `dkctl bench pubsub` runs it) it tells its parent
        // "ready" once all have subscribed, starts on "go" and sends "done" when all got everything.
        orchestrator benchpubsub version "1.0.0"

        fn main(args) {
          if (args[0] ?? "") == "sub" { return subscriber(int(args[1])) }
          let s = int(args[0] ?? "1000")
          let k = int(args[1] ?? "100")
          let phased = (args[2] ?? "") == "phased"
          for i in 0..<s { spawn("benchpubsub", ["sub", str(k)]) }
          var ready = 0
          while ready < s { receive { "subscribed" => ready += 1 } }
          if phased {
            send(parent(), "ready")
            receive { "go" => {} }
          }
          let started = now()
          for i in 0..<k { publish("bench.tick", i) }
          var finished = 0
          while finished < s { receive { "finished" => finished += 1 } }
          if phased { send(parent(), "done") } else { print("\(s * k) deliveries in \(now() - started) ms") }
          return 0
        }

        // Counts K messages on the topic, then tells the publisher.
        fn subscriber(k) {
          subscribe("bench.tick")
          send(parent(), "subscribed")
          var got = 0
          while got < k { receive { _ => got += 1 } }
          send(parent(), "finished")
          return 0
        }
        """#

    /// `shell-scripts/bench/request.orch`.
    static let request = #"""
        // Request/reply round trips: K requests to a server process, one at a time.
        // Run it:  dkctl run shell-scripts/bench/request.orch 100000
        // With a second argument "phased" (as `dkctl bench request` runs it) it tells its parent
        // "ready", starts on "go" and sends "done" after the last reply.
        orchestrator benchrequest version "1.0.0"

        fn main(args) {
          if (args[0] ?? "") == "server" { return server() }
          let k = int(args[0] ?? "100000")
          let phased = (args[1] ?? "") == "phased"
          let server = spawn("benchrequest", ["server"])
          if phased {
            send(parent(), "ready")
            receive { "go" => {} }
          }
          let started = now()
          var i = 0
          while i < k { i = request(server, i, 5000) + 1 }
          if phased { send(parent(), "done") } else { print("\(k) round trips in \(now() - started) ms") }
          send(server, "stop")
          return 0
        }

        // Answers each request with its own payload.
        fn server() {
          loop {
            receive {
              {request: r, message: m} => reply(r, m)
              "stop" => return 0
            }
          }
        }
        """#

    /// `shell-scripts/bench/incr.orch`.
    static let incr = #"""
        // Shared-context counter: K `ctx.incr` calls on one key of the "coordination" region, from 8
        // threads of one process at once (contended).
        // Run it:  dkctl run shell-scripts/bench/incr.orch 100000
        // With a second argument "phased" (as `dkctl bench incr` runs it) it tells its parent
        // "ready", starts on "go" and sends "done" after the last increment.
        orchestrator benchincr version "1.0.0"

        fn main(args) {
          let k = int(args[0] ?? "100000")
          let phased = (args[1] ?? "") == "phased"
          if phased {
            send(parent(), "ready")
            receive { "go" => {} }
          }
          let started = now()
          var workers = []
          for t in 0..<8 {
            var n = k / 8
            if t < k % 8 { n += 1 }
            workers.append(thread bump(n))
          }
          join(workers)
          if phased { send(parent(), "done") } else { print("\(k) increments in \(now() - started) ms") }
          if ctx.read("coordination", "count") != k { return 1 }
          return 0
        }

        fn bump(n) {
          for i in 0..<n { ctx.incr("coordination", "count") }
          return 0
        }
        """#

    /// Every program by its file name, for the test that compares them with the files.
    static let all: [(file: String, source: String)] = [
        ("fib.orch", fib),
        ("ring.orch", ring),
        ("spawn.orch", spawn),
        ("fanout.orch", fanout),
        ("pubsub.orch", pubsub),
        ("request.orch", request),
        ("incr.orch", incr),
    ]
}
