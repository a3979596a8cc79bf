"""Slot vocabularies for the synthetic prompt generator (written by the project, no third-party lists).

A template names a slot as `{name}`; the generator picks one value at random, and values may name
slots themselves (expanded up to three levels deep).
"""

from __future__ import annotations

__all__ = ["SLOTS"]

_CODE_PY = """def load_users(path):
    users = []
    with open(path) as f:
        for line in f:
            name, age = line.strip().split(",")
            users.append({"name": name, "age": int(age)})
    return users"""

_CODE_JS = """async function fetchOrders(customerId) {
  const res = await fetch(`/api/orders?customer=${customerId}`);
  const data = res.json();
  return data.items.filter(o => o.status == "open");
}"""

_CODE_GO = """func worker(jobs <-chan int, results chan<- int, wg *sync.WaitGroup) {
    for j := range jobs {
        results <- j * 2
    }
    wg.Done()
}"""

_CODE_JAVA = """public class Cache<K, V> {
    private final Map<K, V> map = new HashMap<>();
    public V get(K key) { return map.get(key); }
    public void put(K key, V value) { map.put(key, value); }
}"""

_CODE_RS = """fn parse_line(line: &str) -> Option<(String, u32)> {
    let mut parts = line.split(':');
    let name = parts.next()?.trim().to_string();
    let score = parts.next()?.trim().parse().ok()?;
    Some((name, score))
}"""

_CODE_TS = """interface Props { items: string[]; onSelect: (i: number) => void }
export function List({ items, onSelect }: Props) {
  return <ul>{items.map((it, i) => <li onClick={() => onSelect(i)}>{it}</li>)}</ul>;
}"""

_CODE_CPP = """std::vector<int> topK(const std::vector<int>& v, int k) {
    std::priority_queue<int, std::vector<int>, std::greater<int>> pq;
    for (int x : v) { pq.push(x); if (pq.size() > k) pq.pop(); }
    std::vector<int> out;
    while (!pq.empty()) { out.push_back(pq.top()); pq.pop(); }
    return out;
}"""

_CODE_SH = """#!/bin/bash
for f in $(ls *.log); do
  gzip $f
  mv $f.gz archive/
done"""

_JSON_ORDER = """{"order_id": "A-1042", "customer": {"name": "Mara Lenz", "email": "mara@example.org"},
 "items": [{"sku": "KB-88", "qty": 2, "price": 49.9}, {"sku": "MS-12", "qty": 1, "price": 19.0}],
 "shipping": {"method": "express", "country": "DE"}}"""

_JSON_CONF = """{
  "service": "billing",
  "replicas": 3,
  "env": {"DB_HOST": "db.internal", "POOL_SIZE": "20"},
  "features": ["invoices", "refunds"]
}"""

