"""Intent stage, step 1a: stable hashes of the word, character and edge n-grams of a byte string (compiled).

A polynomial prefix hash mod 2**64 over the UTF-8 bytes: stable across processes, unlike Python's `hash()`.
It runs as one compiled loop (numba): between two requests a proxy runs ~13 ms of other work, after which every
distinct numpy call costs 10-20 µs of cold caches; a numpy version of this step made about 25 of them.
"""

from __future__ import annotations

import numpy as np
from numba import njit

__all__ = ["MAX_BYTES", "first_tokens_at", "ngram_hashes", "word_grams"]

MAX_BYTES = 1024  # the longest byte string hashed (see features._window)
_P = 0x100000001B3  # odd multiplier: invertible mod 2**64
_MASK = (1 << 64) - 1


def _powers(base: int, n: int) -> np.ndarray:
    """base**i mod 2**64 for i in 0..n, exactly (Python ints; float cumprod would overflow)."""
    out, v = [], 1
    for _ in range(n + 1):
        out.append(v)
        v = (v * base) & _MASK
    return np.array(out, dtype=np.uint64)


_POW = _powers(_P, MAX_BYTES + 8)
_POW_INV = _powers(pow(_P, -1, 1 << 64), MAX_BYTES + 8)
_PUNCT_SEED = np.uint64(0xABCDEF)
_SEED_BIGRAM, _SEED_C3, _SEED_C4 = np.uint64(0x51), np.uint64(0x33), np.uint64(0x44)
_SEED_FIRST, _SEED_LAST = np.uint64(0xF1), np.uint64(0x1A)
_M2 = np.uint64(0xC2B2AE3D27D4EB4F)
_MIX = np.uint64(0x9E3779B97F4A7C15)
_SHIFT = np.uint64(40)
_FIRST, _LAST = 4, 12  # edge words: the first tokens, the last words
# byte classes: word bytes (ASCII letters, digits, _, and UTF-8 bytes of non-ASCII letters); every other
# non-space byte is a token of its own
_WORDCHAR = np.zeros(256, dtype=np.bool_)
_WORDCHAR[list(b"abcdefghijklmnopqrstuvwxyz0123456789_")] = True
_WORDCHAR[128:] = True
_PUNCT = ~_WORDCHAR
_PUNCT[[9, 10, 11, 12, 13, 32]] = False


@njit(cache=True, nogil=True)
def _prefix(b: np.ndarray) -> np.ndarray:
    prefix = np.empty(b.size + 1, np.uint64)
    prefix[0] = 0
    acc = np.uint64(0)
    for i in range(b.size):
        acc += np.uint64(b[i]) * _POW[i]
        prefix[i + 1] = acc
    return prefix


@njit(cache=True, nogil=True)
def _span(prefix: np.ndarray, start: int, end: int) -> np.uint64:
    return (prefix[end] - prefix[start]) * _POW_INV[start]


@njit(cache=True, nogil=True)
def _tokens(b: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(prefix hash, token hashes in order, word hashes) of lower-cased UTF-8 bytes (at most MAX_BYTES + 8).
    Tokens are words (maximal runs of word bytes) and single punctuation bytes."""
    n = b.size
    prefix = _prefix(b)
    tok = np.empty(n, np.uint64)
    words = np.empty(n, np.uint64)
    nt = nw = 0
    i = 0
    while i < n:
        if _WORDCHAR[b[i]]:
            j = i + 1
            while j < n and _WORDCHAR[b[j]]:
                j += 1
            tok[nt] = _span(prefix, i, j)
            words[nw] = tok[nt]
            nt += 1
            nw += 1
            i = j
        else:
            if _PUNCT[b[i]]:
                tok[nt] = np.uint64(b[i]) + _PUNCT_SEED
                nt += 1
            i += 1
    return prefix, tok[:nt], words[:nw]


def first_tokens_at(nt: int) -> int:
    """Where the first tokens start in `ngram_hashes`' hashes, for `nt` tokens: after the tokens and their
    bigrams (so the last bigram is just before)."""
    return nt + max(nt - 1, 0)


def word_grams(nt: int) -> int:
    """How many of `ngram_hashes`' first hashes are word n-grams (tokens, their bigrams, the first tokens), for
    `nt` tokens."""
    return first_tokens_at(nt) + min(nt, _FIRST)


@njit(cache=True, nogil=True)
def ngram_hashes(b: np.ndarray, char_head: int, char_tail: int,
                 term_dim: int) -> tuple[np.ndarray, np.ndarray, int]:
    """(hashes, their wide buckets mod `term_dim`, token count) of a byte string of at least 4 bytes. Hashes, in
    order: tokens, token bigrams, the first 4 tokens, char 3-grams, char 4-grams, the last 12 words. Char n-grams
    start in the first `char_head` bytes and the last `char_tail` of a longer string only."""
    n = b.size
    if n < 4 or n > MAX_BYTES + 8:  # compiled code does not check bounds: refuse what the tables do not cover
        raise ValueError("ngram_hashes takes 4 to MAX_BYTES + 8 bytes")
    prefix, tok, words = _tokens(b)
    nt, nw = tok.size, words.size
    short = n <= char_head + char_tail
    if short:
        n3, n4 = n - 2, n - 3
    else:
        n3 = n4 = char_head + char_tail - 3
    n_bi = max(nt - 1, 0)
    n_first, n_last = min(nt, _FIRST), min(nw, _LAST)
    h = np.empty(nt + n_bi + n_first + n3 + n4 + n_last, np.uint64)
    h[:nt] = tok
    k = nt
    for i in range(n_bi):
        h[k + i] = tok[i] * _M2 + tok[i + 1] + _SEED_BIGRAM
    k += n_bi
    for i in range(n_first):
        h[k + i] = tok[i] + _SEED_FIRST
    k += n_first
    for i in range(n3):
        s = i if (short or i < char_head) else n - char_tail + i - char_head
        h[k + i] = _span(prefix, s, s + 3) + _SEED_C3
    k += n3
    for i in range(n4):
        s = i if (short or i < char_head) else n - char_tail + i - char_head
        h[k + i] = _span(prefix, s, s + 4) + _SEED_C4
    k += n4
    for i in range(n_last):
        h[k + i] = words[nw - n_last + i] + _SEED_LAST
    wide = np.empty(h.size, np.int64)
    for i in range(h.size):
        wide[i] = np.int64((h[i] * _MIX) >> _SHIFT) & (term_dim - 1)
    return h, wide, nt
