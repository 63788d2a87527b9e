/// How the scheduler chooses the next thread. Switchable while the kernel runs.
public enum SchedulingPolicy: String, Sendable, CaseIterable {
    /// Round-robin: first come, first served, one quantum each.
    case rr
    /// Lowest nice first; a waiting thread gains one level every ``RunQueue/agingPicks`` picks,
    /// so nothing starves.
    case priority
    /// Weighted fair sharing by virtual run time, like Linux CFS: a thread's share of
    /// reductions is proportional to its weight (nice 0 = 1024, each step ×1.25).
    case fair
}

/// Linux's `sched_prio_to_weight`: the weight of nice -20 … 19.
let niceWeights: [UInt64] = [
    88761, 71755, 56483, 46273, 36291, 29154, 23254, 18705, 14949, 11916,
    9548, 7620, 6100, 4904, 3906, 3121, 2501, 1991, 1586, 1277,
    1024, 820, 655, 526, 423, 335, 272, 215, 172, 137,
    110, 87, 70, 56, 45, 36, 29, 23, 18, 15,
]

/// The weight of a nice value (clamped to -20…19).
func weight(ofNice nice: Int) -> UInt64 {
    niceWeights[min(max(nice, -20), 19) + 20]
}