SLOTS: dict[str, list[str]] = {
    "lang": ["Python", "JavaScript", "TypeScript", "Go", "Rust", "Java", "C#", "C++", "Ruby", "PHP", "Kotlin",
             "Swift", "Scala", "Elixir", "Haskell", "Lua", "Dart", "R", "Julia", "C"],
    "script": ["bash", "PowerShell", "zsh", "a Makefile", "a GitHub Actions workflow", "a Dockerfile"],
    "framework": ["Django", "Flask", "FastAPI", "React", "Vue 3", "Svelte", "Next.js", "Spring Boot", "Express",
                  "Laravel", "Rails", "ASP.NET Core", "Angular", "Gin", "Actix", "Phoenix", "Qt", "Flutter",
                  "SwiftUI", "Jetpack Compose", "Streamlit", "Gradio", "pandas", "PyTorch", "TensorFlow", "Unity"],
    "thing": ["a rate limiter", "an LRU cache", "a CSV parser", "a REST endpoint for user signup", "a binary search tree",
              "a retry wrapper with exponential backoff", "a CLI that renames files by date", "a websocket chat server",
              "a markdown-to-HTML converter", "a JWT authentication middleware", "a producer/consumer queue",
              "a function that validates IBANs", "a paginated table component", "a file watcher",
              "a Trie with prefix search", "a thread pool", "a URL shortener", "a todo list API with SQLite",
              "a debounce helper", "a matrix multiplication routine", "a tokenizer for arithmetic expressions",
              "a unit test suite for a shopping cart", "a script that resizes all images in a folder",
              "a Dijkstra shortest path function", "an event emitter", "a config loader that merges YAML files",
              "a scraper that collects product prices", "a k-means clustering implementation",
              "a Discord bot that answers /ping", "a priority queue", "a GraphQL resolver for comments"],
    "code": [_CODE_PY, _CODE_JS, _CODE_GO, _CODE_JAVA, _CODE_RS, _CODE_TS, _CODE_CPP, _CODE_SH],
    "json": [_JSON_ORDER, _JSON_CONF],
    "error": [
        "TypeError: 'NoneType' object is not subscriptable",
        "Traceback (most recent call last):\n  File \"app.py\", line 42, in <module>\n    main()\n  File \"app.py\", line 17, in main\n    total = sum(row['amount'] for row in rows)\nKeyError: 'amount'",
        "Uncaught TypeError: Cannot read properties of undefined (reading 'map')",
        "error[E0502]: cannot borrow `v` as mutable because it is also borrowed as immutable",
        "panic: runtime error: invalid memory address or nil pointer dereference\n[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x4a1b2c]",
        "java.lang.NullPointerException: Cannot invoke \"String.length()\" because \"name\" is null\n\tat com.acme.UserService.validate(UserService.java:58)",
        "Segmentation fault (core dumped)",
        "ModuleNotFoundError: No module named 'torch'",
        "django.db.utils.OperationalError: no such table: accounts_profile",
        "CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.",
        "ERROR 1452 (23000): Cannot add or update a child row: a foreign key constraint fails",
        "fatal: refusing to merge unrelated histories",
        "npm ERR! code ERESOLVE\nnpm ERR! ERESOLVE unable to resolve dependency tree",
        "RuntimeError: CUDA out of memory. Tried to allocate 2.00 GiB",
        "ValueError: operands could not be broadcast together with shapes (32,10) (32,)",
        "Warning: Each child in a list should have a unique \"key\" prop.",
        "undefined reference to `pthread_create'",
        "IndexError: list index out of range",
        "Error: listen EADDRINUSE: address already in use :::3000",
        "kubectl: Back-off restarting failed container (CrashLoopBackOff)",
        "SSL: CERTIFICATE_VERIFY_FAILED certificate verify failed: unable to get local issuer certificate",
        "ConcurrentModificationException at java.util.ArrayList$Itr.checkForComodification",
    ],
    "symptom": ["returns the wrong total", "hangs forever", "works locally but fails in production",
                "is really slow on large inputs", "leaks memory", "crashes on empty input",
                "gives a different result every run", "never updates the UI", "deadlocks under load",
                "prints nothing", "drops the last element", "double-counts some rows", "times out after 30 seconds"],
    "table": ["orders(id, customer_id, total, created_at)", "employees(id, name, dept_id, salary, hired_on)",
              "events(event_id, user_id, type, ts)", "products(sku, name, category, price)",
              "payments(id, invoice_id, amount, paid_at, method)", "sessions(id, user_id, started_at, ended_at)",
              "tickets(id, status, priority, assignee, opened_at, closed_at)", "inventory(sku, warehouse, qty, updated_at)"],
    "dialect": ["PostgreSQL", "MySQL", "SQLite", "SQL Server", "BigQuery", "Snowflake", "Oracle", "ClickHouse",
                "Databricks SQL", "DuckDB"],
    "topic": ["remote work", "electric cars", "urban beekeeping", "the history of the printing press",
              "microplastics in oceans", "the four-day work week", "open-source software funding", "sleep and memory",
              "nuclear fusion", "the Roman road network", "coffee farming", "quantum computing", "inflation",
              "vertical farming", "social media and teenagers", "the Apollo program", "antibiotic resistance",
              "the gig economy", "battery recycling", "the French revolution", "minimalism", "wildfires",
              "learning a second language", "public libraries", "space debris", "the Silk Road", "sourdough baking"],
    "company": ["a small bakery", "a B2B SaaS startup", "a regional bank", "a hospital network", "a logistics company",
                "an online bookstore", "a dental clinic chain", "a gaming studio", "a non-profit", "a coffee roaster",
                "a law firm", "a solar installer", "a university IT department", "a fashion e-commerce brand"],
    "product": ["a budgeting app", "a smart thermostat", "noise-cancelling headphones", "a meal-kit subscription",
                "a project management tool", "an e-bike", "a language-learning app", "a CRM for freelancers",
                "a password manager", "a plant-based protein bar", "a standing desk", "a code review bot"],
    "person": ["Alice", "Jonas", "Priya", "Mateo", "Yuki", "Fatima", "Oliver", "Chen Wei", "Amara", "Lukas", "Sofia",
               "Dmitri", "Grace", "Ahmed", "Elena"],
    "city": ["Lisbon", "Osaka", "Nairobi", "Toronto", "Krakow", "Melbourne", "Austin", "Hamburg", "Bogota", "Seoul"],
    "natlang": ["French", "German", "Spanish", "Italian", "Japanese", "Portuguese", "Dutch", "Polish", "Korean",
                "Chinese", "Arabic", "Turkish", "Swedish", "Hindi", "Ukrainian", "Greek"],
    "tone": ["formal", "friendly", "playful", "professional", "warm", "concise", "persuasive", "humorous"],
    "form": ["a short story", "a poem", "a limerick", "a haiku", "song lyrics", "a bedtime story", "a sonnet",
             "a rap verse", "a fairy tale", "a flash fiction piece", "a villanelle", "a monologue"],
    "animal": ["a fox", "an octopus", "a lonely robot", "a lighthouse keeper", "a retired astronaut", "a dragon",
               "a street cat", "a time traveler", "a pirate captain", "a detective", "a chef", "a ghost"],
    "n": ["3", "5", "7", "10", "12", "4", "6", "8"],
    "num": ["12", "48", "150", "7", "365", "1024", "2.5", "0.35", "81", "96", "17", "250"],
    "sentence": [
        "The meeting has been moved to Thursday at 3 pm because the client is travelling.",
        "Our quarterly revenue grew by 12 percent, mostly thanks to the new subscription tier.",
        "Please remember to submit your expense reports before the end of the month.",
        "The hiking trail will be closed next week for maintenance after the storm.",
        "I really loved the food, but the service was painfully slow.",
        "The new software update fixes several security issues and improves battery life.",
        "Children under twelve must be accompanied by an adult at all times.",
        "We are looking for a volunteer to organise the summer picnic.",
        "The train to the airport leaves every twenty minutes from platform four.",
        "Thank you for your patience while we investigate the outage.",
    ],
    "review": [
        "Absolutely love this blender, it crushes ice in seconds and is easy to clean.",
        "The package arrived two weeks late and the box was crushed. Not ordering again.",
        "It's okay. Does what it says, nothing special, a bit overpriced.",
        "Customer support solved my issue in five minutes, great experience!",
        "The app keeps logging me out and deleting my drafts. Very frustrating.",
        "Battery lasts all day, but the camera is worse than my old phone.",
        "Hotel room was clean and the staff friendly, though the wifi barely worked.",
        "Worst pizza I've had in years, soggy crust and cold cheese.",
        "Setup took a while but now it runs perfectly. Would recommend.",
        "I asked for a refund three times and nobody answered my emails.",
    ],
    "email_text": [
        "Hi team, following up on yesterday's call with Northwind Traders. They agreed to a 3-month pilot starting "
        "March 4 at 2,400 EUR per month. Contact person is Hannah Vogel (hannah.vogel@northwind.example), phone "
        "+49 30 1234567. We still need legal to review the data processing agreement by Feb 20. Best, Tom",
        "Dear Dr. Okafor, your appointment at the Riverside Clinic is confirmed for 14 June 2024 at 09:30, room 212. "
        "Please bring your insurance card (policy no. RX-55810) and arrive 15 minutes early. Regards, Front Desk",
        "Invoice #INV-2023-0917 from Blue Harbor Logistics: 14 pallets shipped from Rotterdam to Lyon on 2023-09-12, "
        "freight 3,150.00 EUR, customs 420.00 EUR, VAT 19%, payment due within 30 days to IBAN on file.",
        "Candidate: Samuel Ortiz. 7 years as backend engineer at Fintaro (Go, Kafka, Postgres), previously 2 years at "
        "Shopwise. MSc Computer Science, TU Delft, 2015. Available from October, expects 85k, based in Utrecht.",
        "Incident report: on 3 May at 02:14 UTC the payments API returned 503 for 47 minutes after a failed database "
        "migration. About 1,900 transactions were retried automatically; 63 needed manual refunds. Owner: SRE team.",
    ],
    "article": [
        "City officials announced on Monday that the old textile factory on the river will be converted into a "
        "mixed-use building with 240 apartments, a public library branch and a rooftop garden. Construction is "
        "expected to start next spring and take about three years. Critics worry that rents will be too high for "
        "local families, while supporters say the project will revive a neglected neighbourhood. The council will "
        "hold a public hearing on the plans in two weeks, and residents can submit written comments online until then.",
        "A new study of 12,000 adults found that people who walked at least 7,000 steps a day had a 50 to 70 percent "
        "lower risk of dying during the study period than those who walked less. The researchers noted that walking "
        "speed mattered less than the total number of steps, and that benefits levelled off above about 10,000 steps. "
        "The study was observational, so it cannot prove cause and effect, but the authors say the message is simple: "
        "move more, in whatever way fits your day.",
        "The company reported third-quarter revenue of 4.2 billion dollars, up 8 percent from a year earlier, but net "
        "income fell to 310 million as it spent heavily on data centres. Cloud revenue grew 21 percent while the "
        "hardware division shrank for the fifth consecutive quarter. Management raised its full-year guidance and "
        "announced a 2 billion dollar share buyback. Shares rose 4 percent in after-hours trading.",
        "During the sprint review the team demoed the new onboarding flow, which cut sign-up time from six minutes to "
        "under two. Two bugs were found in the password reset email and will be fixed next sprint. The designers want "
        "to A/B test the welcome screen, while the product owner wants to prioritise the billing page. The team agreed "
        "to split capacity 70/30 between billing and onboarding polish.",
    ],
}
