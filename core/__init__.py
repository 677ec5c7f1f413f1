"""The bottom of the stack: small helpers every app may use (bounded integers
from query strings, the `<id:…>` path converter, the words-only search
backend). `core` imports no app and nothing from `config`, so any app can
import it without an import running back up through the URL root."""
