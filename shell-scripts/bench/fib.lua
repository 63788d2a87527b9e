-- Naive fib(n) for compare.sh; prints {"seconds": S} as JSON.
local function fib(n)
  if n < 2 then return n end
  return fib(n - 1) + fib(n - 2)
end

local n = tonumber(arg[1] or "30")
local start = os.clock()
local result = fib(n)
local seconds = os.clock() - start
assert(result == 832040 or n ~= 30)
print(string.format('{"seconds": %.6f}', seconds))
