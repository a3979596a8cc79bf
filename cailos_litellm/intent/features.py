"""Intent stage, step 1: cheap features of an OpenAI-format request (no model, no text kept).

Hashed word uni/bigrams, character 3/4-grams and the first/last words of the newest user message, plus
structure (length, code fences, JSON, SQL keywords, questions, tools, images, turns, system prompt).
The n-gram hashes come from one compiled pass over the lowered UTF-8 bytes (`hashing.py`), stable across
processes.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from typing import Any, Iterable, Mapping, Sequence

import numpy as np
from numba import njit

from cailos_litellm.intent.hashing import MAX_BYTES, first_tokens_at, ngram_hashes, word_grams
from cailos_litellm.intent.lexicon import COLUMNS, term_lists

__all__ = [
    "FEATURE_VERSION",
    "N_FEATURES",
    "STRUCT_NAMES",
    "FeatureVector",
    "RequestText",
    "dense_features",
    "dense_features_and_buckets",
    "extract",
    "features_of_text",
    "hashed_ngrams",
    "request_text",
]

# 5: cue counts of the request's first and last words; 6: exact-hash cues, 1 KB window; 7: topics and phrases
FEATURE_VERSION = 7
HASH_DIM = 1 << 14  # word uni/bigrams, char 3/4-grams and edge words share one hashed space (own seeds)
_TERM_DIM = 1 << 17  # the term prefilter's buckets: about 5,000 terms fill 4 % of them
STRUCT_OFF = HASH_DIM
STRUCT_NAMES: tuple[str, ...] = (
    "log_chars", "log_chars_all", "log_lines", "code_fences", "json_keys", "sql_keywords", "question_marks",
    "ends_with_question", "starts_with_wh", "n_tools", "n_images", "n_user_turns", "n_assistant_turns",
    "tool_messages", "log_system_chars", "digit_ratio", "upper_ratio", "non_ascii_ratio", "math_symbols",
    "error_words", "indented_lines", "code_punct", "urls", "stream", "avg_word_len", "log_words", "list_lines",
    "latex", "content_array",
)
# term-list counts (lexicon.py) over the whole view, then over the first and last tokens only
LEX_OFF = STRUCT_OFF + len(STRUCT_NAMES)
ASK_OFF = LEX_OFF + len(COLUMNS)
STRUCT_NAMES += COLUMNS + tuple(f"ask_{c}" for c in COLUMNS)
N_FEATURES = STRUCT_OFF + len(STRUCT_NAMES)

# long prompts are read as head + tail (lengths are of the whole prompt); a 4k-token prompt costs what a 1 KB one
# does. In grouped CV 1 KB scored as well as 2 KB and 3 KB (task and complexity) and halves the cost of long prompts.
_HEAD, _TAIL = 704, 320
_CHAR_HEAD, _CHAR_TAIL = 384, 128  # char n-grams matter for short prompts; bound their cost on long ones
# where the ask itself usually is, around pasted code, tables or documents: the first and last tokens
_ASK_FIRST, _ASK_LAST = 48, 32
_SQL_WORDS = (b"select ", b" from ", b" where ", b" join ", b"group by", b"order by", b"insert into",
              b"create table", b" having ", b"update ")
_ERR_WORDS = (b"error", b"exception", b"traceback", b"failed", b"undefined", b"warning", b"cannot", b"panic")
_WH = ("what", "how", "why", "when", "where", "who", "which", "is ", "can ", "does ", "do ", "should ", "are ")


@dataclass(frozen=True, slots=True)
class FeatureVector:
    """Sparse features: sorted unique column indices and their values. Holds no text."""

    indices: np.ndarray  # int32
    values: np.ndarray  # float32

    def dense(self) -> np.ndarray:
        x = np.zeros(N_FEATURES, dtype=np.float32)
        x[self.indices] = self.values
        return x


@dataclass(frozen=True, slots=True)
class RequestText:
    """The parts of a request the features read (kept only for the duration of one classification)."""

    main: str  # the newest user message
    system: str
    other_chars: int
    n_user: int
    n_assistant: int
    n_images: int
    n_tools: int
    tool_messages: int
    content_array: bool
    stream: bool


def _content_text(content: Any) -> tuple[str, int, bool]:
    """(text, images, was_array) of one message's content (string or OpenAI content array)."""
    if content is None:
        return "", 0, False
    if isinstance(content, str):
        return content, 0, False
    texts: list[str] = []
    images = 0
    if isinstance(content, Sequence):
        for part in content:
            if not isinstance(part, Mapping):
                continue
            kind = part.get("type")
            if kind == "text":
                texts.append(str(part.get("text", "")))
            elif kind in ("image_url", "image", "input_image"):
                images += 1
    return "\n".join(texts), images, True


