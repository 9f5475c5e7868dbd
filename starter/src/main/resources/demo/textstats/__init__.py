"""textstats: small, dependency-free statistics about plain text.

Each module is one capability; braid's demo plan adds them one task at a time.
"""
