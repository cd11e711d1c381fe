"""One Indonesian stemmer for the whole pipeline (PySastrawi), cached per word in a bounded cache.

PySastrawi's own stemmer (``StemmerFactory().create_stemmer()``) keeps every word it has stemmed in a
dict that never shrinks: on a real corpus, whose vocabulary keeps growing (names, numbers, spellings),
that is memory growing with the corpus in every worker (about 135 bytes a word form, a million forms
and more over millions of articles). warta calls the uncached stemmer inside, word by word exactly as
the cached one does, and keeps the answers in an LRU cache of fixed size instead.

A word the cache has not seen costs PySastrawi about 0.14 ms, four fifths of it in trying its 41 prefix
rules one after another, each a regular expression on the word, although the first two letters of a word
rule out all but a few of them ("mengecam" can only be taken apart by the rules for me-, not by those for
ber-, pe- or ter-). :class:`GatedContext` tries only the rules that can apply to the word's first two
letters, worked out once from the rules' own regular expressions (:func:`_rule_gate`); it also does without
the regular expressions PySastrawi compiles at every word (its normaliser, its precedence test, the record
of what each step took off, which compiled the word itself as an expression). It is PySastrawi's algorithm
unchanged, the same stems from the same steps in the same order (``tests/test_stemmer.py`` compares the two
on some 12,000 words; 166,000 when this was written), 5-7 times faster on words not seen before (0.14 ->
0.02 ms).
"""

from __future__ import annotations

import ast
import inspect
import re
import textwrap
from collections.abc import Callable, Sequence
from functools import cache, lru_cache, partial
from typing import Any

from warta.memo import MAX_FORMS

STEM_CACHE = MAX_FORMS  # word forms; the coder keeps the stems of the forms it has seen (coder._FORMS)


def stem(word: str) -> str:
    """The root of an Indonesian word, lower-case: "mengecam" -> "kecam", "pertemuan" -> "temu"."""
    return _stem_lower(word.lower())


@lru_cache(maxsize=STEM_CACHE)
def _stem_lower(low: str) -> str:
    """:func:`stem` of a lower-case word, cached by it: "Pemerintah" and "pemerintah" are stemmed once."""
    return _stem_text(low) or low


def _stem_text(text: str, stemmer: Any = None) -> str:
    """What PySastrawi's cached stemmer returns for ``text``: its normalised words stemmed one by one
    (``stemmer``: another PySastrawi ``Stemmer`` to use, for comparisons)."""
    if stemmer is not None:
        from Sastrawi.Stemmer.Filter import TextNormalizer

        return " ".join(stemmer.stem(w) for w in TextNormalizer.normalize_text(text).split(" "))
    words = _normalise(text).split(" ")
    ours = _stemmer()
    # Stemmer.stem normalises each word again: an ASCII word that is normalised already stays as it is
    return " ".join(ours.stem_word(w) if w.isascii() else ours.stem(w) for w in words)


# PySastrawi's TextNormalizer.normalize_text, its expressions compiled once (it compiles them, and works out
# their flags, at every call)
_NOT_KEPT = re.compile(r"[^a-z0-9 -]", re.IGNORECASE | re.MULTILINE)
_SPACE_RUN = re.compile(r"( +)", re.IGNORECASE | re.MULTILINE)


def _normalise(text: str) -> str:
    return _SPACE_RUN.sub(" ", _NOT_KEPT.sub(" ", text.lower())).strip()


@cache
def _stemmer() -> Any:
    """PySastrawi's stemmer without its unbounded result cache, trying only the prefix rules that can
    apply to each word."""
    from Sastrawi.Stemmer.Stemmer import Stemmer

    class GatedStemmer(Stemmer):
        def __init__(self, dictionary: Any) -> None:
            super().__init__(dictionary)
            self.context_class = _gated_context_class()
            self.order = _candidates(self.visitor_provider.get_prefix_visitors())

        def stem_singular_word(self, word: str) -> str:
            if self.dictionary.contains(word):
                return word  # what the context's first step decides, without making one
            context = self.context_class(word, self.dictionary, self.visitor_provider)
            context.order = self.order
            context.execute()
            return context.result

    return GatedStemmer(_dictionary())


@cache
def _dictionary() -> Any:
    from Sastrawi.Dictionary.ArrayDictionary import ArrayDictionary
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return ArrayDictionary(StemmerFactory().get_words())


