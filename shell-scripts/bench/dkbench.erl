%% The yardstick for `dkctl bench`: the same workloads on the BEAM, one line of JSON each
%% ({"workload", "params", "value", "unit"}, as `dkctl bench --json` prints them).
%% Run by compare.sh:  erl -noshell -pa DIR -run dkbench main WORKLOAD... -s init stop
%% Workloads: fib ring spawn fanout request pubsub incr.
%% paired-ring.py drives a ring lap by lap:  erl -noshell -pa DIR -run dkbench laps N M
-module(dkbench).
-export([main/1, fib/1, laps/1]).

%% Timed laps of the rings and the program spawns; the fastest counts (as dkctl bench does).
-define(LAPS, 3).

main(Names) ->
    Results = lists:append([run(list_to_atom(N)) || N <- Names]),
    io:format("[~s]~n", [lists:join(",", [json(R) || R <- Results])]).

json({Workload, Params, Value, Unit}) ->
    io_lib:format("{\"workload\":\"~s\",\"params\":\"~s\",\"value\":~.6g,\"unit\":\"~s\"}",
                  [Workload, Params, float(Value), Unit]).

%% Seconds that Fun takes.
seconds(Fun) ->
    T0 = erlang:monotonic_time(),
    Fun(),
    erlang:convert_time_unit(erlang:monotonic_time() - T0, native, microsecond) / 1.0e6.

run(fib) ->
    S = lists:min([seconds(fun() -> 832040 = fib(30) end) || _ <- lists:seq(1, 3)]),
    Calls = 2692537,
    [{fib, "n=30 best of 3", S, "s"}, {fib, "n=30 best of 3", Calls / S, "calls/s"}];
run(ring) ->
    [ring(10000, 100), ring(1000, 1000)];
run(spawn) ->
    N = 20000,
    Exits = lists:min([spawn_exit(100000) || _ <- lists:seq(1, 3)]),
    Spawns = lists:min([spawn_many(N) || _ <- lists:seq(1, ?LAPS)]),
    [{spawn, "n=100000 spawn-and-exit best of 3", Exits / 100000 * 1.0e6, "us/spawn"},
     {'spawn-program', "n=20000 best of 3", Spawns / N * 1.0e6, "us/spawn"}];
run(fanout) ->
    N = 10000,
    S = seconds(fun() -> fanout(N) end),
    [{fanout, "workers=10000", S, "s"}, {fanout, "workers=10000", S / N * 1.0e6, "us/worker"}];
run(request) ->
    N = 100000,
    {ok, Server} = gen_server:start(dkbench_server, [], []),
    S = seconds(fun() -> calls(Server, N) end),
    gen_server:stop(Server),
    [{request, "n=100000 gen_server:call", S / N * 1.0e6, "us/request"}];
run(pubsub) ->
    [pubsub(1000, 100)];
run(incr) ->
    N = 200000,
    T = ets:new(counters, [set, public]),
    ets:insert(T, {count, 0}),
    S = seconds(fun() -> incr_parallel(T, N, 8) end),
    [{incr, "n=200000 8 processes ets:update_counter", N / S, "incr/s"}].

fib(N) when N < 2 -> N;
fib(N) -> fib(N - 1) + fib(N - 2).

%% N processes in a ring pass a token M times round, in ?LAPS laps on the same ring; the
%% fastest lap counts. Spawning the ring is not timed.
ring(N, M) ->
    Self = self(),
    First = lists:foldl(fun(_, Next) -> spawn(fun() -> ring_node(Next) end) end, Self, lists:seq(1, N - 1)),
    S = lists:min([seconds(fun() -> rounds(First, M) end) || _ <- lists:seq(1, ?LAPS)]),
    First ! stop,
    receive stop -> ok end,
    Params = lists:flatten(io_lib:format("n=~b m=~b best of ~b laps", [N, M, ?LAPS])),
    {ring, Params, N * M / S, "hops/s"}.

%% A ring of N processes that runs a lap of M rounds for every "lap" line on standard input,
%% answering "done" (paired-ring.py times it against dkctl's lap by lap); "stop" or the end
%% of input ends it. Prints "ready" once the ring is wired.
laps([N, M]) ->
    Self = self(),
    Count = list_to_integer(N),
    First = lists:foldl(fun(_, Next) -> spawn(fun() -> ring_node(Next) end) end, Self,
                        lists:seq(1, Count - 1)),
    io:format("ready~n"),
    lap(First, list_to_integer(M)).

lap(First, M) ->
    case io:get_line("") of
        "lap\n" ->
            rounds(First, M),
            io:format("done~n"),
            lap(First, M);
        _ ->
            First ! stop,
            receive stop -> halt(0) end
    end.

rounds(_, 0) -> ok;
rounds(First, M) ->
    First ! M,
    receive M -> rounds(First, M - 1) end.

ring_node(Next) ->
    receive
        stop -> Next ! stop;
        Token -> Next ! Token, ring_node(Next)
    end.

%% Spawns N processes that each send one message and exit; seconds until all have run.
spawn_many(N) ->
    Self = self(),
    seconds(fun() ->
                    [spawn(fun() -> Self ! 1 end) || _ <- lists:seq(1, N)],
                    collect(N)
            end).

%% Spawns N processes that end at once; seconds until they have all gone (dkctl's `spawn`).
spawn_exit(N) ->
    Base = erlang:system_info(process_count),
    seconds(fun() ->
                    [spawn(fun() -> ok end) || _ <- lists:seq(1, N)],
                    gone(Base)
            end).

gone(Base) ->
    case erlang:system_info(process_count) > Base of
        true -> erlang:yield(), gone(Base);
        false -> ok
    end.

collect(0) -> ok;
collect(N) -> receive 1 -> collect(N - 1) end.

%% N worker processes square their index and send it back; the sum is collected. (dkctl's fanout
%% uses green threads of one process, `thread`/`join`; the BEAM's nearest thing is a process.)
fanout(N) ->
    Self = self(),
    [spawn(fun() -> Self ! {done, I * I} end) || I <- lists:seq(0, N - 1)],
    gather(N, 0).

gather(0, Sum) -> Sum;
gather(N, Sum) -> receive {done, V} -> gather(N - 1, Sum + V) end.

calls(_, 0) -> ok;
calls(Server, N) -> N = gen_server:call(Server, N), calls(Server, N - 1).

%% S subscribers get K messages each (the publisher sends to every subscriber, as pg does).
pubsub(S, K) ->
    Self = self(),
    Subs = [spawn(fun() -> subscriber(Self, K) end) || _ <- lists:seq(1, S)],
    Time = seconds(fun() ->
                           [[P ! {tick, I} || P <- Subs] || I <- lists:seq(1, K)],
                           collect_finished(S)
                   end),
    Params = lists:flatten(io_lib:format("subscribers=~b messages=~b", [S, K])),
    {pubsub, Params, S * K / Time, "deliveries/s"}.

subscriber(Publisher, 0) -> Publisher ! finished;
subscriber(Publisher, K) -> receive {tick, _} -> subscriber(Publisher, K - 1) end.

collect_finished(0) -> ok;
collect_finished(N) -> receive finished -> collect_finished(N - 1) end.

incr_parallel(T, N, P) ->
    Self = self(),
    [spawn(fun() -> incr(T, N div P), Self ! finished end) || _ <- lists:seq(1, P)],
    collect_finished(P).

incr(_, 0) -> ok;
incr(T, N) -> ets:update_counter(T, count, 1), incr(T, N - 1).