def request_text(messages: Sequence[Mapping[str, Any]], tools: Sequence[Any] | None = None,
                 stream: bool = False) -> RequestText:
    """Split a request into what the features read: newest user text, system prompt, counts."""
    main, system = "", []
    other = n_user = n_asst = images = tool_msgs = 0
    array = False
    last_user = max((i for i, m in enumerate(messages) if m.get("role") == "user"), default=-1)
    for i, m in enumerate(messages):
        role = m.get("role")
        text, imgs, is_array = _content_text(m.get("content"))
        images += imgs
        if role in ("system", "developer"):
            system.append(text)
        elif role == "user":
            n_user += 1
            if i == last_user:
                main, array = text, is_array
            else:
                other += len(text)
        elif role == "assistant":
            n_asst += 1
            other += len(text)
            tool_msgs += len(m.get("tool_calls") or ())
        elif role in ("tool", "function"):
            tool_msgs += 1
            other += len(text)
    return RequestText(main=main, system="\n".join(system), other_chars=other, n_user=n_user, n_assistant=n_asst,
                       n_images=images, n_tools=len(tools or ()), tool_messages=tool_msgs, content_array=array,
                       stream=bool(stream))


def _lower_utf8(text: str) -> bytes:
    """UTF-8 of `text.lower()`; lowering the bytes is the same for ASCII text and several times faster."""
    if text.isascii():
        return text.encode("ascii").lower()
    return text.lower().encode("utf-8", "replace")


def _window(data: bytes) -> bytes:
    return data if len(data) <= MAX_BYTES else data[:_HEAD] + b" " + data[-(_TAIL - 1):]


def _phrase_hash(phrase: str) -> tuple[int, int]:
    """(exact hash, wide bucket) of a term: `^word` = a first token, one token = unigram, more = the last bigram."""
    first = phrase.startswith("^")
    low = np.frombuffer(phrase.lstrip("^").lower().encode("utf-8"), dtype=np.uint8)
    h, wide, nt = ngram_hashes(_padded(low), _CHAR_HEAD, _CHAR_TAIL, _TERM_DIM)
    # `^word`: its first-token hash; one token: the token; more: the last bigram, just before the first tokens
    i = first_tokens_at(nt) if first else 0 if nt == 1 else first_tokens_at(nt) - 1
    return int(h[i]), int(wide[i])


@dataclass(frozen=True, slots=True)
class _TermTable:
    """The term lists by exact n-gram hash. Matching on buckets counted every n-gram that shares a term's bucket
    (about one word in twenty): a pasted table read as SQL. `maybe` is the cheap first pass, over wide buckets: a
    word of a long prompt passes it about one time in twenty."""

    keys: np.ndarray  # uint64 [terms], sorted: the term hashes
    weights: np.ndarray  # float32 [terms, COLUMNS]: which columns each key counts for
    maybe: np.ndarray  # bool [_TERM_DIM]: a term hashes into this wide bucket


@functools.cache
def _term_table() -> _TermTable:
    pairs = [(_phrase_hash(p), c) for c, terms in enumerate(term_lists()) for p in terms]
    keys = sorted({h for (h, _), _ in pairs})
    row = {h: i for i, h in enumerate(keys)}
    m = np.zeros((len(keys), len(COLUMNS)), dtype=np.float32)
    maybe = np.zeros(_TERM_DIM, dtype=bool)
    for (h, wide), c in pairs:
        m[row[h], c] = 1.0
        maybe[wide] = True
    return _TermTable(keys=np.array(keys, dtype=np.uint64), weights=m, maybe=maybe)


def _term_counts(words: np.ndarray, wide: np.ndarray, nt: int) -> tuple[np.ndarray, np.ndarray]:
    """(term-list counts per column, the same among the first and last tokens only) of `words`: the hashes of
    `nt` tokens, their bigrams, then the first tokens, with `wide` their wide buckets."""
    table = _term_table()
    # pasted material sits between the first and last tokens, and between the bigrams that start there (a short
    # prompt is all ask: empty ranges)
    lo1 = hi1 = lo2 = hi2 = 0
    if nt > _ASK_FIRST + _ASK_LAST:
        lo1, hi1, lo2, hi2 = _ASK_FIRST, nt - _ASK_LAST, nt + _ASK_FIRST - 1, 2 * nt - _ASK_LAST
    return _term_hits(words, wide, table.maybe, table.keys, table.weights, lo1, hi1, lo2, hi2)


@njit(cache=True, nogil=True)
def _term_hits(words: np.ndarray, wide: np.ndarray, maybe: np.ndarray, keys: np.ndarray, weights: np.ndarray,
               lo1: int, hi1: int, lo2: int, hi2: int) -> tuple[np.ndarray, np.ndarray]:
    every = np.zeros(weights.shape[1], np.float32)
    ask = np.zeros(weights.shape[1], np.float32)
    for p in range(words.size):
        if not maybe[wide[p]]:
            continue
        i = np.searchsorted(keys, words[p])
        if i == keys.size or keys[i] != words[p]:
            continue
        every += weights[i]
        if not (lo1 <= p < hi1 or lo2 <= p < hi2):
            ask += weights[i]
    return every, ask


def _padded(b: np.ndarray) -> np.ndarray:
    """At least 4 bytes (spaces added): every string has a char 4-gram."""
    return b if b.size >= 4 else np.concatenate((b, np.full(4 - b.size, 32, dtype=np.uint8)))