def plain_stemmer() -> Any:
    """PySastrawi's own (uncached) stemmer over the same dictionary: what :func:`_stemmer` must agree with."""
    from Sastrawi.Stemmer.Stemmer import Stemmer

    return Stemmer(_dictionary())


# ---------------------------------------------------------------------------------------------------
# which prefix rules can apply to a word, by its first two letters

_Gate = tuple[frozenset[str] | None, frozenset[str] | None]  # letters allowed first and second (None: any)


@cache
def _gated_context_class() -> type:
    from Sastrawi.Stemmer.Context.Context import Context

    fast = _fast_visits()

    class GatedContext(Context):
        """PySastrawi's stemming context, whose prefix step skips the rules that cannot apply."""

        order: Callable[[str], tuple[int, ...]]  # set by GatedStemmer: _candidates of its prefix rules
        current_word: str  # PySastrawi's Context's own fields
        original_word: str
        removals: list[Any]

        def start_stemming_process(self) -> None:
            # PySastrawi's steps 1-5 as written in Context.start_stemming_process, with its precedence
            # test (six regular expressions compiled at every word) as the string test it amounts to
            if self.dictionary.contains(self.current_word):
                return
            if self._found_after(partial(self.accept_visitors, self.visitors)):
                return
            if _prefix_first(self.original_word):
                if self._found_after(self.remove_prefixes, self.remove_suffixes):
                    return
                self.current_word = self.original_word
                self.removals = []
            if self._found_after(self.remove_suffixes, self.remove_prefixes):
                return
            self.loop_pengembalian_akhiran()

        def _found_after(self, *steps: Callable[[], Any]) -> bool:
            """Run ``steps`` in turn, stopping as soon as the word is one of the dictionary; whether it is."""
            for step in steps:
                step()
                if self.dictionary.contains(self.current_word):
                    return True
            return False

        def accept(self, visitor: Any) -> None:
            visit = fast.get(type(visitor))
            if visit is None:
                visitor.visit(self)
            else:
                visit(self, visitor)

        def accept_prefix_visitors(self, visitors: list[Any]) -> None:
            # PySastrawi's loop: each visitor in turn; stop when the word is in the dictionary, when the
            # process is stopped, or when a visitor took a prefix off. A visitor that cannot apply changes
            # nothing, so what follows it is decided by the word as it came in: skipping it changes
            # nothing either, except that when the word is already in the dictionary (or the process is
            # stopped) the loop ends after the first visitor, whatever it is.
            if visitors is not self.prefix_visitors:  # not the list the order was worked out for
                Context.accept_prefix_visitors(self, visitors)
                return
            word = self.current_word
            order = self.order(word[:2])
            if not order:
                return
            if self.process_is_stopped or self.dictionary.contains(word):
                if order[0] == 0:
                    self.accept(visitors[0])
                return
            removed = len(self.removals)
            for i in order:
                self.accept(visitors[i])
                if len(self.removals) > removed:
                    return

    return GatedContext


def _prefix_first(word: str) -> bool:
    """PySastrawi's PrecedenceAdjustmentSpecification.is_satisfied_by: whether ``word`` matches one of
    ``^be(.*)lah$``, ``^be(.*)an$``, ``^me(.*)i$``, ``^di(.*)i$``, ``^pe(.*)i$``, ``^ter(.*)i$`` (a
    normalised word has no line break for ``.`` or ``$`` to treat apart)."""
    if "\n" in word:  # not from the normaliser: ask the library's own test
        from Sastrawi.Stemmer.ConfixStripping.PrecedenceAdjustmentSpecification import (
            PrecedenceAdjustmentSpecification,
        )

        return bool(PrecedenceAdjustmentSpecification().is_satisfied_by(word))
    n = len(word)
    head = word[:2]
    if head == "be":
        return (n >= 5 and word.endswith("lah")) or (n >= 4 and word.endswith("an"))
    if not word.endswith("i"):
        return False
    if head in ("me", "di", "pe"):
        return n >= 3
    return n >= 4 and word.startswith("ter")


_REGEX_SPECIAL = frozenset(".^$*+?{}[]\\|()")


def _sub_once(pattern: str, word: str) -> str:
    """``re.sub(pattern, "", word, count=1)``, as PySastrawi records what a step took off (``pattern`` is
    the word left after the step); by plain replacement when ``pattern`` has no special character, which
    is always after PySastrawi's normalisation. Compiling each such word as a regular expression was a
    fifth of PySastrawi's time, and flushed the ``re`` module's cache of compiled expressions."""
    if _REGEX_SPECIAL.isdisjoint(pattern):
        return word.replace(pattern, "", 1)
    return re.sub(pattern, "", word, count=1)


