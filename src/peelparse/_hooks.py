"""The host's calls of the hooks: all through pluggy, each failure naming its plugin.

Every hook is called as ``pm.hook.peelparse_…(…)``, so pluggy decides the order, stops a
``firstresult`` hook at the first answer, and runs wrappers (``wrapper=True`` and old-style
``hookwrapper=True``) and hook-call monitoring (``add_hookcall_monitoring``) around every call,
as it does for any pluggy host.

pluggy hands back a hook call's outcome, not which implementation gave it, while the host must
say which plugin failed (PP306) or answered with the wrong type (PP305). So when the host sets
up its hooks (on a parser's first use), each plain implementation's function is put inside a
check of the host's own, once: it runs the function, turns an exception into a ``PluginError``
naming the plugin and the hook, and refuses an answer of the wrong type the same way. Wrappers
are left as they are: they see the plain implementations' answers, or that ``PluginError``, and
may change them as pluggy allows; the host checks what comes out of the call once more. A
wrapper of the host's own would see only the outcome of all plugins together and could not name
one; refusing third-party wrappers would take pluggy's most used feature from plugin authors.

Detection asks every plugin, and a failing detector must cost only its own answer: when one
fails, the call is made again without it (``subset_hook_caller``), so wrappers see the failed
call and then the one that counts. ``detect_each`` asks each plugin in a call of its own, to
give every plugin's answer by name.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import pluggy

from peelparse._errors import PeelParseError, PluginError
from peelparse._kinds import Detection, Furniture, KindRegistry, Reading
from peelparse._records import Diagnostic, Document
from peelparse._source import SourceText
from peelparse._vocab import Severity

_Kinds = Mapping[str, type[Document]]
"""The kinds the plugins declared: empty while they declare them, filled in once they have
(read when an answer is checked)."""
_Check = Callable[[pluggy.HookImpl, Any, Sequence[Any], _Kinds], Any]
"""Checks one implementation's answer (given its arguments): returns the answer to pass on,
or raises PP305 naming the plugin."""
_Before = Callable[[pluggy.HookImpl, Sequence[Any]], None]
"""Prepares one implementation's call (given its arguments)."""