def _view(text: str) -> str:
    """Head + tail of a long prompt, cut before lowering or encoding: a 4k-token prompt is never copied whole."""
    return text if len(text) <= MAX_BYTES else text[:_HEAD] + "\n" + text[-_TAIL:]


def hashed_ngrams(text: str) -> np.ndarray:
    """Column indices (with repeats) of the word, char and edge n-grams of `text`."""
    return _ngrams(_lower_utf8(_view(text)))[0]


def _ngrams(low: bytes) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(`hashed_ngrams` of an already cut and lowered view, its term-list counts, the same among the first and
    last tokens only: where the ask usually is, around pasted code, tables or documents)."""
    # word n-grams come first in the hashes: terms are written in them; a wide bucket's low bits are the column
    h, wide, nt = ngram_hashes(_padded(np.frombuffer(_window(low), dtype=np.uint8)), _CHAR_HEAD, _CHAR_TAIL, _TERM_DIM)
    cols = wide & (HASH_DIM - 1)
    nw = word_grams(nt)
    terms, ask_terms = _term_counts(h[:nw], wide[:nw], nt)
    return cols, terms, ask_terms


def _structure(rt: RequestText, t: str, low: bytes) -> np.ndarray:
    """Structure of the request; counts read the head+tail view `t` (and `low`, its lowered UTF-8)."""
    full = len(rt.main)
    # counts run on the UTF-8 bytes (an ASCII needle matches the same places there); single characters come from
    # one byte histogram
    n = max(len(t), 1)
    raw = t.encode("utf-8", "replace")
    h = np.bincount(np.frombuffer(raw, dtype=np.uint8), minlength=256).tolist()
    nh = max(len(raw), 1)
    lines = h[10] + 1
    n_words = h[32] + lines
    # a needle whose bytes the histogram lacks cannot occur: skip its scan (most prose has no backslash, colon…)
    nl, colon = h[10] > 0, h[58] > 0
    return np.array([
        math.log1p(full),
        math.log1p(full + rt.other_chars + len(rt.system)),
        math.log1p(lines),
        raw.count(b"```") if h[96] >= 3 else 0,
        raw.count(b'":') + raw.count(b"': ") if colon else 0,
        sum(map(low.count, _SQL_WORDS)),
        h[63],  # ?
        float(t.rstrip().endswith("?")),
        float(t.lstrip()[:16].lower().startswith(_WH)),
        rt.n_tools,
        rt.n_images,
        rt.n_user,
        rt.n_assistant,
        rt.tool_messages,
        math.log1p(len(rt.system)),
        sum(h[48:58]) / nh,  # digits
        sum(h[65:91]) / nh,  # upper case
        sum(h[128:]) / nh,  # non-ASCII bytes
        (h[36] + h[94] + h[61] + h[92]) / nh * 100,  # $ ^ = and backslash
        sum(map(low.count, _ERR_WORDS)),
        (raw.count(b"\n    ") + raw.count(b"\n\t")) / lines if nl else 0.0,
        (h[59] + h[123] + h[125] + (raw.count(b"()") if h[40] else 0)) / nh * 100,  # ; { } ()
        raw.count(b"http://") + raw.count(b"https://") if colon else 0,
        float(rt.stream),
        n / max(n_words, 1),
        math.log1p(n_words),
        raw.count(b"\n- ") + raw.count(b"\n* ") + raw.count(b"\n1.") + raw.count(b"\n2.") if nl else 0,
        (raw.count(b"\\frac") + raw.count(b"\\sum") + raw.count(b"\\int") + raw.count(b"\\mathbb") if h[92] else 0)
        + (raw.count(b"$$") if h[36] >= 2 else 0),
        float(rt.content_array),
    ], dtype=np.float32)


def dense_features(rt: RequestText) -> np.ndarray:
    """Dense float32 row of N_FEATURES: n-gram counts, then structure."""
    return dense_features_and_buckets(rt)[0]


def dense_features_and_buckets(rt: RequestText) -> tuple[np.ndarray, np.ndarray]:
    """`dense_features`, and the n-gram columns it counted (one per occurrence): a short prompt's linear score
    reads only those."""
    t = _view(rt.main)
    low = _lower_utf8(t)
    grams, terms, ask_terms = _ngrams(low)
    x = _counts(grams, N_FEATURES)
    x[STRUCT_OFF:LEX_OFF] = _structure(rt, t, low)
    x[LEX_OFF:ASK_OFF] = terms
    x[ASK_OFF:] = ask_terms
    return x, grams


@njit(cache=True, nogil=True)
def _counts(columns: np.ndarray, size: int) -> np.ndarray:
    x = np.zeros(size, np.float32)
    for c in columns:
        x[c] += 1
    return x


def features_of_text(rt: RequestText) -> FeatureVector:
    """Sparse features of an already split request."""
    x = dense_features(rt)
    nz = np.flatnonzero(x).astype(np.int32)
    return FeatureVector(indices=nz, values=x[nz])


def extract(messages: Sequence[Mapping[str, Any]], tools: Iterable[Any] | None = None,
            stream: bool = False) -> FeatureVector:
    """Features of one OpenAI-format request."""
    return features_of_text(request_text(messages, list(tools) if tools is not None else None, stream))
