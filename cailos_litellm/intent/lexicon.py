"""Intent stage, step 1b: hand-written term lists (written by the project), one feature column each.

Hashed n-grams alone let trees memorise the phrasing of training seeds, and know no word that training never
saw; lists of terms generalise to phrasings and topics no training prompt used. Three kinds:
- cue words per class (`LEXICON`, below): the first, short list;
- request phrases per class (`data/phrases/<class>.txt`, round 7): what kind of request a prompt makes;
- topic vocabularies (`data/topics/<topic>.txt`, round 7): what a prompt is about (software, maths, …).
Each entry is a word, a two-word phrase, or `^word` (the request's first word); features.py counts them per
column over the whole prompt and over its first and last words, matched on the words' exact hashes.
"""

from __future__ import annotations

import functools
from pathlib import Path

from cailos_litellm.errors import ConfigError
from cailos_litellm.types import TASK_CLASSES

__all__ = ["COLUMNS", "LEXICON", "TOPICS", "term_lists"]

TOPICS: tuple[str, ...] = ("software", "math", "everyday", "professional", "writing")
_PHRASE_CLASSES = tuple(t for t in TASK_CLASSES if t != "vision")  # images, not words, say vision
_DATA = Path(__file__).resolve().parent / "data"
# feature column names, in order (known without reading the lists)
COLUMNS: tuple[str, ...] = (tuple(f"cue_{t}" for t in TASK_CLASSES) + tuple(f"topic_{t}" for t in TOPICS)
                            + tuple(f"phrase_{t}" for t in _PHRASE_CLASSES))

LEXICON: dict[str, tuple[str, ...]] = {
    "extraction": (
        "extract", "^extract", "pull out", "parse", "fields", "entities", "as json", "json object", "key value",
        "get the", "find every", "find all", "list all", "ocr", "invoice", "receipt", "structured", "fill this",
        "which medications", "identify the", "mentioned", "from this", "from the", "keys",
    ),
    "classification": (
        "classify", "^classify", "categorize", "categorise", "category", "categories", "label", "labels", "sentiment",
        "positive or", "or negative", "spam", "tag", "which department", "intent", "toxic", "urgency", "fits best",
        "is this", "match the", "sort these", "detect the", "fraudulent", "answer yes",
    ),
    "summarization": (
        "summarize", "^summarize", "summarise", "summary", "tl;dr", "tldr", "key points", "condense", "shorter",
        "recap", "takeaways", "in brief", "main arguments", "executive summary", "one paragraph", "gist", "overview",
        "release notes", "bullet points", "in 2", "one line",
    ),
    "translation": (
        "translate", "^translate", "translation", "into french", "into german", "into spanish", "into english",
        "to english", "in english", "in french", "in spanish", "in german", "in japanese", "localize", "how do you",
        "say", "mean in", "gloss", "übersetze", "traduis", "traduce", "lojban",
    ),
    "chat": (
        "hi", "^hi", "hello", "^hey", "thanks", "thank you", "recommend", "tips", "ideas for", "any ideas", "should i",
        "my friend", "i'm bored", "recipe", "fun fact", "what's a", "who wrote", "what's the", "how are", "pretend",
        "let's play", "favorite", "advice", "workout", "breakfast", "vacation",
    ),
    "creative_writing": (
        "story", "poem", "haiku", "limerick", "lyrics", "song", "sonnet", "slogan", "slogans", "blog post", "tweet",
        "linkedin", "cover letter", "speech", "toast", "screenplay", "dialogue", "character", "backstory", "essay",
        "press release", "draft a", "write a", "rewrite", "catchy", "fairy tale", "in the style", "compose",
        "proposal", "article", "introduction", "ideas", "creative", "narrative", "prompt",
    ),
    "code_generation": (
        "function", "code", "script", "implement", "class", "program", "python", "javascript", "typescript", "java",
        "rust", "golang", "c++", "c#", "api", "endpoint", "component", "regex", "bash", "html", "css", "react",
        "library", "module", "write a", "give me", "snippet", "refactor", "unit tests", "algorithm", "```", "def",
        "import", "return", "dockerfile", "yaml", "terraform", "plugin", "app", "library", "framework", "pandas",
        "numpy", "cli", "github", "kubernetes", "docker", "linux", "how can i", "how to", "using",
    ),
    "debugging": (
        "error", "bug", "fix", "^fix", "exception", "traceback", "stack trace", "crash", "crashes", "fails",
        "failing", "doesn't work", "not working", "wrong", "why does", "why is", "issue", "problem", "warning",
        "segfault", "undefined", "null", "broken", "debug", "flaky", "leak", "hangs", "getting this", "got this",
        "what's wrong", "vulnerability", "root cause", "find the",
    ),
    "sql": (
        "sql", "query", "select", "join", "table", "tables", "database", "schema", "index", "indexes", "postgres",
        "postgresql", "mysql", "sqlite", "group by", "where", "rows", "column", "columns", "upsert", "stored procedure",
        "cte", "window function", "primary key", "foreign key", "snowflake", "bigquery", "clickhouse", "databricks",
    ),
    "math_reasoning": (
        "prove", "^prove", "proof", "solve", "probability", "calculate", "compute", "equation", "integral",
        "derivative", "theorem", "expected", "how many", "percent", "sum", "prime", "matrix", "eigenvalues",
        "confidence interval", "dice", "puzzle", "riddle", "$", "\\frac", "x^2", "minimum", "maximum", "interest",
        "ratio", "probability that", "show that", "find the", "what is", "math", "formula",
    ),
    "analysis": (
        "compare", "comparison", "pros and", "cons", "trade-offs", "tradeoffs", "evaluate", "assess", "analysis",
        "analyze", "analyse", "swot", "strategy", "market", "risks", "implications", "explain", "in detail",
        "why did", "should we", "critique", "design", "architecture", "best practices", "roadmap", "plan",
        "business", "recommendation", "differential", "diagnosis", "decision", "impact", "kpis", "approach",
        "describe", "discuss", "framework", "ethical", "concept", "detailed",
    ),
    "tool_use": (
        "book", "schedule", "remind", "reminder", "send an", "email to", "look up", "check if", "weather", "turn off",
        "turn on", "cancel my", "create a ticket", "jira", "calendar", "fetch", "my order", "order status", "run the",
        "restart", "flights", "add to", "shopping list", "stock price", "crm", "use the", "tool", "experts",
    ),
    "vision": (
        "image", "picture", "photo", "screenshot", "this chart", "diagram", "in the image", "this photo", "handwritten",
        "see", "look like", "shown", "alt text", "x-ray", "scan",
    ),
}


def _read(path: Path) -> tuple[str, ...]:
    """One term per line; `#` lines are comments."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as e:  # the lists ship in the package: a broken install, found when the classifier loads
        raise ConfigError(f"intent term list unreadable: {path} ({e.strerror}); reinstall cailos-litellm") from None
    return tuple(dict.fromkeys(t.strip().lower() for t in lines if t.strip() and not t.startswith("#")))


@functools.cache
def term_lists() -> tuple[tuple[str, ...], ...]:
    """The terms of each column of `COLUMNS`, in the same order."""
    return (tuple(LEXICON[t] for t in TASK_CLASSES) + tuple(_read(_DATA / "topics" / f"{t}.txt") for t in TOPICS)
            + tuple(_read(_DATA / "phrases" / f"{t}.txt") for t in _PHRASE_CLASSES))
