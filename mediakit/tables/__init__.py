"""Tidy tables (pandas DataFrames) built from articles and findings: one row per thing counted.

Charts and notebooks read these tables; they never run analyses themselves.
"""
