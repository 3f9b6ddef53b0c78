"""Front matter of a Markdown file, read by us: MkDocs silently drops front matter it cannot parse."""

from __future__ import annotations

from dataclasses import dataclass

from .yamlio import LineDict, YamlError, load_yaml


@dataclass
class Document:
    meta: LineDict
    body: str
    body_line: int  # 1-based line of the file where ``body`` starts
    readable: bool = True  # False when the front matter could not be read (already reported)


def _empty() -> LineDict:
    meta = LineDict()
    meta.line = 1
    meta.key_lines = {}
    meta.duplicates = []
    return meta


def split_front_matter(text: str) -> Document:
    """Split ``---`` front matter from the body; raise YamlError on unreadable front matter."""
    text = text.lstrip("\ufeff")
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip() != "---":
        return Document(_empty(), text, 1)
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            yaml_text = "".join(lines[1:index])
            meta = load_yaml(yaml_text, line_offset=1)
            if meta is None:
                meta = _empty()
            if not isinstance(meta, LineDict):
                raise YamlError(2, "de front matter moet bestaan uit velden in de vorm 'naam: waarde'")
            return Document(meta, "".join(lines[index + 1 :]), index + 2)
    raise YamlError(1, "de front matter begint met '---' maar wordt nergens afgesloten met '---'")
