-- wrk script for the Kring benchmarks (bench/harness.py runs it).
-- Arguments after "--": an optional file with one Cookie header value per line; requests rotate
-- through them, so a page is measured as many signed-in people instead of one.
-- Counts every status code per thread (wrk itself counts 3xx as success; we do not) and prints
-- one line "BENCH_JSON {...}" with the figures at the end.

local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("offset", counter)
  table.insert(threads, thread)
end

function init(args)
  statuses = {}
  cookies = {}
  if args[1] ~= nil and args[1] ~= "" then
    for line in io.lines(args[1]) do
      if line ~= "" then table.insert(cookies, line) end
    end
  end
  position = offset or 0
end

function request()
  if #cookies == 0 then
    return wrk.format()
  end
  position = position + 1
  return wrk.format(nil, nil, { Cookie = cookies[(position % #cookies) + 1] })
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local merged = {}
  for _, thread in ipairs(threads) do
    local counts = thread:get("statuses")
    for code, n in pairs(counts) do
      merged[code] = (merged[code] or 0) + n
    end
  end
  local parts = {}
  for code, n in pairs(merged) do
    table.insert(parts, string.format('"%d": %d', code, n))
  end
  local e = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests": %d, "duration_us": %d, "p50_us": %d, "p75_us": %d, "p90_us": %d,'
      .. ' "p95_us": %d, "p99_us": %d, "max_us": %d, "mean_us": %.1f, "statuses": {%s},'
      .. ' "socket_errors": {"connect": %d, "read": %d, "write": %d, "timeout": %d}}\n',
    summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(75), latency:percentile(90),
    latency:percentile(95), latency:percentile(99), latency.max, latency.mean,
    table.concat(parts, ", "),
    e.connect, e.read, e.write, e.timeout
  ))
end
