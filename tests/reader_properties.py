"""Properties of the reader, for Hypothesis: whatever the files hold, the reader answers in Dutch.

Used by tests/test_hypothese.py (a few hundred examples, in the test suite) and by
scripts/hypothese.py (10,000 examples per property).
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import time
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from mini_visie import INNER, SQUARE, feature, write_mini_visie
from omgevingsvisie import Layout, load_visie

PROFILE_VARIABLE = "OMGEVINGSVISIE_HYPOTHESE"
settings.register_profile(
    "suite", max_examples=40, derandomize=True, deadline=None, suppress_health_check=list(HealthCheck)
)
settings.register_profile(
    "grondig", max_examples=int(os.environ.get("OMGEVINGSVISIE_HYPOTHESE_VOORBEELDEN", "10000")), derandomize=True, deadline=None, suppress_health_check=list(HealthCheck)
)
settings.load_profile(os.environ.get(PROFILE_VARIABLE, "suite"))

ONE_LINE = re.compile(r"^[^\n:]+(?::\d+)?: [^\n]+$")
# Words of the English parser messages of PyYAML and json; none of them is Dutch.
ENGLISH = re.compile(
    r"\b(expected|found|while|scanning|parsing|could not|unacceptable|special characters|line \d+, column|"
    r"Traceback|Error|Expecting|delimiter|Unterminated|Invalid|constructor|stream)\b"
)
SECONDS_PER_EXAMPLE = 5.0

# Characters that mean something to YAML, JSON or Markdown, plus ones that are not text at all.
SPECIAL = list(":-[]{}&*!|>'\"%@`#,?/\\ \n\t.") + ["\x00", "\x0b", "\x0c", "\x85", "\ufffe", "\ud800", "\u2028", "é", "€"]
WORDS = ["titel", "id", "kort", "volgorde", "kleur", "kaartlagen", "onderdeel_van", "gebieden", "rol", "kernopgaven",
         "lagen", "gebied", "investeren", "2024-02-30", "!!int", "!!float", "!!binary", ".nan", "~", "null", "&a", "*a",
         "<<", "---", "...", "9" * 30, "#fff", "wonen", "stad", "wijk", "<script>", "{{ gemeente }}", "\t", "    "]
fragments = st.one_of(st.sampled_from(SPECIAL), st.sampled_from(WORDS), st.text(max_size=4))
yaml_text = st.lists(fragments, max_size=40).map("".join)
one_line = yaml_text.map(lambda text: " ".join(text.splitlines()))
json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(alphabet=st.sampled_from(SPECIAL + ["a"]), max_size=8)),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.sampled_from(["type", "gebied", "naam", "coordinates", "geometries", "properties", "x"]), inner, max_size=4)),
    max_leaves=20,
)


class Project:
    """One mini visie on disk, reset before every example."""

    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="hypothese-"))

    def reset(self) -> Path:
        write_mini_visie(self.root)
        return self.root

    def write(self, name: str, text: str) -> None:
        target = self.root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(text.encode("utf-8", "surrogatepass"))


def check_reader(root: Path) -> list[str]:
    """Load the visie; assert what the handleiding promises about messages. Returns them."""
    started = time.perf_counter()
    messages = [str(problem) for problem in load_visie(Layout(root, docs_dir=None)).problems]
    elapsed = time.perf_counter() - started
    assert elapsed < SECONDS_PER_EXAMPLE, f"the reader took {elapsed:.1f} s"
    for message in messages:
        assert ONE_LINE.match(message), repr(message)
        english = ENGLISH.search(re.sub(r"'[^']*'", "", message.split(": ", 1)[1]))  # quoted values are the redacteur's
        assert english is None, repr(message)
    return messages


def front_matter_page(front: str, body: str) -> str:
    return f"---\n{front}\n---\n{body}\n"


def keuze_page(title: str, options: str, body: str) -> str:
    indented = "\n".join("    " + line if index % 3 else line for index, line in enumerate(options.splitlines()))
    return f"---\ntitel: Wonen\n---\n/// keuze | {title}\n{indented}\n\n{body}\n///\n\n/// kaart | {title}\n    {options}\n///\n"


def geojson(features: list, raw: object) -> str:
    return json.dumps({"type": "FeatureCollection", "features": [feature("stad", SQUARE), feature("wijk", INNER), *features, raw]},
                      allow_nan=True)