class Hooks:
    """The typed facade over ``pm.hook``: every hook call the host makes, checked, in one class.

    The plugins declare their kinds (``peelparse_register_kinds``) as soon as it is made, so
    that every later answer is checked against them.
    """

    def __init__(self, pm: pluggy.PluginManager) -> None:
        self._pm = pm
        # One mapping, filled in place once the plugins have declared their kinds: every
        # check reads it as it is then, without a call to ask for it.
        declared: dict[str, type[Document]] = {}
        for hook, check in _CHECKS.items():
            for impl in getattr(pm.hook, hook).get_hookimpls():
                if not (impl.wrapper or impl.hookwrapper):
                    _attribute(impl, hook, check, declared, _BEFORE.get(hook))
        self.registry = KindRegistry()
        """The plugins' declarations."""
        _call(pm.hook.peelparse_register_kinds, registry=self.registry)
        declared.update(self.registry.kinds)
        self.kinds: Mapping[str, type[Document]] = declared
        """Kind tag to record class, as the plugins declared them."""

    def furniture(self) -> list[Furniture]:
        """Every plugin's furniture, first registered first."""
        answers = _answers(_call(self._pm.hook.peelparse_furniture), "peelparse_furniture")
        items: list[Furniture] = []
        for answer in answers:
            items.extend(_furniture_of("a wrapper of peelparse_furniture", answer))
        return items

    def read(self, data: bytes, name: str | None) -> Reading | None:
        """The first reader's ``Reading`` of ``data``, or ``None`` when no reader knows it."""
        reading = _call(self._pm.hook.peelparse_read, data=data, name=name)
        if reading is not None and not isinstance(reading, Reading):
            raise PluginError(
                "PP305",
                f"a wrapper of peelparse_read returned {type(reading).__name__}, not a Reading",
            )
        return reading

    def detect(self, source: SourceText) -> tuple[list[Detection], list[Diagnostic]]:
        """Every plugin's detection of ``source`` (first registered first), and a diagnostic
        for each plugin that failed or answered with something else."""
        failed: dict[object, Diagnostic] = {}
        caller: pluggy.HookCaller = self._pm.hook.peelparse_detect
        while True:
            try:
                answers = _answers(_call(caller, source=source), "peelparse_detect")
            except PluginError as exc:
                plugin = self._pm.get_plugin(exc.plugin) if exc.plugin is not None else None
                if plugin is None or plugin in failed:
                    raise
                failed[plugin] = Diagnostic(exc.code, Severity.WARNING, exc.message, None)
                caller = self._pm.subset_hook_caller("peelparse_detect", failed)
                continue
            break
        # pluggy gives the answers last registered first; the host keeps them (and the
        # failures) first registered first, so that a tie goes to the earlier plugin.
        found = [answer for answer in reversed(answers) if isinstance(answer, Detection)]
        if not failed:
            return found, []
        order = [impl.plugin for impl in self._pm.hook.peelparse_detect.get_hookimpls()]
        return found, [failed[p] for p in sorted(failed, key=order.index)]

    def detect_each(self, source: SourceText) -> list[tuple[str, Detection | None]]:
        """Each plugin's own answer, asked in a call of its own: its ``Detection``, or
        ``None`` when it claims nothing or failed."""
        impls = [
            impl
            for impl in self._pm.hook.peelparse_detect.get_hookimpls()
            if not (impl.wrapper or impl.hookwrapper)
        ]
        answers: list[tuple[str, Detection | None]] = []
        for impl in impls:
            others = [other.plugin for other in impls if other is not impl]
            try:
                caller = self._pm.subset_hook_caller("peelparse_detect", others)
                found = _answers(_call(caller, source=source), "peelparse_detect")
            except PluginError:
                found = []
            answer = found[0] if found and isinstance(found[0], Detection) else None
            answers.append((impl.plugin_name, answer))
        return answers

    def parse(self, source: SourceText, kind: str) -> Document | None:
        """The first plugin's record of ``source`` as ``kind``, or ``None`` when none parses it."""
        record = self.kinds[kind]
        result = _call(self._pm.hook.peelparse_parse, source=source, kind=kind)
        if result is not None and not isinstance(result, record):
            raise PluginError(
                "PP305",
                f"a wrapper of peelparse_parse returned {type(result).__name__} for kind "
                f"{kind!r}; expected {record.__name__}",
            )
        return result


def _call(caller: pluggy.HookCaller, **kwargs: Any) -> Any:
    """``caller``'s answer. The plain implementations the host set up raise only peelparse
    errors; an error from other code (a wrapper, or a plugin registered on the plugin manager
    after the hooks were set up) becomes PP306 too, naming the plugin whose function raised
    it when the traceback shows one."""
    try:
        return caller(**kwargs)
    except (PeelParseError, KeyboardInterrupt):
        raise
    except BaseException as exc:
        plugin = _culprit(exc, caller.get_hookimpls())
        who = "a plugin" if plugin is None else f"plugin {plugin!r}"
        raise PluginError(
            "PP306",
            f"{who} failed in {caller.name}: {type(exc).__name__}: {exc}",
            plugin=plugin,
        ) from exc


def _culprit(exc: BaseException, impls: Sequence[pluggy.HookImpl]) -> str | None:
    """The plugin whose implementation's frame is the outermost in ``exc``'s traceback."""
    owners: dict[object, str] = {}
    for impl in impls:
        function = inspect.unwrap(getattr(impl.function, "__func__", impl.function))
        owners.setdefault(getattr(function, "__code__", None), impl.plugin_name)
    trace = exc.__traceback__
    while trace is not None:
        if trace.tb_frame.f_code in owners:
            return owners[trace.tb_frame.f_code]
        trace = trace.tb_next
    return None


def _answers(answers: Any, hook: str) -> list[Any]:
    """The answers of a hook that every plugin answers: a list, unless a wrapper broke it."""
    if not isinstance(answers, list):
        raise PluginError(
            "PP305", f"a wrapper of {hook} returned {type(answers).__name__}, not a list"
        )
    return answers


