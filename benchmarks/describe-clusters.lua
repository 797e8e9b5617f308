-- wrk script: POSTs one AWS JSON 1.1 DescribeClusters request per call (sequential on one connection
-- with `wrk -t1 -c1`). Used by benchmarks/run-wrk.sh.
wrk.method = "POST"
wrk.path = "/"
wrk.headers["Content-Type"] = "application/x-amz-json-1.1"
wrk.headers["X-Amz-Target"] = "AmazonEC2ContainerServiceV20141113.DescribeClusters"
wrk.body = '{"clusters":["bench"]}'

local errors = 0

function response(status, headers, body)
  if status ~= 200 then
    errors = errors + 1
  end
end

function done(summary, latency, requests)
  io.write(string.format("requests/s: %.0f  p50: %.3f ms  p99: %.3f ms  non-2xx: %d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status))
end
