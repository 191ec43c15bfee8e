"""Protection of the public endpoint: where each limit lives.

- the time limit, the row limit and the fair sharing of query workers between quick and
  demanding queries: the store's worker pool (``ssgraph.store.worker_pool``);
- SERVICE and LOAD: the store's federation check (``ssgraph.store.federation``), which
  every query and update passes;
- request size, header and body time limits, and the per-client limit: the web front
  (``ssgraph.web.front``; the Flask app itself also refuses bodies over the size limit).
"""

from __future__ import annotations

from ssgraph.store import ClientBusy, QueryTimeout, ServiceBusy
from ssgraph.store.federation import RefusedQuery

__all__ = ["ClientBusy", "QueryTimeout", "RefusedQuery", "ServiceBusy"]
