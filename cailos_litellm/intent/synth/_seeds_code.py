"""Hand-written seed templates for the code classes: code_generation, debugging, sql.

`[e]` / `[h]` prefixes mark an easy / hard seed (default: medium); the tier feeds the complexity and
strategy labels of the synthetic set.
"""

from __future__ import annotations

__all__ = ["CODE_SEEDS"]

CODE_SEEDS: dict[str, list[str]] = {
    "code_generation": [
        "[e] Write a {lang} function that reverses a string.",
        "Write {thing} in {lang}.",
        "Can you implement {thing} in {lang}? Include type hints and a short usage example.",
        "[h] Implement {thing} in {lang} that is thread-safe and handles backpressure. Explain the design choices.",
        "I'm building an app with {framework}. Show me how to add {thing}.",
        "give me {lang} code to {task_verb}",
        "[e] how do i {task_verb} in {lang}",
        "Refactor this code to be more idiomatic {lang}:\n```\n{code}\n```",
        "Convert this function to {lang}:\n\n{code}",
        "Add unit tests for the following code using the standard test framework:\n```\n{code}\n```",
        "[h] Design and implement a plugin system in {lang} where plugins are discovered at runtime, versioned, and "
        "sandboxed. Provide the core interfaces and one example plugin.",
        "Write a {script} that {ops_task}.",
        "[e] what's the syntax for a list comprehension with a condition in python",
        "Create a {framework} component that shows a list of items with search and pagination.",
        "Write a regex that matches {regex_target}.",
        "Here is my {framework} code:\n```\n{code}\n```\nCan you add logging and error handling to it?",
        "Generate a JSON schema for this object:\n```json\n{json}\n```",
        "Write a Python script that reads this JSON and prints a summary table per item:\n{json}",
        "[h] Write a lock-free single-producer single-consumer ring buffer in {lang} and explain the memory ordering.",
        "Show me how to call a REST API with retries and timeouts in {lang}.",
        "Explain what this code does line by line:\n```\n{code}\n```",
        "Can you review this code for readability and suggest improvements?\n\n{code}",
        "Write a GitHub Actions workflow that runs tests for a {lang} project on every pull request.",
        "I need a Terraform config that creates an S3 bucket with versioning and a lifecycle rule.",
        "Make a simple snake game in {lang}.",
        "[e] Write a hello world HTTP server in {lang}.",
        "Implement {algo} in {lang} and give its time complexity.",
        "Write a Kubernetes deployment and service YAML for a web app listening on port 8080 with 3 replicas.",
        "Using {framework}, write an endpoint that accepts a file upload and stores it on disk.",
        "Write a class in {lang} representing a bank account with deposit, withdraw and transfer methods.",
        "Optimize this function, it is called millions of times:\n```\n{code}\n```",
        "Write a script to migrate data from a CSV file into MongoDB, batching inserts.",
        "[h] Write a compiler front-end in {lang} for a tiny expression language: lexer, recursive-descent parser, "
        "AST and a tree-walking evaluator with variables and functions.",
        "How can I plot a histogram with seaborn and add the mean as a vertical line?",
        "Write a bash one-liner to find the 10 largest files under /var.",
        "Create a React hook that syncs state with localStorage.",
    ],
    "debugging": [
        "I'm getting this error:\n```\n{error}\n```\nHow do I fix it?",
        "{error}\n\nwhat does this mean and how do i fix it",
        "My {lang} code {symptom}. Here it is:\n```\n{code}\n```\nWhat's wrong?",
        "Why does this {symptom}?\n\n{code}",
        "[e] fix this: {error}",
        "After upgrading {framework} my app throws `{error}`. Any idea?",
        "Getting `{error}` when I run my tests in CI but not locally. What could cause that?",
        "[h] Our service {symptom} only under heavy load, roughly once a day. Here is the relevant code:\n```\n{code}\n```\n"
        "How would you track this down? I suspect a race condition.",
        "This function {symptom}, can you spot the bug?\n```\n{code}\n```",
        "The build fails with:\n{error}\nI already reinstalled the dependencies.",
        "Help! Production is down. Logs show:\n{error}",
        "Why am I getting a KeyError here?\n```python\ndata = {{'a': 1}}\nprint(data['b'])\n```",
        "my docker container exits immediately with code 137, how do i debug this",
        "[e] why is my for loop only running once in javascript",
        "The {framework} page {symptom} after I submit the form. The console shows `{error}`.",
        "Find the bug in this code and explain it:\n\n{code}",
        "I have a memory leak in my {lang} service, heap grows ~200MB per hour. How do I find it?",
        "My unit test is flaky, it fails about 1 in 10 runs. Test:\n```\n{code}\n```",
        "Git says `{error}`. What did I do wrong and how do I recover?",
        "[h] A segfault happens only in the release build, not debug. Compiler is gcc -O2. What are the usual "
        "causes and how do I narrow it down?",
        "This SQL query {symptom} after we added an index. Why would that happen?",
        "pip install fails with `{error}` on Windows, Python 3.12. Fix?",
        "my async function {symptom}:\n{code}",
        "the stack trace:\n{error}\n\nthe code:\n{code}",
        "why does this code {symptom}? I expected it to work",
        "Compilation error: {error}. I'm new to {lang}, please explain simply.",
    ],
    "sql": [
        "Write a SQL query that returns the top 5 customers by total spend from {table}.",
        "Given the table {table}, write a {dialect} query to compute monthly totals for the last 12 months.",
        "[e] how do I select distinct values from a column in SQL",
        "Write a query to find duplicate rows in {table}.",
        "[h] Given {table} and {table}, write a {dialect} query that computes a 7-day rolling retention cohort "
        "table, handling users with gaps in activity.",
        "Convert this SQL to use a window function instead of a correlated subquery:\n"
        "SELECT e.name, (SELECT COUNT(*) FROM employees e2 WHERE e2.dept_id = e.dept_id) FROM employees e;",
        "Design a database schema for {schema_topic}. Include primary and foreign keys.",
        "What indexes should I add to speed up this query?\nSELECT * FROM {table} WHERE created_at > now() - interval "
        "'7 days' ORDER BY total DESC LIMIT 50;",
        "Write a {dialect} stored procedure that archives rows older than 90 days from {table}.",
        "[e] SQL to count rows per status in {table}",
        "Explain the difference between LEFT JOIN and INNER JOIN with an example using {table}.",
        "Write a query that pivots {table} so each month is a column.",
        "How do I write an upsert in {dialect}?",
        "Rewrite this query to be faster:\nSELECT * FROM orders WHERE customer_id IN (SELECT id FROM customers WHERE "
        "country = 'DE');",
        "I have {table}. Write SQL to find gaps between consecutive rows per user longer than 30 minutes.",
        "Write a CTE-based query to compute the running balance per account in {dialect}.",
        "Translate this pandas code into SQL: df.groupby('category')['price'].agg(['mean', 'max'])",
        "[h] Model a multi-tenant schema for an invoicing product in {dialect} with row-level security, and show the "
        "policies.",
        "Create a table for storing audit logs in {dialect}, then a trigger that fills it on update.",
        "Write a SQL query to get the second highest salary from employees.",
        "From {table}, list categories whose average price is above the overall average.",
        "Please add comments to this query so a junior analyst understands it:\nSELECT region, COUNT(DISTINCT user_id) "
        "FROM events GROUP BY region HAVING COUNT(*) > 100;",
    ],
}

