-- wrk script for tests/serve/load_test.sh: a mix of good, broken and oversized bodies, every
-- answer checked. The environment names the files: GOOD (a model), EXPECTED (the SVG the
-- command line draws of it), BROKEN (a model that cannot be read), COUNTS (where to write the
-- totals).
local function slurp(name)
  local f = assert(io.open(os.getenv(name), "rb"))
  local s = f:read("*a")
  f:close()
  return s
end

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  good, expected, broken = slurp("GOOD"), slurp("EXPECTED"), slurp("BROKEN")
  oversized = string.rep("<a>", 1500000)  -- 4.5 MB, over the 4 MiB limit
  n, ok, refused, too_large, busy, wrong = 0, 0, 0, 0, 0, 0
end

function request()
  n = n + 1
  local kind = n % 20
  local body = kind == 0 and oversized or (kind <= 4 and broken or good)
  return wrk.format("POST", "/render", {["Content-Type"] = "application/xml"}, body)
end

function response(status, headers, body)
  if status == 200 then
    if body == expected then ok = ok + 1 else wrong = wrong + 1 end
  elseif status == 400 or status == 422 then
    if body:find('"error"', 1, true) then refused = refused + 1 else wrong = wrong + 1 end
  elseif status == 413 then
    too_large = too_large + 1
  elseif status == 503 then
    busy = busy + 1
  else
    wrong = wrong + 1
  end
end

function done(summary, latency, requests)
  local t = {ok = 0, refused = 0, too_large = 0, busy = 0, wrong = 0}
  for _, thread in ipairs(threads) do
    for k, _ in pairs(t) do t[k] = t[k] + thread:get(k) end
  end
  local f = assert(io.open(os.getenv("COUNTS"), "w"))
  f:write(string.format("ok=%d refused=%d too_large=%d busy=%d wrong=%d socket_errors=%d p50_ms=%.2f p99_ms=%.2f\n",
    t.ok, t.refused, t.too_large, t.busy, t.wrong,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
  f:close()
end
