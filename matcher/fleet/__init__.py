"""Fleet delivery: findings to Alertmanager and webhooks, metrics for Prometheus.

One module per job: ``alerts`` (finding -> Alertmanager v2 alert, repeats), ``spool`` (the
durable bounded queue), ``delivery`` (one background deliverer per target: retries, backoff),
``webhook`` (the generic webhook target), ``metrics`` (prometheus-client), and ``dispatch``
(the one object the live loop and ``scan`` call). See docs/deploy.md.
"""
