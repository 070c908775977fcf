"""The package as people get it: built, checked, installed in fresh virtual environments.

These tests build the sdist and the wheel, install the wheel where nothing else is, and
follow the plugin tutorial's commands word for word. They take about a minute and need the
package index (for the dependencies and the build backend), so they are marked ``slow``:
``python -m pytest -m "not slow"`` leaves them out while working; CI runs them.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from collections.abc import Mapping
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from conftest import GOLDEN, ROOT, SEEDS, corpus_files
from test_readme import check_printed, readme_python_example

pytestmark = pytest.mark.slow

VERSION = re.search(
    r'__version__ = "([^"]+)"', (ROOT / "src" / "peelparse" / "_version.py").read_text("utf-8")
)
TUTORIAL = ROOT / "docs" / "plugins" / "tutorial.md"
EXAMPLE = ROOT / "plugins" / "example" / "peelparse-minutes"
MINUTES = "panel-minutes-peel-2021-22"
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
BUILT_IN_PLUGINS = sorted(
    ROOT / "plugins" / module.split(":")[0]
    for module in PROJECT["entry-points"]["peelparse"].values()
)
"""The plugins peelparse's own distribution declares in the ``peelparse`` group."""


def run(
    args: list[str], cwd: Path, env: Mapping[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run a command; fail with its output if it fails."""
    done = subprocess.run(
        args, cwd=cwd, env=env, capture_output=True, text=True, timeout=900, check=False
    )
    assert done.returncode == 0, (
        f"{' '.join(args)} exited {done.returncode}\n{done.stdout[-4000:]}\n{done.stderr[-4000:]}"
    )
    return done


def clean_env() -> dict[str, str]:
    """This environment less what would let the test's own installation leak in."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME", "PEELPARSE_DISABLE_PLUGIN_AUTOLOAD")
    }
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return env


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    run([sys.executable, "-m", "build", "--outdir", str(out), str(ROOT)], cwd=out)
    return out


@pytest.fixture(scope="module")
def wheel(dist: Path) -> Path:
    (found,) = dist.glob("peelparse-*.whl")
    return found


@pytest.fixture(scope="module")
def sdist(dist: Path) -> Path:
    (found,) = dist.glob("peelparse-*.tar.gz")
    return found


def test_the_version_comes_from_one_place(wheel: Path, sdist: Path) -> None:
    assert VERSION is not None
    assert wheel.name.startswith(f"peelparse-{VERSION.group(1)}-")
    assert sdist.name == f"peelparse-{VERSION.group(1)}.tar.gz"


def test_twine_check_passes(wheel: Path, sdist: Path) -> None:
    done = run([sys.executable, "-m", "twine", "check", "--strict", str(wheel), str(sdist)], ROOT)
    assert done.stdout.count("PASSED") == 2


def test_the_wheel_holds_the_package_and_nothing_else(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    lark_files = {
        f"{plugin.name}/{path.relative_to(plugin).as_posix()}"
        for plugin in BUILT_IN_PLUGINS
        for path in plugin.rglob("*.lark")
    }
    assert lark_files, "the built-in plugins have grammars"
    assert {
        "peelparse/py.typed",
        "peelparse/schema/peelparse.schema.json",
        "peelparse/_cli.py",
        *lark_files,
    } <= names
    for plugin in BUILT_IN_PLUGINS:
        assert f"{plugin.name}/__init__.py" in names
    tops = {name.split("/")[0] for name in names}
    dist_info = f"peelparse-{VERSION.group(1) if VERSION else ''}.dist-info"
    assert tops == {"peelparse", dist_info, *(p.name for p in BUILT_IN_PLUGINS)}
    unwanted = [
        n
        for n in names
        if re.search(r"(^|/)(tests?|docs|benchmarks|__pycache__)/|^seeds/|\.candidate\.json$", n)
    ]
    assert not unwanted
    # The seed documents, once, as the package data peelparse.seeds reads.
    assert {f"peelparse/seeds/{seed.name}" for seed in SEEDS} | {
        "peelparse/seeds/README.md"
    } <= names
    metadata = zipfile.ZipFile(wheel).read(f"{dist_info}/METADATA").decode()
    assert "License-Expression: MIT" in metadata or "License: MIT" in metadata
    assert "Classifier: Typing :: Typed" in metadata


def test_the_sdist_holds_the_sources_and_their_notices(sdist: Path) -> None:
    with tarfile.open(sdist) as archive:
        names = {n.split("/", 1)[1] for n in archive.getnames() if "/" in n}
    assert {
        "pyproject.toml",
        "README.md",
        "LICENSE",
        "CHANGELOG.md",
        "seeds/README.md",
        "src/peelparse/py.typed",
        "src/peelparse/schema/peelparse.schema.json",
        ".ci/eval-floor",
        "tests/conftest.py",
        "tests/corpus/manifest.jsonl",
        *(path.relative_to(ROOT).as_posix() for path in corpus_files()),
        *(f"tests/golden/{p.name}" for p in GOLDEN.glob("*.json") if ".candidate." not in p.name),
        *(f"seeds/{path.name}" for path in SEEDS),
    } <= names


def test_the_readme_test_command_passes_from_the_unpacked_sdist(
    sdist: Path, tmp_path: Path
) -> None:
    """Someone who downloads the sdist has the tests and all their data: the README's test
    command passes there, in a fresh virtual environment, with nothing beside it."""
    with tarfile.open(sdist) as archive:
        archive.extractall(tmp_path, filter="data")
    (unpacked,) = tmp_path.glob("peelparse-*")
    assert not (unpacked.parent / "shared").exists()
    env = clean_env()
    venv = tmp_path / "venv"
    run([sys.executable, "-m", "venv", str(venv)], tmp_path, env)
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    readme = (unpacked / "README.md").read_text("utf-8")
    command = 'pip install -e ".[test]" && python -m pytest'
    assert command in readme
    # The slow tests are this module: they would build the sdist again from inside it.
    run(
        ["bash", "-euo", "pipefail", "-c", f'{command} -q -m "not slow" -p no:cacheprovider'],
        unpacked,
        env,
    )


def test_the_wheel_works_in_a_fresh_environment(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    env = clean_env()
    run([sys.executable, "-m", "venv", str(venv)], tmp_path, env)
    python, peelparse = venv / "bin" / "python", venv / "bin" / "peelparse"
    run([str(python), "-m", "pip", "install", "--quiet", str(wheel)], tmp_path, env)

    imported = run(
        [str(python), "-c", "import peelparse; print(peelparse.__version__, peelparse.__file__)"],
        tmp_path,
        env,
    ).stdout.split()
    assert imported[0] == (VERSION.group(1) if VERSION else "")
    assert imported[1].startswith(str(venv)), "peelparse was imported from outside the venv"

    listed = run([str(peelparse), "plugins"], tmp_path, env)
    assert listed.stderr == "", f"a built-in plugin did not load: {listed.stderr}"
    assert {line.split("\t")[0] for line in listed.stdout.splitlines()} == set(
        PROJECT["entry-points"]["peelparse"]
    )

    document = json.loads(run([str(peelparse), "parse", str(SEEDS[0])], tmp_path, env).stdout)
    assert (document["kind"], document["force"]["slug"]) == ("inspection_report", "leicestershire")
    as_module = run([str(python), "-m", "peelparse", "detect", str(SEEDS[1])], tmp_path, env)
    assert as_module.stdout.split("\t")[1] == "press_release"

    # The README's Python example, run where there is no seeds/ folder.
    example = run([str(python), "-c", readme_python_example()], tmp_path, env)
    check_printed(example.stdout.splitlines())

    shipped = run(
        [
            str(python),
            "-c",
            "from importlib.resources import files; "
            "print((files('peelparse') / 'schema' / 'peelparse.schema.json').read_text())",
        ],
        tmp_path,
        env,
    ).stdout
    Draft202012Validator(json.loads(shipped)).validate(document)


def tutorial_commands() -> list[str]:
    """The shell commands of the plugin tutorial's "Try it", as a reader would type them."""
    text = TUTORIAL.read_text("utf-8")
    match = re.search(r"<!-- tutorial: commands -->\n```sh\n(.*?)\n```", text, re.DOTALL)
    assert match is not None, f"{TUTORIAL} has no commands block"
    return match.group(1).splitlines()


def test_the_plugin_tutorial_works_as_written(wheel: Path, tmp_path: Path) -> None:
    """A reader in a fresh virtual environment installs peelparse and the example plugin,
    and parses a page of minutes to JSON, by the tutorial's commands."""
    commands = tutorial_commands()
    assert "pip install peelparse" in commands
    # The tutorial installs peelparse from the package index; here it is the wheel just built.
    script = "\n".join(
        f"pip install --quiet {wheel}" if line == "pip install peelparse" else line
        for line in commands
    )
    (tmp_path / "plugins").symlink_to(ROOT / "plugins", target_is_directory=True)
    done = run(["bash", "-euo", "pipefail", "-c", script], tmp_path, clean_env())
    assert "minutes\tpanel_minutes\tpeelparse-minutes 0.1.0" in done.stdout

    document = json.loads((tmp_path / "minutes.json").read_text("utf-8"))
    assert document["kind"] == "panel_minutes"
    golden = EXAMPLE / "tests" / "golden" / f"{MINUTES}.json"
    assert document == json.loads(golden.read_text("utf-8"))
    schema = json.loads((tmp_path / "panel_minutes.schema.json").read_text("utf-8"))
    Draft202012Validator(schema).validate(document)

    # The same environment reads the corpus file of the new kind, and claims no seed.
    peelparse = tmp_path / "tutorial-venv" / "bin" / "peelparse"
    page = EXAMPLE / "tests" / "data" / f"{MINUTES}.txt"
    from_corpus = json.loads(
        run([str(peelparse), "parse", str(page)], tmp_path, clean_env()).stdout
    )
    assert (from_corpus["kind"], from_corpus["force"]["slug"]) == ("panel_minutes", "durham")
    detected = run([str(peelparse), "detect", *map(str, SEEDS)], tmp_path, clean_env()).stdout
    assert [row.split("\t")[1] for row in detected.splitlines()].count("panel_minutes") == 0
