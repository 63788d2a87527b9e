import Language
import VM

extension KernelCalls {
    /// ctx.read, readAll, write, cas, incr, region, link, neighbors, delete.
    static func context(_ call: KernelCall, _ args: [Value], _ handle: ThreadHandle) -> SyscallResult {
        let kernel = handle.kernel
        let thread = handle.thread
        guard let region = args[0].stringValue else { return typeError(call.name, "a region name", args[0]) }
        func key(_ index: Int) -> String? {
            index < args.count ? (args[index].stringValue ?? args[index].description) : nil
        }
        do {
            return try kernel.lock.withLock { () throws(KernelError) -> SyscallResult in
                switch call {
                case .ctxRead:
                    return .value(try kernel.contextRead(thread, region, key(1) ?? ""))
                case .ctxReadAll:
                    return .value(try kernel.contextReadAll(thread, region))
                case .ctxWrite:
                    let value = args[2]
                    return .value(
                        try kernel.contextUpdate(thread, region, key(1) ?? "") { _ in (value, .nil) })
                case .ctxDelete:
                    return .value(
                        try kernel.contextUpdate(thread, region, key(1) ?? "") { old in
                            (Value.nil, old ?? .nil)
                        })
                case .ctxCas:
                    let expected = args[2]
                    let new = args[3]
                    return .value(
                        try kernel.contextUpdate(thread, region, key(1) ?? "") { old in
                            (old ?? .nil) == expected ? (new, .bool(true)) : (nil, .bool(false))
                        })
                case .ctxIncr:
                    let step = args.count > 2 ? args[2].intValue : 1
                    guard let step else { throw KernelError.invalid("ctx.incr: the step must be an int") }
                    return .value(
                        try kernel.contextUpdate(thread, region, key(1) ?? "") { (old) throws(KernelError) in
                            let current: Int64
                            switch old {
                            case nil, .nil?: current = 0
                            case .int(let value)?: current = value
                            default:
                                throw KernelError.invalid(
                                    "ctx.incr: \(region).\(key(1) ?? "") holds a \(old?.typeName ?? "value"), not an int"
                                )
                            }
                            let (sum, overflow) = current.addingReportingOverflow(step)
                            guard !overflow else { throw KernelError.invalid("ctx.incr: integer overflow") }
                            return (.int(sum), .int(sum))
                        })
                case .ctxRegion:
                    var readers: [TID]?
                    var writers: [TID]?
                    var ttl: UInt64?
                    if args.count > 1 {
                        guard case .map(let options) = args[1] else {
                            throw KernelError.invalid("ctx.region: options must be a map")
                        }
                        readers = try tids(options["readers"], "readers")
                        writers = try tids(options["writers"], "writers")
                        if let ms = options["ttl"]?.intValue { ttl = UInt64(max(0, ms)) * 1_000_000 }
                    }
                    try kernel.contextSetACL(thread, region, readers: readers, writers: writers, ttl: ttl)
                    return .value(.nil)
                case .ctxLink:
                    try kernel.contextLink(thread, region, key(1) ?? "", key(2) ?? "")
                    return .value(.nil)
                case .ctxNeighbors:
                    return .value(try kernel.contextNeighbors(thread, region, key(1)))
                default:
                    return .fail(kind: "unsupported", message: "\(call.name) is not a context call")
                }
            }
        } catch {
            return .fail(kind: error.kind, message: error.description)
        }
    }

    private static func tids(_ value: Value?, _ field: String) throws(KernelError) -> [TID]? {
        guard let value else { return nil }
        guard case .list(let items) = value else {
            throw .invalid("ctx.region: \(field) must be a list of tids")
        }
        var result: [TID] = []
        for item in items {
            switch item {
            case .tid(let tid), .pid(let tid), .int(let tid): result.append(Int(tid))
            default: throw .invalid("ctx.region: \(field) must be a list of tids")
            }
        }
        return result
    }
}
