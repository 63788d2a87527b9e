%% The gen_server of the `request` workload: answers each call with its own payload.
-module(dkbench_server).
-behaviour(gen_server).
-export([init/1, handle_call/3, handle_cast/2]).

init([]) -> {ok, nil}.
handle_call(Request, _From, State) -> {reply, Request, State}.
handle_cast(_Message, State) -> {noreply, State}.
