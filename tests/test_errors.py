"""UserError: English everywhere, Chinese words for the errors a drafter meets on the web page."""

from __future__ import annotations

from typer.testing import CliRunner

from resdiff.cli import app
from resdiff.errors import UserError


def test_words_in_chinese_when_written_else_english():
    both = UserError("x.txt is empty", "give the file", zh=("x.txt 是空文件", "请提供文件"))
    assert both.words("zh") == ("x.txt 是空文件", "请提供文件")
    assert both.words("en") == ("x.txt is empty", "give the file")
    english_only = UserError("port 80 is out of range", "give a port between 1024 and 65535")
    assert english_only.words("zh") == english_only.words("en") == ("port 80 is out of range",
                                                                   "give a port between 1024 and 65535")


def test_the_command_line_says_an_error_with_chinese_words_in_english(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = CliRunner().invoke(app, ["parse", str(tmp_path / "empty.txt")])
    assert result.exit_code == 2
    assert "is empty" in result.output and "空文件" not in result.output
