"""Notification rows, per-kind preferences, e-mail delivery and digests.

Layer: above accounts, below home; any app above may create notifications.
"""
