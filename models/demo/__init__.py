"""Synthetic demo data: the deterministic generator and the words and texts it draws from."""
