"""Hand-written seed templates for the text-processing classes: extraction, classification, summarization,
translation. See `_seeds_code.py` for the tier markers."""

from __future__ import annotations

__all__ = ["TEXT_SEEDS", "TEXT_SEEDS_SLOTS"]

TEXT_SEEDS: dict[str, list[str]] = {
    "extraction": [
        "Extract the names, dates and amounts from this email and return them as JSON:\n\n{email_text}",
        "From the text below, pull out every person and organisation mentioned.\n\n{email_text}",
        "[e] What is the invoice number and due date in this text? {email_text}",
        "Return a JSON object with keys name, email, phone from: {email_text}",
        "Parse this order and list each SKU with its quantity:\n{json}",
        "Extract all dates mentioned in the following paragraph in ISO format:\n{article}",
        "Get the key figures (revenue, income, growth rates) out of this report as a table:\n\n{article}",
        "[h] Read this contract clause and extract parties, obligations, deadlines and penalties into a nested JSON "
        "structure with one entry per obligation:\n\n{email_text} {article}",
        "I need the candidate's skills, years of experience and location as structured fields:\n{email_text}",
        "Find every URL and email address in this text: {email_text}",
        "Fill this template from the text. Company: ? Start date: ? Price: ? Contact: ?\n\n{email_text}",
        "List the action items and owners from these meeting notes:\n{article}",
        "Pull the error codes and timestamps out of this log:\n2024-03-02 10:14:03 ERROR E1043 payment timeout\n"
        "2024-03-02 10:14:09 WARN W220 retrying\n2024-03-02 10:15:41 ERROR E1043 payment timeout",
        "Extract the ingredients and quantities from this recipe: 2 cups flour, a pinch of salt, 3 eggs, 200 ml milk "
        "and a tablespoon of butter. Output a CSV.",
        "Identify the product, the complaint and the requested remedy in this message: {review}",
        "From this OCR output of a receipt, get the store, date, line items and total:\nFRESHMART 12/05/2023\nBANANAS "
        "1.29\nOAT MILK 2.49\nBREAD 3.10\nTOTAL 6.88 VISA ****4411",
        "Convert this address into fields (street, number, postcode, city, country): Hauptstrasse 12b, 10827 Berlin, "
        "Germany",
        "Which medications and dosages are mentioned? Patient takes metformin 500 mg twice daily and lisinopril 10 mg "
        "each morning; aspirin was stopped.",
    ],
    "classification": [
        "Classify the sentiment of this review as positive, negative or neutral: {review}",
        "[e] Is this review positive or negative? \"{review}\"",
        "Label each of these reviews with a sentiment and a topic (shipping, quality, price, support):\n1. {review}\n2. "
        "{review}\n3. {review}",
        "Is this email spam? Answer yes or no.\n\n{email_text}",
        "Categorize this support ticket into billing, technical, account or other: {review}",
        "Which department should handle this message: sales, support, legal or HR?\n{email_text}",
        "Tag this article with up to three topics from [politics, business, health, science, local, tech]:\n{article}",
        "[e] Does this sentence express a question, a request or a statement? {sentence}",
        "Classify the intent of this user message for our chatbot (order_status, refund, cancel, other): where is my "
        "package, it's been 10 days",
        "Rate the urgency of this ticket from 1 to 5 and give one reason: {review}",
        "Is this text toxic? Reply with a label and a confidence. {review}",
        "Sort these words into categories by meaning and return a Python dict: apple, hammer, violin, pear, saw, "
        "cello, plum, drill, flute",
        "Detect the language of each line:\nBonjour tout le monde\nGuten Morgen\nBuenos dias\nBuongiorno",
        "[h] Classify each of the following 8 clauses as indemnification, limitation of liability, termination, "
        "confidentiality or other, and flag any that are unusual for a SaaS contract:\n{article}",
        "Given these categories: bug, feature request, question, praise. Which one fits best? \"{review}\"",
        "Does this headline describe good news or bad news? \"{sentence}\"",
        "Match the statement \"{sentence}\" to the closest item in this list: schedule change, financial update, "
        "reminder, closure notice, request for help.",
        "Is the following transaction likely fraudulent? Amount 4,980 USD, new device, country mismatch, 3am local "
        "time. Answer fraud / not fraud with a short justification.",
    ],
    "summarization": [
        "Summarize this in 2 sentences:\n\n{article}",
        "[e] tl;dr: {article}",
        "Give me the key points of this article as bullet points:\n{article}",
        "Summarize the following email thread for my manager:\n{email_text}\n\n{email_text}",
        "Write an executive summary of this report:\n{article}\n{article}",
        "Can you condense this into one paragraph for a newsletter? {article}",
        "[h] Summarize the following three documents, compare where they disagree, and produce a one-page brief with "
        "a timeline:\n\n{article}\n\n{article}\n\n{article}",
        "Summarize these meeting notes and list decisions and open questions:\n{article}",
        "Make this shorter without losing the important details: {email_text}",
        "What is this text about? Summarize in plain language for a 10 year old. {article}",
        "Summarize the main arguments of this passage: {article}",
        "Create a TL;DR and three takeaways:\n\n{article}",
        "Summarize this customer feedback into themes: {review} {review} {review} {review}",
        "Recap this conversation in 3 bullet points.\nA: {sentence}\nB: {sentence}\nA: {sentence}",
        "Summarize the plot of this chapter in under 100 words:\n{article}",
        "Give me a one-line summary of each paragraph:\n{article}\n\n{article}",
        "Write release notes summarizing these commits:\n- fix null check in parser\n- add retry to uploader\n- bump "
        "deps\n- new dark mode toggle\n- remove legacy v1 endpoint",
    ],
    "translation": [
        "Translate into {natlang}: {sentence}",
        "[e] How do you say \"{sentence}\" in {natlang}?",
        "Translate this email to {natlang}, keep it {tone}:\n\n{email_text}",
        "Please translate the following paragraph from English to {natlang}:\n{article}",
        "What does \"{foreign}\" mean in English?",
        "Translate to English: {foreign}",
        "[h] Translate this legal paragraph into {natlang}, preserving defined terms and giving a glossary of the "
        "terms you chose:\n{article}",
        "Can you translate these UI strings into {natlang} and {natlang}? \"Save changes\", \"Delete account\", "
        "\"Are you sure?\", \"Log out\"",
        "Give me the {natlang} translation of this product description: {review}",
        "Translate this JSON's values into {natlang}, keep the keys unchanged:\n{{\"title\": \"Welcome back\", "
        "\"cta\": \"Start free trial\", \"footer\": \"All rights reserved\"}}",
        "translate pls: {foreign}",
        "Localize this marketing line for a {natlang} audience, not word for word: \"{sentence}\"",
        "Translate these subtitles into {natlang}:\n1\n00:00:01,000 --> 00:00:03,000\n{sentence}\n\n2\n"
        "00:00:03,500 --> 00:00:06,000\n{sentence}",
        "Render this sentence in {natlang} with a literal gloss under each word: {sentence}",
        "Übersetze bitte ins Englische: {foreign}",
        "Traduis en anglais s'il te plaît : {foreign}",
    ],
}

TEXT_SEEDS_SLOTS: dict[str, list[str]] = {
    "foreign": [
        "Je voudrais réserver une table pour deux personnes ce soir.",
        "Das Meeting wurde auf nächste Woche verschoben.",
        "¿Dónde está la estación de tren más cercana?",
        "Mi dispiace, ma non posso venire alla festa sabato.",
        "お手数ですが、明日までにご返信いただけますか。",
        "Eu preciso de ajuda com a minha conta bancária.",
        "Ik heb de factuur gisteren al betaald.",
        "Dziękuję za szybką odpowiedź i pomoc.",
        "Bu ürünü iade etmek istiyorum.",
        "这个周末我们一起去爬山吧。",
        "Vi ses på stationen klockan åtta.",
        "Пожалуйста, отправьте мне отчёт до пятницы.",
    ],
}
