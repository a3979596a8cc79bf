"""Realistic ~200-word messages for the cloak bench: support chat, business e-mail, JSON payload, code snippet.

A few entities per message (a name, an e-mail, a phone, a city, a company), the rest ordinary prose, code and
data. Templates and values are written for this bench (invented names, example domains); fixed seed by the caller.
"""

from __future__ import annotations

import random

__all__ = ["realistic"]

FIRST = "Maren Tobias Ines Kofi Lior Annika Rafael Yuki Dario Selin Oona Matteo Priyanka Callum Agnieszka".split()
LAST = "Halvorsen Okonkwo Brandauer Castellanos Nieminen Whitcombe Sato Adebayo Lindahl Ferraz Quarshie Delacroix".split()
CITY = "Leeds Rotterdam Lyon Porto Gdansk Tampere Bristol Valencia".split()
COMPANY = ["Harrowgate Freight Ltd", "Bluefin Analytics GmbH", "Orchard Lane Dental LLC", "Tidewater Media BV"]

SUPPORT = """User: hi, I ordered the standing desk last week and it still hasn't shipped. The tracking page just says "label created" since Monday.
Assistant: Sorry about the wait! Could you share the order number and the email on the account so I can look it up?
User: order {order}, and the email is {email}. I paid with the usual card.
Assistant: Thanks. I can see the order; the warehouse flagged the parcel as oversized, so it moved to a freight carrier. That adds two to three working days, and the new estimate is Thursday. Would you like me to upgrade delivery at no cost, or keep the current slot?
User: keep the slot, but can the driver call me before arriving? My number is {phone}. Also my neighbour {first} can sign for it if I'm out.
Assistant: Done: I added a call-ahead note and {first} as an alternative recipient. You will get an email with the carrier's tracking link within a day. Is there anything else I can help with today?
User: no, that's all, thanks for sorting it out so quickly. {extra}"""

EMAIL = """Subject: Q3 renewal and onboarding plan

Hi {first},

Thanks again for the call on Tuesday. As promised, here is a short summary of where we landed and what happens next.

1. The renewal covers 40 seats for twelve months at the price we discussed; legal will send the order form by Friday.
2. Onboarding starts the week of the 14th. Our implementation lead will run two sessions for your admins and one for the wider team; each takes about an hour and we record them.
3. The SSO migration moves to the second sprint, because your identity provider needs a config change on your side first.
4. Invoices go to the finance mailbox as before; please tell us if the billing address changes after the office move to {city}.

If anything in this list looks wrong, reply to this thread or call me on {phone}. I am out of office next Wednesday, but the rest of the team can answer questions in the shared channel.

{extra}

Best regards,
{name}
Account Manager, {company}"""

JSON = """Can you check why this webhook payload fails validation? The schema says every field is present, but the consumer rejects it with a 422 and no details.

{{"event": "invoice.updated", "version": 3, "created_at": "2025-09-14T08:21:07Z", "data": {{"invoice_id": "INV-{order}", "status": "open", "currency": "EUR", "amount_due": 1840.5, "lines": [{{"sku": "PLAN-TEAM", "quantity": 12, "unit_price": 120.0}}, {{"sku": "ADDON-SSO", "quantity": 1, "unit_price": 400.5}}], "customer": {{"name": "{name}", "email": "{email}", "tier": "gold"}}, "metadata": {{"source": "billing-service", "retry": false, "trace": "a41f09c2"}}}}}}

The consumer is a small service that maps the payload onto our ledger model. It worked last month; the only change I know of is the version bump from 2 to 3. I suspect the nested lines array or the float amounts, because the old version sent integers in cents. {extra} Any idea what to look at first?

For context, the producer side serialises with the standard library encoder and sends the body gzip-compressed; the consumer decompresses, validates against the published JSON schema and only then maps the fields. Replaying the same payload from the dead-letter queue gives the same 422, so it is not a transient problem or a race with the schema registry."""

CODE = """I'm getting a KeyError when the retry path runs. Here is the function and the traceback:

def fetch_report(client, report_id, retries=3):
    for attempt in range(retries):
        resp = client.get(f"/reports/{{report_id}}", timeout=10)
        if resp.status_code == 429:
            time.sleep(2 ** attempt)
            continue
        resp.raise_for_status()
        body = resp.json()
        return body["data"]["rows"]
    raise RuntimeError("gave up after retries")

Traceback (most recent call last):
  File "jobs/report.py", line 42, in run
    rows = fetch_report(client, job.report_id)
  File "jobs/report.py", line 17, in fetch_report
    return body["data"]["rows"]
KeyError: 'rows'

The job runs nightly on the staging box and was written by {name}. It only fails when the API returns an empty report; then the body has "data": {{}} with no rows key. Should I default to an empty list, or is it better to raise a clear error? {extra} We use Python 3.11 and requests 2.32.

I would rather not hide real problems: an empty report is normal on holidays, but a missing data key on a busy day usually means the upstream export crashed halfway. Maybe the right fix is to check the report status field first and only treat a finished report with no rows as empty."""

EXTRAS = ["", "I can also send screenshots if that helps.", "Please keep this between us for now.",
          "We are on the annual plan, if that matters.", "This is not urgent, but it blocks the monthly close.",
          "Happy to jump on a quick call this afternoon.", "Let me know if you need the logs from last night."]


def realistic(n: int, rng: random.Random) -> list[str]:
    """`n` messages, cycling through the four kinds."""
    out = []
    kinds = [SUPPORT, EMAIL, JSON, CODE]
    for i in range(n):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        vals = {
            "first": first, "name": f"{first} {last}", "email": f"{first.lower()}.{last.lower()}{rng.randint(1, 99)}@example.{rng.choice(['com', 'org', 'net'])}",
            "phone": rng.choice([f"+44 7700 9{rng.randint(10000, 99999)}", f"(415) 555-{rng.randint(1000, 9999)}", f"+49 30 {rng.randint(1000000, 9999999)}"]),
            "order": str(rng.randint(100000, 999999)), "city": rng.choice(CITY), "company": rng.choice(COMPANY),
            "extra": " ".join(rng.sample(EXTRAS, 2)),
        }
        out.append(kinds[i % 4].format(**vals))
    return out
