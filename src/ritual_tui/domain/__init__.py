"""The records and the rules of the product, in pure Python (never imports Textual)."""
