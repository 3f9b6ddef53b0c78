"""Safe YAML reading that remembers on which line every key and item stands.

Only plain data is constructed (yaml.SafeLoader): tags that build Python objects are refused.
"""

from __future__ import annotations

import re
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
SCALAR_TAGS = {
    "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null", "tag:yaml.org,2002:timestamp",
}
# Limits that keep a hostile or broken file from stalling the build. Real visies stay far below:
# a few levels deep and a few thousand values per file.
MAX_DEPTH = 64
MAX_VALUES = 200_000
SCALAR_PROBLEMS = {
    "tag:yaml.org,2002:timestamp": "de datum '{value}' bestaat niet; schrijf een datum als JJJJ-MM-DD",
    "tag:yaml.org,2002:int": "'{value}' is geen geldig geheel getal",
    "tag:yaml.org,2002:float": "'{value}' is geen geldig getal",
    "tag:yaml.org,2002:bool": "'{value}' is geen ja/nee-waarde (true of false)",
}


def short(value: str, limit: int = 40) -> str:
    """A value to quote in a message: one line, not too long."""
    text = " ".join(value.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class _Builder:
    """Builds plain data from composed YAML nodes, each node once.

    PyYAML composes an alias as a reference to the anchored node. Building every node visit anew
    would expand ``&a [*b, *b, …]`` chains exponentially (a 448-byte file took 41 s and 4 GB);
    built values are shared instead, and the expanded size is counted so that a document that
    would be huge when written out is refused.
    """

    def __init__(self, loader: yaml.SafeLoader, offset: int) -> None:
        self.loader = loader
        self.offset = offset
        self.built: dict[int, Any] = {}
        self.sizes: dict[int, int] = {}

    def line(self, node: yaml.Node) -> int:
        return node.start_mark.line + 1 + self.offset

    def size(self, root: yaml.Node) -> int:
        """The number of values when every alias is written out in full (iterative, memoized)."""
        stack: list[tuple[yaml.Node, bool]] = [(root, False)]
        open_nodes: set[int] = set()  # the path from the root to the node being counted
        while stack:
            node, children_done = stack.pop()
            if id(node) in self.sizes:
                continue
            if not children_done and id(node) in open_nodes:
                raise YamlError(self.line(node), "de YAML is ongeldig: een verwijzing (*) verwijst naar het blok waar ze zelf in staat")
            if isinstance(node, yaml.ScalarNode):
                self.sizes[id(node)] = 1
                continue
            children = [n for pair in node.value for n in pair] if isinstance(node, yaml.MappingNode) else list(node.value)
            if children_done:
                open_nodes.discard(id(node))
                self.sizes[id(node)] = 1 + sum(self.sizes.get(id(c), 1) for c in children)
                continue
            open_nodes.add(id(node))
            stack.append((node, True))
            stack.extend((child, False) for child in children if id(child) not in self.sizes)
        return self.sizes[id(root)]

    def build(self, node: yaml.Node, depth: int = 0) -> Any:
        key = id(node)
        if key in self.built:
            return self.built[key]
        if depth > MAX_DEPTH:
            raise YamlError(self.line(node), f"de YAML is te diep genest (meer dan {MAX_DEPTH} niveaus)")
        value = self._construct(node, depth)
        self.built[key] = value
        return value

    def _construct(self, node: yaml.Node, depth: int) -> Any:
        loader = self.loader
        if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and node.tag not in PLAIN_TAGS:
            raise YamlError(self.line(node), f"de YAML is ongeldig: de tag '{short(node.tag)}' is niet toegestaan")
        if isinstance(node, yaml.MappingNode):
            result = LineDict()
            result.line = self.line(node)
            result.key_lines = {}
            result.duplicates = []
            self.built[id(node)] = result  # a mapping that contains itself through an alias
            try:
                loader.flatten_mapping(node)
            except yaml.YAMLError:
                raise YamlError(self.line(node), "de YAML is ongeldig: '<<' moet naar een blok van 'naam: waarde'-regels verwijzen") from None
            for key_node, value_node in node.value:
                key = self.build(key_node, depth + 1)
                if not isinstance(key, (str, int, float, bool)) and key is not None:
                    raise YamlError(self.line(key_node), "een sleutel moet een eenvoudige naam zijn")
                key = str(key)
                key_line = self.line(key_node)
                if key in result:
                    result.duplicates.append((key, key_line))
                result[key] = self.build(value_node, depth + 1)
                result.key_lines[key] = key_line
            return result
        if isinstance(node, yaml.SequenceNode):
            items = LineList()
            self.built[id(node)] = items
            items.extend(self.build(item, depth + 1) for item in node.value)
            items.line = self.line(node)
            items.item_lines = [self.line(item) for item in node.value]
            return items
        if node.tag not in SCALAR_TAGS:
            raise YamlError(self.line(node), f"de YAML is ongeldig: de tag '{short(node.tag)}' is niet toegestaan")
        try:
            value = loader.construct_object(node, deep=True)
        except Exception:  # PyYAML raises ValueError, KeyError or AttributeError for bad scalars
            value = None
            problem = SCALAR_PROBLEMS.get(node.tag, "de waarde '{value}' is niet te lezen")
            if node.tag == "tag:yaml.org,2002:int" and len(node.value) > 4000:
                problem = "een getal met meer dan 4000 cijfers is te lang"
            raise YamlError(self.line(node), problem.format(value=short(node.value))) from None
        if isinstance(value, str):
            bad = unreadable_character(value)
            if bad:
                raise YamlError(self.line(node), bad)
        return value


# Characters that are not text: C0 and C1 control characters other than tab and line ends,
# lone surrogates (from "\ud800" escapes) and the non-characters U+FFFE and U+FFFF.
_UNREADABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def unreadable_character(text: str) -> str | None:
    """A Dutch description of the first character in ``text`` that is not text, or None."""
    match = _UNREADABLE.search(text)
    if match is None:
        return None
    return f"de tekst bevat het onzichtbare teken U+{ord(match.group()):04X}, dat geen tekst is; verwijder het"


def _flow_depth_line(text: str) -> int | None:
    """The line where ``[`` and ``{`` nest deeper than MAX_DEPTH, or None.

    PyYAML's scanner slows down quadratically with flow nesting (5,000 '[' take seconds) before its
    composer would hit Python's recursion limit, so this is checked on the text first. Quoted text
    and comments are skipped roughly; an unbalanced bracket in plain text only counts one level.
    """
    depth = 0
    line = 1
    for match in _FLOW_TOKENS.finditer(text):
        token = match.group()
        if token == "\n":
            line += 1
        elif token in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return line
        elif token in "]}":
            depth = max(0, depth - 1)
        else:
            line += token.count("\n")
    return None


_FLOW_TOKENS = re.compile(r"""\n|[\[\]{}]|"(?:[^"\\]|\\.)*+"|'(?:[^']|'')*+'|#[^\n]*+""")


_FAST_LOADER = getattr(yaml, "CSafeLoader", None)

# Most YAML of a visie is a few "naam: waarde" lines (front matter, the options of a keuze block),
# a few hundred small documents per build: composing each with a YAML parser was most of the time
# spent loading a visie. Lines of that one form, with a title or words as values, are read here
# into what the parser would build; everything else (quotes, numbers, comments, nesting, a value
# YAML reads as true, false or null, ...) goes to the parser. A property test holds the two equal.
_SIMPLE_LINE = re.compile(r"( *)([A-Za-z_][A-Za-z0-9_-]*): +(.*?) *")
_LIST_ITEM = re.compile(r"[^\W\d_][\w-]*")
_NOT_PLAIN = re.compile(r": |\s#|:$|[\t\r\x85\u2028\u2029\ufeff]")
# Plain words that YAML 1.1 reads as a boolean or null, not as text.
_RESOLVED_WORDS = frozenset(
    f(word) for word in ("yes", "no", "true", "false", "on", "off", "null") for f in (str.lower, str.title, str.upper)
)


def _simple_mapping(text: str, line_offset: int) -> LineDict | None:
    result: LineDict | None = None
    indent = None
    for number, line in enumerate(text.split("\n"), start=1 + line_offset):
        if not line.strip(" "):
            continue
        found = _SIMPLE_LINE.fullmatch(line)
        if found is None:
            return None
        spaces, key, raw = found.groups()
        if indent is None:
            indent = spaces
        if spaces != indent or key in _RESOLVED_WORDS:
            return None
        value = _simple_value(raw, number)
        if value is None:
            return None
        if result is None:
            result = LineDict()
            result.line = number
            result.key_lines = {}
            result.duplicates = []
        if key in result:
            result.duplicates.append((key, number))
        result[key] = value
        result.key_lines[key] = number
    return result


def _simple_value(raw: str, line: int) -> str | LineList | None:
    if raw.startswith("[") and raw.endswith("]"):
        inner = raw[1:-1].strip(" ")
        words = [word.strip(" ") for word in inner.split(",")] if inner else []
        if any(_LIST_ITEM.fullmatch(word) is None or word in _RESOLVED_WORDS for word in words):
            return None
        items = LineList(words)
        items.line = line
        items.item_lines = [line] * len(words)
        return items
    if not raw[:1].isalpha() or raw in _RESOLVED_WORDS or _NOT_PLAIN.search(raw):
        return None
    return raw


def _composed(text: str) -> Any:
    """A loader whose document is composed: by libyaml where it reads the text without error (ten
    times faster), else by PyYAML, whose error messages parser_messages puts into Dutch."""
    if _FAST_LOADER is not None:
        fast = _FAST_LOADER(text)
        try:
            node = fast.get_single_node()
        except yaml.YAMLError:
            fast.dispose()
        else:
            fast.get_single_node = lambda: node  # type: ignore[method-assign]
            return fast
    return yaml.SafeLoader(text)


def load_yaml(text: str, line_offset: int = 0) -> Any:
    """Parse one YAML document; raise YamlError with a Dutch message and the line."""
    bad = _UNREADABLE.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1 + line_offset
        raise YamlError(line, unreadable_character(bad.group()) or "")
    simple = _simple_mapping(text, line_offset)
    if simple is not None:
        return simple
    deep = _flow_depth_line(text)
    if deep is not None:
        raise YamlError(deep + line_offset, f"de YAML is te diep genest (meer dan {MAX_DEPTH} niveaus)")
    loader = _composed(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        builder = _Builder(loader, line_offset)
        if builder.size(node) > MAX_VALUES:
            raise YamlError(
                1 + line_offset,
                f"de YAML is te groot: met alle verwijzingen (& en *) uitgeschreven zijn het meer dan {MAX_VALUES} waarden",
            )
        return builder.build(node)
    except RecursionError:
        raise YamlError(1 + line_offset, f"de YAML is te diep genest (meer dan {MAX_DEPTH} niveaus)") from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = (mark.line + 1 if mark else 1) + line_offset
        reason = explain_yaml(f"{error.problem or ''} {error.context or ''}")
        raise YamlError(line, f"de YAML is ongeldig: {reason}") from None
    except yaml.YAMLError as error:
        raise YamlError(1 + line_offset, f"de YAML is ongeldig: {explain_yaml(str(error))}") from None
    finally:
        loader.dispose()
