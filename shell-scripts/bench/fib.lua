-- Naive fib(n) for compare.sh, best of three runs; prints {"seconds": S} as JSON.
local function fib(n)
  if n < 2 then return n end
  return fib(n - 1) + fib(n - 2)
end

local n = tonumber(arg[1] or "30")
local seconds, result = math.huge, nil
for _ = 1, 3 do -- best of three, as dkctl bench fib
  local start = os.clock()
  result = fib(n)
  seconds = math.min(seconds, os.clock() - start)
end
assert(result == 832040 or n ~= 30)
print(string.format('{"seconds": %.6f}', seconds))
