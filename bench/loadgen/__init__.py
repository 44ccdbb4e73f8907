"""Websocket load generator for the ZET app (see bench/load_ws.py)."""
