"""Persistence: SQLModel tables and the plain functions that read and write them.

Every function takes the session keyword-only (``def f(*, session, ...)``); there is no global session.
"""
