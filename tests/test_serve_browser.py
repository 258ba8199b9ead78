"""The page in a real browser: Debian's headless Chromium driven by selenium (nothing downloaded at run time).

Loads the page, uploads a real pair from the corpus, reads the report, switches to side by side, downloads
the redline and opens it to check its revisions — in English and in Chinese. Screenshots go to
``$RESDIFF_SCREENSHOTS`` (default: the test's temporary folder) so a person can look at them.
"""

from __future__ import annotations

import os
import shutil
import zipfile
from pathlib import Path

import pytest

from conftest import corpus
from live_server import running_server, wait_until

CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
    pytest.skip("Debian chromium and chromium-driver are not installed (.ci/run installs them)",
                allow_module_level=True)
webdriver = pytest.importorskip("selenium.webdriver")
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402


@pytest.fixture(scope="module")
def server():
    with running_server() as url:
        yield url


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    folder = Path(os.environ.get("RESDIFF_SCREENSHOTS") or tmp_path_factory.mktemp("screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def make_browser(profile: Path, downloads: Path, accept_language: str):
    os.environ["SE_OFFLINE"] = "true"  # selenium must never fetch a driver: we give it Debian's
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-dev-shm-usage",
                 f"--user-data-dir={profile}", "--window-size=1280,1000", f"--lang={accept_language.split(',')[0]}"):
        options.add_argument(flag)
    options.add_experimental_option("prefs", {
        "download.default_directory": str(downloads), "download.prompt_for_download": False,
        "intl.accept_languages": accept_language,
    })
    driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path=str(CHROMEDRIVER)))
    driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    return driver


@pytest.fixture
def browser(tmp_path, request):
    accept_language = getattr(request, "param", "en-US,en")
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    driver = make_browser(tmp_path / "profile", downloads, accept_language)
    driver.downloads = downloads
    yield driver
    driver.quit()
    shutil.rmtree(tmp_path / "profile", ignore_errors=True)


def upload_and_compare(driver, old: Path, new: Path):
    driver.find_element(By.ID, "file-old").send_keys(str(old))
    driver.find_element(By.ID, "file-new").send_keys(str(new))
    assert driver.find_element(By.CSS_SELECTOR, "#zone-old .chosen").text == old.name
    driver.find_element(By.ID, "do-compare").click()
    WebDriverWait(driver, 120).until(EC.presence_of_element_located((By.CSS_SELECTOR, "#result .report")))
    return driver.find_element(By.ID, "result")


def switch_to_side_by_side(driver):
    inline = driver.find_element(By.CSS_SELECTOR, "#result .view.inline")
    side = driver.find_element(By.CSS_SELECTOR, "#result .view.side")
    assert inline.is_displayed() and not side.is_displayed()
    driver.find_element(By.CSS_SELECTOR, "label[for=v-side]").click()
    WebDriverWait(driver, 10).until(lambda d: side.is_displayed())
    assert not inline.is_displayed()
    return side


def downloaded(driver, name: str) -> Path:
    path = driver.downloads / name
    found = wait_until(lambda: path.exists() and not list(driver.downloads.glob("*.crdownload")), timeout=120)
    assert found, f"{name} was not downloaded; the folder has {sorted(p.name for p in driver.downloads.iterdir())}"
    return path


def revisions(docx: Path) -> tuple[list[str], list[str], set[str]]:
    """Texts of the inserted and deleted runs of a Word file, and the revision authors."""
    from lxml import etree

    with zipfile.ZipFile(docx) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    ins = ["".join(t.text or "" for t in e.iter(f"{W}t")) for e in root.iter(f"{W}ins")]
    dels = ["".join(t.text or "" for t in e.iter(f"{W}delText")) for e in root.iter(f"{W}del")]
    authors = {e.get(f"{W}author") for e in root.iter(f"{W}ins", f"{W}del")}
    return ins, dels, authors