@cache
def _fast_visits() -> dict[type, Callable[[Any, Any], None]]:
    """PySastrawi's visitors whose ``visit`` is redone here with :func:`_sub_once` (the same steps in the
    same order; ``tests/test_stemmer.py`` compares the stems), by class."""
    from Sastrawi.Stemmer.Context.Removal import Removal
    from Sastrawi.Stemmer.Context.Visitor.PrefixDisambiguator import PrefixDisambiguator
    from Sastrawi.Stemmer.Context.Visitor.RemoveDerivationalSuffix import RemoveDerivationalSuffix
    from Sastrawi.Stemmer.Context.Visitor.RemoveInflectionalParticle import RemoveInflectionalParticle
    from Sastrawi.Stemmer.Context.Visitor.RemoveInflectionalPossessivePronoun import (
        RemoveInflectionalPossessivePronoun,
    )
    from Sastrawi.Stemmer.Context.Visitor.RemovePlainPrefix import RemovePlainPrefix

    def record(context: Any, visitor: Any, word: str, result: str, kind: str) -> None:
        context.add_removal(Removal(visitor, word, result, _sub_once(result, word), kind))
        context.current_word = result

    def removing(kind: str) -> Callable[[Any, Any], None]:
        def visit(context: Any, visitor: Any) -> None:
            word = context.current_word
            result = visitor.remove(word)
            if result != word:
                record(context, visitor, word, result, kind)

        return visit

    def disambiguating(context: Any, visitor: Any) -> None:
        word = context.current_word
        contains = context.dictionary.contains
        result = None
        for rule in visitor.disambiguators:
            result = rule.disambiguate(word)
            if contains(result):
                break
        if result is not None:
            record(context, visitor, word, result, "DP")

    return {
        RemovePlainPrefix: removing("DP"),
        RemoveInflectionalParticle: removing("P"),
        RemoveInflectionalPossessivePronoun: removing("PP"),
        RemoveDerivationalSuffix: removing("DS"),
        PrefixDisambiguator: disambiguating,
    }


def _candidates(visitors: list[Any]) -> Callable[[str], tuple[int, ...]]:
    """For a list of prefix visitors: a word's first two letters -> the indices of the visitors that may
    apply to it, in order (worked out once per pair of letters)."""
    gates = [_visitor_gates(v) for v in visitors]
    everyone = tuple(range(len(visitors)))

    @lru_cache(maxsize=4096)
    def order(head: str) -> tuple[int, ...]:
        if len(head) < 2:
            return everyone
        a, b = head[0], head[1]
        return tuple(i for i, gs in enumerate(gates) if gs is None or any(_allows(g, a, b) for g in gs))

    return order


def _allows(gate: _Gate, a: str, b: str) -> bool:
    first, second = gate
    return (first is None or a in first) and (second is None or b in second)


def _visitor_gates(visitor: Any) -> list[_Gate] | None:
    """The first-two-letter gates under which a prefix visitor may apply (None: it may apply to any word).

    A PySastrawi prefix disambiguator returns a stem only when the word matches one of the regular
    expressions it applies to the word (or equals a word it names): those expressions' first two letters
    are its gate. A visitor or rule not written in that shape gets no gate, so it is always tried."""
    from Sastrawi.Stemmer.Context.Visitor.AbstractDisambiguatePrefixRule import (
        AbstractDisambiguatePrefixRule,
    )

    if type(visitor).visit is not AbstractDisambiguatePrefixRule.visit:
        return None  # RemovePlainPrefix and anything else: always tried
    gates: list[_Gate] = []
    for rule in visitor.disambiguators:
        got = _rule_gate(rule.__class__)
        if got is None:
            return None
        gates.extend(got)
    return gates


