"""Training mode: fictional cases (oefencasussen) that a trainer walks through with a class.

``library`` holds the schema and loader of a case, ``check`` validates the cases against the
kaders and the engine (run by ``meldcode kaders check``). See docs/oefencasussen.md.
"""
