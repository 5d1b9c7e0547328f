// A real Node service logging with pino: one JSON object per line, an error serialised by
// pino's err serializer (err.type, err.message, err.stack: the stack is a multi-line string).
'use strict';
const pino = require('pino');
const log = pino({ base: { pid: process.pid, hostname: 'web1' } });
log.info('listening on :8080');
function loadQuota(tenant) {
  const quotas = {};
  return quotas[tenant].limit;
}
try {
  loadQuota('acme');
} catch (err) {
  log.error({ err }, 'request failed for tenant "acme"');
}
log.warn('retrying with café settings');
