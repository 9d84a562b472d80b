"""Small repository functions per aggregate; they take a session and never commit."""
