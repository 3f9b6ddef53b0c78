"""Print documents of a visie: HTML for paged media, static SVG maps, and the PDF written from them.

Engine-agnostic: an adapter passes how Markdown bodies become HTML and where to write.
"""
