"""A corpus of hostile text for every field people type (issue 10).

Import ``HOSTILE`` (the strings) or ``HOSTILE_NAMED`` ((name, string) pairs, handy as
pytest ids). Each string must come out as literal text everywhere: stored as typed (after
the trimming in ``zet.fields``) or refused with a Dutch message, shown as text on projector
and phone, neutralised in Excel and CSV, never crashing anything.
"""
from __future__ import annotations

HOSTILE_NAMED: list[tuple[str, str]] = [
    # HTML and script
    ("script", "<script>alert('zet')</script>"),
    ("iframe-srcdoc", '<IFRAME SRCDOC="<SCRIPT>X</SCRIPT>">'),
    ("img-onerror", '<img src=x onerror="alert(1)">'),
    ("close-tags", "</div></span><b>vet</b><style>*{display:none}</style>"),
    ("entities", "&lt;b&gt; &amp; &#60;script&#62;"),
    # Markdown, Streamlit directives, LaTeX
    ("md-image", "![x](https://evil.example/x.png)"),
    ("md-link", "[KLIK HIER](HTTPS://EVIL.EXAMPLE)"),
    ("md-autolink", "<https://evil.example> www.evil.example"),
    ("bare-url", "zie https://evil.example/p.png en WWW.EVIL.EXAMPLE/x"),
    ("md-image-local", "![x](http://127.0.0.1:9/p.png)"),
    ("e-mail", "mail naar iemand@evil.example of mailto:x@evil.example"),
    ("md-markup", "**vet** _schuin_ `code` # kop\n> citaat\n- lijst"),
    ("st-colour", ":red[rood] :material/warning: :rainbow-background[x]"),
    ("latex", "$x^2$ en $$\\int_0^1 f$$"),
    # URLs
    ("javascript-url", "javascript:alert(document.cookie)"),
    ("md-javascript", "[klik](javascript:alert(1))"),
    ("data-url", "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="),
    # Spreadsheet formula starts
    ("formula-equals", '=HYPERLINK("https://evil.example","klik")'),
    ("formula-plus", "+31 6 12345678"),
    ("formula-minus", "-2+3"),
    ("formula-at", "@SUM(A1:A9)"),
    ("formula-tab", "\t=1+1"),
    ("formula-cr", "\r=1+1"),
    # Size
    ("ten-thousand", "x" * 10_000),
    ("long-words", "Lang " * 2_000),
    # Scripts and emoji
    ("emoji", "👩🏽‍🏫 🎉 👍🏿"),
    ("right-to-left", "مرحبا بالجميع שלום"),
    ("rtl-override", "tafel \u202eA gnitset\u202c"),
    ("zero-width", "a\u200bb\u200cc\u200dd\ufeff"),
    ("combining", "Z̸̢̛a̷l̵g̴o̶"),
    # Control characters and odd whitespace
    ("controls", "\x00nul \x07bel \x1b[31mrood\x1b[0m \x7f\x9b"),
    ("line-separators", "regel\u2028regel\u2029alinea"),
    ("whitespace-only", " \t\n\r\u00a0\u2003 "),
    ("empty", ""),
    # Templates and injection folklore
    ("templates", "{{7*7}} ${7*7} %s %(x)s {0}"),
    ("sql", "'; DROP TABLE deelnemers; --"),
    ("path", "../../etc/passwd"),
]

HOSTILE: list[str] = [value for _name, value in HOSTILE_NAMED]
