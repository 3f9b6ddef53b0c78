"""Safe YAML reading that remembers on which line every key and item stands.

Only plain data is constructed (yaml.SafeLoader): tags that build Python objects are refused.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

from .parser_messages import explain_yaml


class LineDict(dict):
    """A mapping from YAML, with ``key_lines`` (1-based) for its keys."""

    line: int = 0
    key_lines: dict[str, int]
    duplicates: list[tuple[str, int]]


class LineList(list):
    """A sequence from YAML, with ``item_lines`` (1-based) for its items."""

    line: int = 0
    item_lines: list[int]


@dataclass
class YamlError(Exception):
    line: int
    message: str


PLAIN_TAGS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}


def _build(node: yaml.Node, loader: yaml.SafeLoader, offset: int) -> Any:
    if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and node.tag not in PLAIN_TAGS:
        raise YamlError(node.start_mark.line + 1 + offset, f"de YAML is ongeldig: de tag '{node.tag}' is niet toegestaan")
    if isinstance(node, yaml.MappingNode):
        result = LineDict()
        result.line = node.start_mark.line + 1 + offset
        result.key_lines = {}
        result.duplicates = []
        loader.flatten_mapping(node)
        for key_node, value_node in node.value:
            key = _build(key_node, loader, offset)
            if not isinstance(key, (str, int, float, bool)) and key is not None:
                raise YamlError(key_node.start_mark.line + 1 + offset, "een sleutel moet een eenvoudige naam zijn")
            key = str(key)
            key_line = key_node.start_mark.line + 1 + offset
            if key in result:
                result.duplicates.append((key, key_line))
            result[key] = _build(value_node, loader, offset)
            result.key_lines[key] = key_line
        return result
    if isinstance(node, yaml.SequenceNode):
        items = LineList(_build(item, loader, offset) for item in node.value)
        items.line = node.start_mark.line + 1 + offset
        items.item_lines = [item.start_mark.line + 1 + offset for item in node.value]
        return items
    return loader.construct_object(node, deep=True)


def load_yaml(text: str, line_offset: int = 0) -> Any:
    """Parse one YAML document; raise YamlError with a Dutch message and the line."""
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        return _build(node, loader, line_offset)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = (mark.line + 1 if mark else 1) + line_offset
        reason = explain_yaml(f"{error.problem or ''} {error.context or ''}")
        raise YamlError(line, f"de YAML is ongeldig: {reason}") from None
    except yaml.YAMLError as error:
        raise YamlError(1 + line_offset, f"de YAML is ongeldig: {explain_yaml(str(error))}") from None
    finally:
        loader.dispose()
