"""The JSON Schemas for editors agree with the checks of the core, and are up to date."""

from __future__ import annotations

import ast
import datetime as _dt
import json
import re
from pathlib import Path
from typing import Any, Iterator

import jsonschema
import pytest
import yaml

from conftest import FIXTURES, REPO
from mini_visie import write_mini_visie
from omgevingsvisie import Layout, load_visie
from omgevingsvisie.markdown_scan import scan_blocks
from omgevingsvisie.schemas import FOLDER, schema_texts, schemas

# Core messages about the fields of one YAML document: exactly what a schema can see.
FIELD_PROBLEM = re.compile(
    r"^(het veld '|\w+ '[^']*' bestaat niet; kies uit |onbekend veld '|het verplichte veld '|visie\.yml moet velden|lagen\.yml moet velden|"
    r"elke laag moet velden|de opties van het blok '\w+' moeten de vorm|de front matter moet bestaan uit velden)"
)


def test_committed_schemas_are_the_generated_ones() -> None:
    stale = [
        name for name, text in schema_texts().items()
        if not (REPO / FOLDER / name).is_file() or (REPO / FOLDER / name).read_text(encoding="utf-8") != text
    ]
    extra = sorted({p.name for p in (REPO / FOLDER).glob("*.json")} - set(schema_texts()))
    assert not stale and not extra, (
        f"schemas/ is niet gelijk aan de velddefinities ({stale or extra}); "
        "maak de schema's opnieuw met: omgevingsvisie schemas"
    )


def test_every_schema_is_valid_and_every_field_has_a_dutch_description() -> None:
    for name, schema in schemas().items():
        jsonschema.Draft7Validator.check_schema(schema)
        items = schema["properties"]["lagen"]["items"]["properties"] if name == "lagen.schema.json" else {}
        for field, fragment in [*schema["properties"].items(), *items.items()]:
            assert fragment.get("description"), f"{name}: {field} heeft geen omschrijving"


def test_vscode_and_pre_commit_point_at_what_exists() -> None:
    settings = json.loads((REPO / ".vscode/settings.json").read_text(encoding="utf-8"))
    for schema, globs in settings["yaml.schemas"].items():
        assert (REPO / schema).is_file(), schema
        assert all(list(REPO.glob(g)) for g in globs), globs
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [h["entry"] for h in hooks] == ["omgevingsvisie controleer"]
    assert all(h["pass_filenames"] is False and h["language"] == "python" for h in hooks)


# --- the YAML documents of a visie, as an editor sees them --------------------------------


def _plain(value: Any) -> Any:
    """As a YAML editor reads it: an unquoted date is text."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, _dt.date):
        return value.isoformat()
    return value


def _load(text: str) -> tuple[bool, Any]:
    try:
        return True, _plain(yaml.safe_load(text))
    except (yaml.YAMLError, ValueError):
        return False, None  # a syntax error: the editor's YAML parser reports it, not the schema


def documents(root: Path) -> Iterator[tuple[str, str, Any]]:
    """(path from the root, schema file, parsed data) for every YAML document of the visie."""
    for path, schema in (("visie/visie.yml", "visie.schema.json"), ("kaarten/lagen.yml", "lagen.schema.json")):
        if (root / path).is_file():
            ok, data = _load((root / path).read_text(encoding="utf-8"))
            if ok:
                yield path, schema, data
    for file in sorted((root / "visie").rglob("*.md")):
        rel = file.relative_to(root).as_posix()
        kind = {"kernopgaven": "kernopgave", "gebieden": "gebied"}.get(file.parent.name, "hoofdstuk")
        text = file.read_text(encoding="utf-8")
        lines = text.splitlines(keepends=True)
        body = text
        if lines and lines[0].rstrip() == "---":
            end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
            if end is None:
                continue
            ok, data = _load("".join(lines[1:end]))
            if ok:
                yield rel, f"{kind}.schema.json", {} if data is None else data
            body = "".join(lines[end + 1 :])
        for block in scan_blocks(body):
            if block.name in ("keuze", "kaart") and block.options_text.strip():
                ok, data = _load(block.options_text)
                if ok:
                    yield rel, f"{block.name}.schema.json", data


def schema_problems(root: Path) -> dict[str, list[str]]:
    """Path → the schema errors of its documents."""
    validators = {name: jsonschema.Draft7Validator(schema) for name, schema in schemas().items()}
    found: dict[str, list[str]] = {}
    for path, schema, data in documents(root):
        errors = [e.message for e in validators[schema].iter_errors(data)]
        if errors:
            found.setdefault(path, []).extend(errors)
    return found


def core_field_problems(root: Path) -> set[str]:
    problems = load_visie(Layout(root, docs_dir=None)).problems
    return {p.path for p in problems if FIELD_PROBLEM.match(p.message)}


@pytest.mark.parametrize("project", [REPO, FIXTURES / "andere-gemeente"], ids=["zwolle", "andere-gemeente"])
def test_the_schemas_accept_the_sample_visies(project: Path) -> None:
    assert sum(1 for _ in documents(project)) > 10
    assert schema_problems(project) == {}


# --- every error case of tests/test_core.py -----------------------------------------------


def core_test_edits() -> list[tuple[str, list[tuple[str, str, str]]]]:
    """(test name, its edit(root, file, old, new) calls), read from tests/test_core.py itself."""
    tree = ast.parse((Path(__file__).parent / "test_core.py").read_text(encoding="utf-8"))
    cases: list[tuple[str, list[tuple[str, str, str]]]] = []
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef) or not node.name.startswith("test_"):
            continue
        edits = [
            tuple(arg.value for arg in call.args[1:4])
            for call in ast.walk(node)
            if isinstance(call, ast.Call) and getattr(call.func, "id", None) == "edit"
            and all(isinstance(arg, ast.Constant) for arg in call.args[1:4])
        ]
        for decorator in node.decorator_list:
            if isinstance(decorator, ast.Call) and getattr(decorator.func, "attr", None) == "parametrize":
                for number, row in enumerate(ast.literal_eval(decorator.args[1])):
                    cases.append((f"{node.name}[{number}]", [tuple(row[:3])]))
                break
        else:
            if edits:
                cases.append((node.name, edits))  # type: ignore[arg-type]
    return cases


CORE_CASES = core_test_edits()


def test_the_core_tests_were_read() -> None:
    names = {name.split("[")[0] for name, _ in CORE_CASES}
    assert {"test_missing_required_field", "test_unknown_field_suggests_the_nearest",
            "test_unknown_id_names_the_nearest", "test_keuze_without_id"} <= names
    assert len(CORE_CASES) >= 25


@pytest.mark.parametrize(("name", "edits"), CORE_CASES, ids=[name for name, _ in CORE_CASES])
def test_schemas_and_core_agree_on_every_core_error_case(
    tmp_path: Path, name: str, edits: list[tuple[str, str, str]]
) -> None:
    root = write_mini_visie(tmp_path)
    for file, old, new in edits:
        target = root / file
        text = target.read_text(encoding="utf-8")
        assert old in text, (name, old)
        target.write_text(text.replace(old, new, 1), encoding="utf-8")
    by_schema = schema_problems(root)
    assert set(by_schema) == core_field_problems(root), by_schema