def test_english_pair_in_the_browser(browser, server, shots):
    browser.get(server + "/")
    assert browser.find_element(By.ID, "do-compare").text == "Compare"
    browser.save_screenshot(str(shots / "serve-en-empty.png"))
    result = upload_and_compare(browser, corpus("A_RES_72_169.en.txt"), corpus("A_RES_74_153.en.txt"))
    text = result.text
    assert "A/RES/72/169 → A/RES/74/153" in text
    assert "PP11 (inserted)" in text and "OP15 (deleted)" in text
    inserted = [e.text for e in result.find_elements(By.CSS_SELECTOR, ".view.inline ins")]
    deleted = [e.text for e in result.find_elements(By.CSS_SELECTOR, ".view.inline del")]
    assert "72/169" in inserted and "70/153" in deleted
    browser.save_screenshot(str(shots / "serve-en-report.png"))
    browser.execute_script("window.scrollTo(0, 0)")
    browser.save_screenshot(str(shots / "serve-en-page.png"))  # the form and the top of the report

    side = switch_to_side_by_side(browser)
    assert side.find_element(By.CSS_SELECTOR, ".row .old del").is_displayed()
    assert side.find_element(By.CSS_SELECTOR, ".row .new ins").is_displayed()
    browser.save_screenshot(str(shots / "serve-en-side.png"))

    browser.find_element(By.ID, "opt-author").clear()
    browser.find_element(By.ID, "opt-author").send_keys("Delegation of Testland")
    browser.find_element(By.ID, "do-redline").click()
    docx = downloaded(browser, "A_RES_74_153-vs-A_RES_72_169.redline.docx")
    ins, dels, authors = revisions(docx)
    assert "72/169" in ins and "70/153" in dels
    assert "Delegation of Testland" in authors
    assert "A_RES_74_153-vs-A_RES_72_169.redline.docx" in browser.find_element(By.ID, "status").text
    browser.find_element(By.ID, "do-amendments").click()
    amendments = downloaded(browser, "A_RES_74_153-vs-A_RES_72_169.amendments.docx")
    with zipfile.ZipFile(amendments) as z:
        body = z.read("word/document.xml").decode("utf-8")
    assert "Amendments to A/RES/72/169" in body and "72/169" in body
    # the files are still chosen: the report was fetched without leaving the page
    assert browser.find_element(By.CSS_SELECTOR, "#zone-new .chosen").text == "A_RES_74_153.en.txt"


@pytest.mark.parametrize("browser", ["zh-CN,zh"], indirect=True)
def test_chinese_pair_in_the_browser(browser, server, shots):
    browser.get(server + "/")  # the browser asks for Chinese: the labels are Chinese
    assert browser.find_element(By.ID, "do-compare").text == "比较"
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "zh-Hans"
    result = upload_and_compare(browser, corpus("A_RES_51_102.zh.excerpt.txt"), corpus("A_RES_55_105.zh.excerpt.txt"))
    assert "A/RES/51/102 → A/RES/55/105" in result.text
    assert "PP8（删除）" in result.text and "摘要" in result.text  # the report speaks the page's language
    warnings = [e.text for e in result.find_elements(By.CSS_SELECTOR, ".report .warning")]
    assert any("文本在句子中间结束" in w for w in warnings)  # the readers' warnings, above the paragraphs
    assert result.text.index("文本在句子中间结束") < result.text.index("PP1（修改）")
    inserted = [e.text for e in result.find_elements(By.CSS_SELECTOR, ".view.inline ins")]
    deleted = [e.text for e in result.find_elements(By.CSS_SELECTOR, ".view.inline del")]
    assert "促进" in inserted and "增进" in deleted  # 增进 → 促进, word level, not characters
    browser.save_screenshot(str(shots / "serve-zh-report.png"))

    side = switch_to_side_by_side(browser)
    assert "联合国人权事务高级专员办事处" in side.text
    browser.save_screenshot(str(shots / "serve-zh-side.png"))
    browser.set_window_size(1280, 1900)
    browser.execute_script("window.scrollTo(0, 0)")
    browser.save_screenshot(str(shots / "serve-zh-page.png"))  # the README's picture: form and report

    browser.find_element(By.ID, "do-redline").click()
    docx = downloaded(browser, "A_RES_55_105-vs-A_RES_51_102.redline.docx")
    ins, dels, _ = revisions(docx)
    assert "促进" in ins and "增进" in dels

    browser.find_element(By.ID, "do-draft").click()
    draft = downloaded(browser, "A_RES_55_105.next-session.draft.docx")
    ins, dels, _ = revisions(draft)
    assert any("五十六" in t for t in ins) and any("五十五" in t for t in dels)


def test_language_switch_and_errors_in_the_page(browser, server, shots, tmp_path):
    browser.get(server + "/")
    assert browser.find_element(By.ID, "do-compare").text == "Compare"
    browser.find_element(By.ID, "switch-ui").click()
    WebDriverWait(browser, 10).until(lambda d: d.find_element(By.ID, "do-compare").text == "比较")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    browser.find_element(By.ID, "file-old").send_keys(str(empty))
    browser.find_element(By.ID, "file-new").send_keys(str(corpus("A_RES_74_153.en.txt")))
    browser.find_element(By.ID, "do-compare").click()
    alert = WebDriverWait(browser, 60).until(EC.presence_of_element_located((By.CSS_SELECTOR, "#status .problem")))
    # the server's Chinese words for the error (error_zh / hint_zh), not its English ones
    assert "错误：empty.txt 是空文件" in alert.text and "提示：请提供包含决议文本的文件" in alert.text
    browser.save_screenshot(str(shots / "serve-zh-error.png"))
    # no script errors and nothing refused by the Content-Security-Policy
    logs = browser.get_log("browser")
    assert not [e for e in logs if e["level"] == "SEVERE" and "400" not in e["message"]], logs
