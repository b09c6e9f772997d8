'use strict';
// Preloaded into the Agents Playground (node -r): it calls server.listen(port) with no host and
// has no option for one, so by default it listens on every interface. Here every listen without
// a host takes 127.0.0.1, and every outbound connection or name lookup off loopback is refused
// and reported on stderr as "[egress] ..." (the test fails on any), so the tool provably stays
// on this machine.
const net = require('node:net');
const dns = require('node:dns');

const LOOPBACK = /^(127\.|::1$|localhost$)/;

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  const first = args[0];
  if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    if (typeof args[1] !== 'string') args.splice(1, 0, '127.0.0.1');
  } else if (first && typeof first === 'object' && !first.path && first.host === undefined && 'port' in first) {
    args[0] = { ...first, host: '127.0.0.1' };
  } else if (args.length === 0 || typeof first === 'function') {
    args.unshift(0, '127.0.0.1');
  }
  return listen.apply(this, args);
};

const lookup = dns.lookup;
dns.lookup = function (host, ...rest) {
  if (!LOOPBACK.test(String(host))) {
    process.stderr.write(`[egress] dns.lookup ${host}\n`);
    const callback = rest.find((arg) => typeof arg === 'function');
    const error = Object.assign(new Error(`egress refused: ${host}`), { code: 'ENOTFOUND' });
    if (callback) return process.nextTick(callback, error);
    throw error;
  }
  return lookup.call(this, host, ...rest);
};

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  const options = first && typeof first === 'object' ? first : { port: args[0], host: args[1] };
  const host = options.host || options.hostname;
  if (host && !options.path && !LOOPBACK.test(String(host))) {
    process.stderr.write(`[egress] connect ${host}:${options.port}\n`);
    this.destroy(new Error(`egress refused: ${host}`));
    return this;
  }
  return connect.apply(this, args);
};
