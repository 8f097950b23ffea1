"""What the tests and the benchmarks share: starting the action and Rasa servers, the cluster,
PostgreSQL and Redis on loopback (stopped by PID), and talking to them under load. Imports
neither tests/ nor bench/."""
