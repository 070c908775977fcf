"""Finding and loading plugins: one ``pluggy.PluginManager`` per ``Parser``."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from importlib.metadata import EntryPoint, entry_points

import attrs
import pluggy

from peelparse import hookspecs
from peelparse._errors import PluginError

GROUP = "peelparse"
"""The entry-point group plugins are found in."""
AUTOLOAD_ENV = "PEELPARSE_DISABLE_PLUGIN_AUTOLOAD"
"""Set to a non-empty value other than "0" to load only the built-in plugins."""
DISTRIBUTION = "peelparse"


def autoload_default() -> bool:
    """Whether third-party plugins are loaded when the caller does not say."""
    return os.environ.get(AUTOLOAD_ENV, "") in ("", "0")


def _is_builtin(ep: EntryPoint) -> bool:
    return ep.dist is not None and ep.dist.name == DISTRIBUTION


@attrs.frozen
class LoadedPlugins:
    """A plugin manager and what loading it found."""

    pm: pluggy.PluginManager
    problems: list[PluginError]
    """Plugins that could not be loaded."""
    origins: dict[str, str]
    """Plugin name to where it came from ("peelparse 0.1.0", "registered in code")."""


def make_plugin_manager(
    extra: Iterable[object], *, autoload: bool, block: Sequence[str] = ()
) -> LoadedPlugins:
    """A plugin manager with the entry-point plugins and ``extra`` registered.

    Built-in plugins (entry points of the peelparse distribution itself) always load;
    third-party ones only with ``autoload``. A plugin that fails to import is left out and
    reported in the returned list, so the others still work.
    """
    pm = pluggy.PluginManager(GROUP)
    pm.add_hookspecs(hookspecs)
    for name in block:
        pm.set_blocked(name)
    problems: list[PluginError] = []
    origins: dict[str, str] = {}
    seen: set[str] = set()
    for ep in sorted(entry_points(group=GROUP), key=lambda e: (not _is_builtin(e), e.name)):
        if ep.name in seen or pm.is_blocked(ep.name):
            continue
        seen.add(ep.name)
        if not (autoload or _is_builtin(ep)):
            continue
        try:
            plugin = ep.load()
        except Exception as exc:  # a broken plugin must not stop the others
            problems.append(
                PluginError(
                    "PP301",
                    f"plugin {ep.name!r} ({ep.value}) could not be loaded: "
                    f"{type(exc).__name__}: {exc}",
                )
            )
            continue
        pm.register(plugin, name=ep.name)
        origins[ep.name] = f"{ep.dist.name} {ep.dist.version}" if ep.dist else ep.value
    for plugin in extra:
        name = getattr(plugin, "__name__", None) or type(plugin).__name__
        if pm.is_blocked(name):
            continue
        try:
            registered = pm.register(plugin, name=name if pm.get_plugin(name) is None else None)
        except ValueError as exc:
            raise PluginError("PP304", f"plugin {name!r} is registered twice: {exc}") from None
        if registered is not None:
            origins[registered] = "registered in code"
    try:
        pm.check_pending()
    except pluggy.PluginValidationError as exc:
        raise PluginError(
            "PP302", f"plugin {exc.plugin!r} implements an unknown hook: {exc}"
        ) from None
    return LoadedPlugins(pm, problems, origins)