def _attribute(
    impl: pluggy.HookImpl, hook: str, check: _Check, kinds: _Kinds, before: _Before | None
) -> None:
    """Run ``impl`` inside the host's check from now on."""
    function = impl.function
    plugin = impl.plugin_name

    def attributed(*args: Any, **kwargs: Any) -> Any:
        if before is not None:
            before(impl, args)
        try:
            answer = function(*args, **kwargs)
        except PluginError as exc:
            if exc.plugin is None:
                exc.plugin = plugin
            raise
        except (PeelParseError, KeyboardInterrupt):
            raise
        # SystemExit and the like from a plugin end its call, not the program.
        except BaseException as exc:
            raise PluginError(
                "PP306",
                f"plugin {plugin!r} failed in {hook}: {type(exc).__name__}: {exc}",
                plugin=plugin,
            ) from exc
        return check(impl, answer, args, kinds)

    attributed.__wrapped__ = function  # type: ignore[attr-defined]
    # pluggy declares the attribute final for those who call hooks; the host replaces it
    # once, when it sets up its hooks, before any call.
    impl.function = attributed  # type: ignore[misc]


def _argument(impl: pluggy.HookImpl, args: Sequence[Any], name: str) -> Any:
    """The argument ``name`` of a call, or ``None`` when the implementation does not take it."""
    return args[impl.argnames.index(name)] if name in impl.argnames else None


def _declaring(impl: pluggy.HookImpl, args: Sequence[Any]) -> None:
    registry = _argument(impl, args, "registry")
    if isinstance(registry, KindRegistry):
        registry.current_plugin = impl.plugin_name


def _check_register_kinds(
    impl: pluggy.HookImpl, answer: Any, args: Sequence[Any], kinds: _Kinds
) -> Any:
    return answer


def _check_furniture(impl: pluggy.HookImpl, answer: Any, args: Sequence[Any], kinds: _Kinds) -> Any:
    return _furniture_of(f"plugin {impl.plugin_name!r}", answer, plugin=impl.plugin_name)


def _furniture_of(who: str, answer: Any, plugin: str | None = None) -> tuple[Furniture, ...]:
    items = tuple(answer) if isinstance(answer, Iterable) and not isinstance(answer, str) else None
    if items is None or not all(isinstance(item, Furniture) for item in items):
        raise PluginError(
            "PP305", f"{who}: peelparse_furniture must return Furniture items", plugin=plugin
        )
    return items


def _check_detect(impl: pluggy.HookImpl, answer: Any, args: Sequence[Any], kinds: _Kinds) -> Any:
    if answer is None or (isinstance(answer, Detection) and answer.kind in kinds):
        return answer
    raise PluginError(
        "PP305",
        f"plugin {impl.plugin_name!r}: peelparse_detect returned {answer!r}, not a Detection of a "
        "registered kind; ignored",
        plugin=impl.plugin_name,
    )


def _check_parse(impl: pluggy.HookImpl, answer: Any, args: Sequence[Any], kinds: _Kinds) -> Any:
    if answer is None:
        return answer
    kind = _argument(impl, args, "kind")
    # An implementation that does not take ``kind`` parses one kind: any document will do.
    record = kinds.get(kind, Document)
    if isinstance(answer, record):
        return answer
    raise PluginError(
        "PP305",
        f"plugin {impl.plugin_name!r} returned {type(answer).__name__} for kind {kind!r}; "
        f"expected {record.__name__}",
        plugin=impl.plugin_name,
    )


def _check_read(impl: pluggy.HookImpl, answer: Any, args: Sequence[Any], kinds: _Kinds) -> Any:
    if answer is None or isinstance(answer, Reading):
        return answer
    raise PluginError(
        "PP305",
        f"plugin {impl.plugin_name!r}: peelparse_read returned {type(answer).__name__}, "
        "not a Reading",
        plugin=impl.plugin_name,
    )


_CHECKS: dict[str, _Check] = {
    "peelparse_register_kinds": _check_register_kinds,
    "peelparse_furniture": _check_furniture,
    "peelparse_detect": _check_detect,
    "peelparse_parse": _check_parse,
    "peelparse_read": _check_read,
}
"""Each hook's check of a plain implementation's answer."""
_BEFORE: dict[str, _Before] = {"peelparse_register_kinds": _declaring}
"""What a plain implementation's call of a hook needs first."""