@cache
def _rule_gate(rule: Any) -> tuple[_Gate, ...] | None:
    """The gates of one disambiguator class, read from the source of its ``disambiguate`` method, which
    must consist of nothing but ``matches = re.match(PATTERN, word)`` / ``if matches: ...`` pairs and
    ``if word == 'WORD': return ...`` tests; None for anything else."""
    try:
        tree = ast.parse(textwrap.dedent(inspect.getsource(rule.disambiguate)))
    except (OSError, TypeError, SyntaxError):
        return None
    fn = tree.body[0]
    if not isinstance(fn, ast.FunctionDef) or len(fn.args.args) != 2:
        return None
    word = fn.args.args[1].arg
    gates: list[_Gate] = []
    matched: str | None = None  # the name the last re.match was bound to
    for st in fn.body:
        if isinstance(st, ast.Expr) and isinstance(st.value, ast.Constant):
            continue  # the docstring
        pattern = _match_of(st, word)
        if pattern is not None:
            gate = _pattern_gate(pattern)
            if gate is None:
                return None
            gates.append(gate)
            matched = st.targets[0].id  # type: ignore[attr-defined]
            continue
        if isinstance(st, ast.If) and isinstance(st.test, ast.Name) and st.test.id == matched:
            matched = None
            continue
        literal = _word_equals(st, word)
        if literal is not None and len(literal) >= 2:
            gates.append((frozenset(literal[0]), frozenset(literal[1])))
            continue
        return None
    return tuple(gates)


def _match_of(st: ast.stmt, word: str) -> str | None:
    """PATTERN when ``st`` is ``NAME = re.match(PATTERN, word)``."""
    if not (isinstance(st, ast.Assign) and len(st.targets) == 1 and isinstance(st.targets[0], ast.Name)):
        return None
    call = st.value
    if not (
        isinstance(call, ast.Call)
        and ast.unparse(call.func) == "re.match"
        and len(call.args) == 2
        and not call.keywords
        and isinstance(call.args[0], ast.Constant)
        and isinstance(call.args[0].value, str)
        and isinstance(call.args[1], ast.Name)
        and call.args[1].id == word
    ):
        return None
    return call.args[0].value


def _word_equals(st: ast.stmt, word: str) -> str | None:
    """WORD when ``st`` is ``if word == 'WORD': ...`` with no ``else``."""
    if not (isinstance(st, ast.If) and not st.orelse and isinstance(st.test, ast.Compare)):
        return None
    test = st.test
    if (
        isinstance(test.left, ast.Name)
        and test.left.id == word
        and len(test.ops) == 1
        and isinstance(test.ops[0], ast.Eq)
        and isinstance(test.comparators[0], ast.Constant)
        and isinstance(test.comparators[0].value, str)
    ):
        return test.comparators[0].value
    return None


def _pattern_gate(pattern: str) -> _Gate | None:
    """The letters a string must begin with (first, second) for ``re.match(pattern, string)`` to match;
    None where the expression's opening is not a plain sequence of letters and letter classes."""
    from re import _parser as sre_parse  # type: ignore[attr-defined]

    try:
        items = _flatten(sre_parse.parse(pattern))
    except (re.error, _NotPlain):
        return None
    sets: list[frozenset[str] | None] = []
    for item in items:
        if len(sets) == 2:
            break
        sets.append(item)
        if item is None:  # an item that may match nothing or anything: the rest is unknown
            break
    while len(sets) < 2:
        sets.append(None)
    if sets[0] is None and sets[1] is None:
        return None
    return sets[0], sets[1]


class _NotPlain(Exception):
    pass


def _flatten(parsed: Sequence[Any]) -> list[frozenset[str] | None]:
    """The items of a parsed expression in order, each as the set of characters it matches (None for an
    item that is not one character from a known set: the items after it are then not read)."""
    from re import _constants as c  # type: ignore[attr-defined]

    out: list[frozenset[str] | None] = []
    for op, arg in parsed:
        if op is c.AT and arg is c.AT_BEGINNING and not out:
            continue
        if op is c.LITERAL:
            out.append(frozenset(chr(arg)))
        elif op is c.IN:
            chars: set[str] = set()
            for kind, value in arg:
                if kind is c.LITERAL:
                    chars.add(chr(value))
                elif kind is c.RANGE:
                    chars.update(chr(x) for x in range(value[0], value[1] + 1))
                else:  # NEGATE, CATEGORY: not a plain set
                    out.append(None)
                    return out
            out.append(frozenset(chars))
        elif op is c.SUBPATTERN:
            inner = _flatten(arg[-1])
            out.extend(inner)
            if inner and inner[-1] is None:
                return out
            if not inner:
                out.append(None)
                return out
        else:  # a repeat, an alternative, any character, ...
            out.append(None)
            return out
        if len(out) >= 2:
            return out
    return out