CODE_SEEDS_SLOTS: dict[str, list[str]] = {
    "task_verb": ["read a CSV file into a list of dicts", "parse command-line arguments", "download a file with a "
                  "progress bar", "send an email with an attachment", "hash a password securely", "merge two sorted "
                  "lists", "watch a directory for changes", "compress a folder into a zip", "format dates as ISO 8601",
                  "connect to Postgres and run a query", "make parallel HTTP requests", "read environment variables "
                  "with defaults", "generate a UUID", "deep-copy a nested object", "sort a dict by value"],
    "ops_task": ["backs up a Postgres database every night and keeps 7 days", "rotates log files over 100MB",
                 "checks disk usage and alerts when above 90%", "deploys a static site to a server over rsync",
                 "builds and pushes a Docker image on tag", "sets up a Python virtualenv and installs requirements"],
    "regex_target": ["email addresses", "US phone numbers", "ISO dates", "hex colour codes", "IPv4 addresses",
                     "semantic version strings", "lines that do not contain the word TODO"],
    "algo": ["quicksort", "Dijkstra's algorithm", "A* search", "a union-find structure", "the KMP string search",
             "topological sort", "a bloom filter", "binary search on the answer", "Kruskal's MST"],
    "schema_topic": ["a library lending system", "a food delivery app", "a hotel booking platform", "a school "
                     "timetable", "a social network with followers and posts", "an online course platform"],
}
