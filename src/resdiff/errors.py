"""The one exception type users see. The CLI prints ``Error: <message>`` and ``Hint: <hint>`` and exits 2."""


class UserError(Exception):
    def __init__(self, message: str, hint: str = ""):
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return self.message
