// Node.js failures for runtime_failures.py: node node_failures.js MODE ARG
'use strict';
const http = require('http');
const { EventEmitter } = require('events');
const [mode, arg] = process.argv.slice(2);

if (mode === 'refused') {
  // a handled error (logged by the app) and then the same request without a handler
  const req = http.get({ host: '127.0.0.1', port: Number(arg), path: '/v1/stock' });
  req.on('error', (err) => {
    console.error(`[${new Date().toISOString()}] ERROR stock-sync: request failed`, err);
    http.get({ host: '127.0.0.1', port: Number(arg) + 1, path: '/v1/prices' });
  });
} else if (mode === 'heap') {
  const keep = [];
  console.log(`[${new Date().toISOString()}] INFO report-builder: building report ${arg}`);
  for (;;) keep.push(new Array(10000).fill({ row: keep.length }));
} else if (mode === 'near') {
  const em = new EventEmitter();
  for (let i = 0; i < 11 + Number(arg); i++) em.on('row', () => {});
  const deep = (n) => deep(n + 1);
  try {
    deep(0);
  } catch (err) {
    console.error(`[${new Date().toISOString()}] ERROR report-builder: ${err.name}: ${err.message}`);
  }
  console.log(`[${new Date().toISOString()}] INFO report-builder: heap used ${arg} MB, ok (no out of memory)`);
  setTimeout(() => {}, 50);
}
