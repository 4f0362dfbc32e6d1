// Loaded with NODE_OPTIONS=--require into a process under test, and so into each of its worker
// threads too. Any attempt to reach the network is written to THREADLINE_NETWORK_LOG and then
// fails, so a test can prove that importing and searching make no connection at all.
const fs = require('node:fs');
const net = require('node:net');
const tls = require('node:tls');
const dns = require('node:dns');
const http = require('node:http');
const https = require('node:https');
const { threadId } = require('node:worker_threads');

const logFile = process.env.THREADLINE_NETWORK_LOG;

function refuse(what) {
  const line = `${new Date().toISOString()} thread ${threadId}: ${what}\n`;
  if (logFile) fs.appendFileSync(logFile, line);
  throw new Error(`network access refused by test guard: ${what}`);
}

const originalConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(...args) {
  // Node calls connect internally with its arguments normalised into an array.
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  // IPC over a pipe/unix socket path is not network access.
  const isPipe = typeof first === 'string' || (first !== null && typeof first === 'object' && typeof first.path === 'string');
  if (!isPipe) refuse(`socket connect ${JSON.stringify(first && typeof first === 'object' ? { host: first.host, port: first.port } : first)}`);
  return originalConnect.apply(this, args);
};
tls.connect = (...args) => refuse(`tls connect ${JSON.stringify(args[0])}`);
for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6']) dns[name] = (host) => refuse(`dns ${name} ${host}`);
dns.promises.lookup = (host) => refuse(`dns lookup ${host}`);
http.request = (options) => refuse(`http request ${typeof options === 'string' ? options : JSON.stringify(options?.host ?? options?.hostname)}`);
http.get = http.request;
https.request = (options) => refuse(`https request ${typeof options === 'string' ? options : JSON.stringify(options?.host ?? options?.hostname)}`);
https.get = https.request;
globalThis.fetch = async (input) => refuse(`fetch ${String(input)}`);
