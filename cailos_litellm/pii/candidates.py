"""PII shield: where NER needs to look. Capitalised words that could start a name, and small windows around them.

spaCy's cost is per token (~0.05-0.08 ms here) plus ~1.2 ms a call, so the shield feeds it only short windows
around candidate words: capitalised, not a function word, calendar word, acronym or public product name, not
already inside a span a structured detector or context rule found, and — at the start of a sentence, where every
word is capitalised — not a common English word. Everything else cannot hold an entity the model would report
(`analyzer._trim` drops NER spans that do not start upper-case).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from typing import Sequence

from cailos_litellm.pii.detectors._stopwords import STOP_WORDS
from cailos_litellm.pii.spans import Span

__all__ = ["COMMON_STARTERS", "NOT_CANDIDATES", "PUBLIC_NAMES", "candidate_windows", "is_candidate"]

# Capitalised words that never start an entity on their own (greetings, calendar words, tech acronyms).
NOT_CANDIDATES: frozenset[str] = frozenset(
    """i i'm i've i'd i'll ok okay hi hello hey dear thanks thank yes sure great good please note regards best cheers
    monday tuesday wednesday thursday friday saturday sunday january february march april june july august september
    october november december q1 q2 q3 q4 api apis json xml yaml sql http https url urls pdf csv id ids ui ux ai llm
    faq eta asap fyi tbd n/a am pm utc gmt usd eur gbp ceo cto cfo vp hr it qa pr iban bic swift ssn sin ni nino
    vat pin otp ip ipv4 ipv6 dns vpn ssh tls ssl dob zip plz tel fax re fw mr mrs ms mx dr prof""".split()
)

# Vendors, products and platforms people name at work: public, not about a person or a client. spaCy's small
# model tags many of them ORG; they are never cloaked (a team can still add its clients via the policy).
PUBLIC_NAMES: frozenset[str] = frozenset(
    s.casefold()
    for s in """Slack Jira Confluence GitHub GitLab Bitbucket Kubernetes Docker Postgres PostgreSQL MySQL Redis
    MongoDB AWS Azure GCP Excel PowerPoint Outlook Zoom Teams Notion Figma Salesforce HubSpot Stripe Shopify
    Python JavaScript TypeScript React Vue Angular Node Node.js Django Flask FastAPI Linux Windows macOS iOS Android
    Chrome Firefox Safari OpenAI ChatGPT GPT GPT-4 GPT-4o Claude Gemini Llama Mistral LiteLLM Terraform Grafana
    Datadog Sentry Kafka Airflow Snowflake BigQuery Tableau Looker Zendesk Intercom Trello Asana Dropbox iPhone
    iPad MacBook Pixel Galaxy Kindle Alexa Siri Google Microsoft Apple Amazon Meta Nvidia Intel SAP Oracle IBM
    PayPal Visa Mastercard Gmail Uber Airbnb Netflix Spotify WhatsApp Telegram Signal LinkedIn Twitter YouTube
    Wi-Fi Bluetooth USB HDMI SQL NoSQL GraphQL REST SDK CLI CI/CD DevOps SaaS CRM ERP KPI OKR SLA SLO NPS ROI
    Q1 Q2 Q3 Q4 EMEA APAC LATAM Prometheus Jenkins Vercel Netlify Heroku Cloudflare Supabase Firebase Pandas NumPy
    """.split()
)

# Common English words that open a sentence or a line (imperatives, adverbs, discourse words, chat roles). At the
# start of a sentence their capital says nothing; elsewhere a capitalised word stays a candidate ("ask Will").
# Words that are also common first names (Mark, Grace, Bill …) are deliberately absent.
COMMON_STARTERS: frozenset[str] = frozenset(
    """able about above absolutely according actually add added adding after afternoon again agreed all allow also
    although always an and another answer any anyone anything apologies appreciate are as ask asked assistant at
    attached attachment available back based be because been before being below best better between both bring
    but by call can cannot can't case certainly change changed check checked checking choose click close closed
    come comment confirm confirmed consider contact continue could couldn't create created current currently customer
    daily date day days dear debug default delete deliver delivery description details did didn't do does doesn't
    done don't double due during each early either else email enable end ensure enter error estimated even evening
    every everyone everything example expected failed feel few field file final finally find fine first fix fixed
    follow following for forward found from full further get give given glad go going good got great had happy has
    have having he hello help here hey hi his how however i if important in include including info input instead is
    isn't issue it its it's just keep kind kindly last later latest let let's like line list log look looking
    looks lots made make many maybe meanwhile message might more morning most move much must my name need needed
    needs never new next no none nor not note nothing now number of off oh ok okay old on once one only open
    or order other otherwise our out output over overall per perhaps please plus possible previous price priority
    probably problem quick quite re read ready really reason received recently regarding regards remember reminder
    remove reply report request required reset result results return right run same save second see seems send
    sent set she should shouldn't show since so some someone something sorry start started status step still stop
    subject submit such summary support sure system take team tell thank thanks that that's the their then there
    there's these they this those though thus ticket to today together tomorrow too total tried try trying two
    unfortunately unless until update updated upon urgent us use user using usually value very via wait want
    wanted was we we'll we're we've welcome well were what what's when where whether which while who why will
    with within without won't would wouldn't write yes yesterday yet you you'll you're your
    access account action address agent agenda amount appointment approval approved balance bank billing booking
    budget bug build callback cancel card chargeback claim client code commit consultant contract correct cost
    customers deadline deploy direct discount draft emergency employee escalation exit expense fee feedback finance
    flight guest hotel identity incident insurance invoice job lead legal manager meeting migration model notes
    offer office owner passenger patient payment payroll phone plan policy pricing pro product project quarterly
    quote refund relocation renewal reservation revenue review room salary schedule security server service
    shipping sincerely social source staff task tax tracking traceback training transfer travel upgrade weight wire
    accounts admin admins agreement alert analysis app application audit backup batch benefit bill board branch
    calendar campaign category certificate channel checkout comments company compliance config configuration
    contract customer dashboard data database department deployment design document documents draft environment
    estimate event events export feature features files form forms goal guide hardware headline holiday import
    inventory item items key keys laptop license limit link links logs login meetings metrics module monitor network
    onboarding operations order orders package page pages parcel password payments permission permissions pipeline
    platform portal process purchase quality query queue rate receipt record records region release reminder
    reports repository request requests requirement retry risk roadmap role rollout schema screen script search
    session settings setup shift sign slot software sprint storage store strategy subscription supplier survey
    template terms test tests thread timeline token tool tools topic traffic trial usage vendor version warehouse
    webhook website week weekly workflow workshop""".split()
)

_CODEY = re.compile(r"[\d=()\[\]{}_/\\@<>]")
_CAP = re.compile(r"[A-ZÀ-Ý]\S*")
_CODE_NAME = re.compile(r"[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)*(?:Error|Exception|Warning|Exit|Interrupt|Iteration)")
_NOUN_VERB_ENDINGS = ("tion", "tions", "sion", "sions", "ment", "ments", "ness", "ity", "ities")
_STRIP = "\"'()[]{}<>,.;:!?*_`“”‘’"
_SENTENCE_END = frozenset(".!?:;\n\"'([{-*>#|•–—")


def is_candidate(word: str, initial: bool) -> bool:
    """Could this whitespace-delimited word start or be part of a name the model would report?"""
    w = word.strip(_STRIP)
    if not w or not ("A" <= w[0] <= "Z" or "À" <= w[0] <= "Ý"):
        return False
    if w.isupper() and len(w) > 1:
        return False  # acronyms and legal forms (AG, LLC: the org rule covers those)
    low = w.casefold()
    if low in STOP_WORDS or low in NOT_CANDIDATES or low in PUBLIC_NAMES:
        return False
    if _CODEY.search(w):
        return False  # numbers, code and markup
    if low.endswith(("'s", "’s")):
        low = low[:-2]
    if _CODE_NAME.fullmatch(w):
        return False  # KeyError, ValueError: code, not a company
    if not initial:
        return True
    if low in COMMON_STARTERS or (low.endswith("s") and low[:-1] in COMMON_STARTERS):
        return False
    # "Invoices …", "Confirmation …", "Deployment …": word shapes English names do not have.
    return not (len(low) >= 6 and low.endswith(_NOUN_VERB_ENDINGS))


def candidate_windows(text: str, covered: Sequence[Span] = (), radius: int = 3) -> list[tuple[int, int]]:
    """Character ranges (merged, on one line) of `radius` words around each candidate word outside `covered`."""
    cov = sorted((s.start, s.end) for s in covered)
    cov_starts = [a for a, _ in cov]
    right = _right(radius)
    windows: list[tuple[int, int]] = []
    for m in _CAP.finditer(text):  # only capitalised letters are visited, in C
        cs, e = m.start(), m.end()
        s = cs
        while s > 0 and text[s - 1] in _STRIP:
            s -= 1
        if s > 0 and not text[s - 1].isspace():
            continue  # "iPhone", "x.Foo": the capital is inside a word
        if not is_candidate(text[s:e], s == 0 or _initial(text, s)):
            continue
        core = text[cs:e].rstrip(_STRIP)
        k = bisect_right(cov_starts, cs) - 1
        if k >= 0 and cov[k][1] >= cs + len(core) - (2 if core.endswith(("'s", "’s")) else 0):
            continue  # already inside a detector's span
        # Up to `radius` words either side, on the candidate's line (a line break ends a sentence for the model).
        start = _left(text, s, radius)
        end = right.match(text, e).end()
        if windows and start <= windows[-1][1] + 1:
            windows[-1] = (windows[-1][0], max(end, windows[-1][1]))
        else:
            windows.append((start, end))
    return windows


@lru_cache(maxsize=8)
def _right(radius: int) -> re.Pattern[str]:
    return re.compile(rf"(?:[ \t]+[^\s]+){{0,{radius}}}")


def _left(text: str, s: int, radius: int) -> int:
    """Start of the `radius`-th word before offset `s`, not before the start of its line."""
    line = text.rfind("\n", 0, s) + 1
    pos = s
    for _ in range(radius):
        k = pos - 1
        while k >= line and text[k] in " \t":
            k -= 1
        if k < line:
            break
        pos = max(text.rfind(" ", line, k), text.rfind("\t", line, k)) + 1
        if pos <= line:
            return line
    return pos


def _initial(text: str, start: int) -> bool:
    """True when the word at `start` opens a sentence, line, quote or list item."""
    j = start - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    return j < 0 or text[j] in _SENTENCE_END
