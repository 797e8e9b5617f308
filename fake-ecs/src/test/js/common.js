// Shared by the scripts JsSdkIT runs: the fake's control API, a wire recorder, and printing the result.
"use strict";

/** Client settings for the fake: its endpoint, a region, static fake credentials. */
function clientConfig(endpoint) {
  return {
    endpoint,
    region: "us-east-1",
    credentials: { accessKeyId: "fake", secretAccessKey: "fake" },
    maxAttempts: 1,
  };
}

/** POST /_fake-ecs/<path> with a JSON body; answers the parsed JSON. */
async function control(endpoint, path, body) {
  const response = await fetch(`${endpoint}/_fake-ecs/${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) {
    throw new Error(`control API ${path} answered ${response.status}: ${text}`);
  }
  return text ? JSON.parse(text) : {};
}

/** Moves the virtual clock; answers the new time (ISO-8601). */
async function advance(endpoint, seconds) {
  return (await control(endpoint, "clock/advance", { seconds })).now;
}

/** The virtual clock's time, as a Date. */
async function now(endpoint) {
  const response = await fetch(`${endpoint}/_fake-ecs/clock`);
  return new Date((await response.json()).now);
}

/**
 * Records, for every call the client sends, the request path and headers and the raw answer's status and headers,
 * as they are on the wire (added at the low end of the deserialize step, so it sees the answer before it is parsed).
 */
function recordWire(client) {
  const exchanges = [];
  client.middlewareStack.add(
    (next) => async (args) => {
      const exchange = { path: args.request.path, requestHeaders: lower(args.request.headers) };
      exchanges.push(exchange);
      const result = await next(args);
      exchange.status = result.response.statusCode;
      exchange.responseHeaders = lower(result.response.headers);
      return result;
    },
    { step: "deserialize", name: "fakeEcsWireRecorder", priority: "low" },
  );
  return exchanges;
}

function lower(headers) {
  return Object.fromEntries(Object.entries(headers || {}).map(([k, v]) => [k.toLowerCase(), v]));
}

/** What an SDK error looks like to a caller: its name, message, HTTP status and class. */
function describeError(error) {
  return {
    name: error.name,
    message: error.message,
    httpStatus: error.$metadata ? error.$metadata.httpStatusCode : null,
    fault: error.$fault,
    className: error.constructor ? error.constructor.name : null,
    code: error.Code ?? null,
    type: error.Type ?? null,
  };
}

/** Runs the call and answers the error it throws (or fails when it succeeds). */
async function expectError(call) {
  try {
    await call();
  } catch (error) {
    return describeError(error);
  }
  throw new Error("the call succeeded; it should have failed");
}

/** Runs main(args), prints its result as one JSON line; any unexpected error ends the process with status 1. */
function run(main) {
  main(process.argv.slice(2))
    .then((result) => process.stdout.write(JSON.stringify(result) + "\n"))
    .catch((error) => {
      process.stderr.write(`${error.name}: ${error.message}\n${error.stack}\n`);
      process.exit(1);
    });
}

module.exports = { clientConfig, control, advance, now, recordWire, describeError, expectError, run };
