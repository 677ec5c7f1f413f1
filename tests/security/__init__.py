"""The security suite: one module a property, listed in README.md ("Security").

test_idor.py           access matrix: roles x object-bearing URLs x GET/POST
test_admin_choices.py  admin forms scoped to the instructor's own courses
test_answer_keys.py    no answer key reaches a learner before review
test_properties.py     server-side timer, login throttling, check --deploy, headers
test_xss_browser.py    stored payloads never execute in Chromium
"""
