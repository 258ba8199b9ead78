"""The one exception type users see. The CLI prints ``Error: <message>`` and ``Hint: <hint>`` and exits 2.

An error a drafter can meet on the web page (a file that cannot be read, too large, too slow) also
carries its words in Chinese (``zh=(message, hint)``), which the page shows when it is in Chinese;
the command line speaks English.
"""


class UserError(Exception):
    def __init__(self, message: str, hint: str = "", *, zh: tuple[str, str] | None = None):
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.message_zh, self.hint_zh = zh if zh else ("", "")

    def __str__(self) -> str:
        return self.message

    def words(self, lang: str) -> tuple[str, str]:
        """(message, hint) in ``lang`` ("zh" or "en"): English where no Chinese was written."""
        if lang == "zh" and self.message_zh:
            return self.message_zh, self.hint_zh
        return self.message, self.hint
