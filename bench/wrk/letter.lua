-- wrk script for bench/load.sh: POSTs one request body to one route and
-- prints a machine-readable summary line at the end.
--
--   wrk -t2 -c8 -d20s --latency -s bench/wrk/letter.lua http://127.0.0.1:PORT \
--       -- /v1/letters letter_templates/de/samples/full.json
--
-- Every reply that is not 200 counts as an error (wrk's "Non-2xx" line and
-- the summary's errors=).

local path = "/v1/letters"
local body_file = "letter_templates/de/samples/full.json"

function init(args)
  if args[1] then path = args[1] end
  if args[2] then body_file = args[2] end
  local file = assert(io.open(body_file, "rb"))
  wrk.method = "POST"
  wrk.path = path
  wrk.body = file:read("*a")
  wrk.headers["Content-Type"] = "application/json"
  file:close()
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write +
                 summary.errors.status + summary.errors.timeout
  io.write(string.format(
    "PARTING requests=%d seconds=%.2f per_second=%.2f errors=%d non_2xx=%d " ..
    "p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f max_ms=%.1f\n",
    summary.requests, seconds, summary.requests / seconds, errors, summary.errors.status,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end
