"""The page at / in a real headless browser (Debian's chromium and chromedriver, driven by selenium):
load it, submit an article, see the facts highlighted in place, save a screenshot as a test artifact."""
import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.served

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "gold" / "seed-000.json"
OWN_ARTICLE = ("KABUL, Afghanistan (Jan. 25, 2013)\nAt least 12 people were killed and 30 wounded on Thursday "
               "when a bomb exploded in Kabul, police said. Two days later, officials said 4 suspects had been "
               "arrested.")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")


@pytest.fixture(scope="module")
def browser():
    if not (CHROMIUM and CHROMEDRIVER):
        if os.environ.get("CI"):
            pytest.fail("CI installs chromium and chromium-driver (.ci/run); they are missing")
        pytest.skip("needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    profile = tempfile.mkdtemp(prefix="tally-chromium-")
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", f"--user-data-dir={profile}", "--window-size=1400,1000"):
        opts.add_argument(arg)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


def test_page_highlights_the_facts_in_place(browser, live_server):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait

    if SEED.is_file():
        seed = json.loads(SEED.read_text(encoding="utf-8"))
        text, published = seed["text"], seed["published"]
        expected = {("killed", "about 1,200"), ("kidnapped", "251"), ("killed", "approaching 40,000"),
                    ("killed", "At least 93")}
    else:
        text, published = OWN_ARTICLE, "2013-01-25"
        expected = {("killed", "At least 12"), ("injured", "30"), ("arrested", "4")}

    browser.get(f"http://127.0.0.1:{live_server}/")
    assert "Tally" in browser.title
    browser.execute_script("document.getElementById('article').value = arguments[0];"
                           "document.getElementById('published').value = arguments[1];", text, published)
    browser.find_element(By.ID, "submit").click()
    WebDriverWait(browser, 20).until(EC.presence_of_element_located((By.CSS_SELECTOR, "mark.fact")))
    marks = browser.find_elements(By.CSS_SELECTOR, "mark.fact")
    found = {(m.get_attribute("data-category"), m.text) for m in marks}
    assert expected <= found, found
    titles = " ".join(m.get_attribute("title") for m in marks)
    assert "at_least" in titles or "exact" in titles
    rows = browser.find_elements(By.CSS_SELECTOR, "#facts tbody tr")
    assert len(rows) == len(marks)
    highlighted = browser.find_element(By.ID, "highlighted").text
    assert highlighted.replace("\n", " ").split() == text.replace("\n", " ").split()  # the text, unchanged
    artifacts = ROOT / "artifacts"
    artifacts.mkdir(exist_ok=True)
    assert browser.save_screenshot(str(artifacts / "browser-page.png"))


PHONE = (390, 844)
EMOJI_ARTICLE = ("🙂🙂 Update 👨‍👩‍👧: At least 93 people died Saturday in Gaza City, officials said, and the death toll "
                 "approached 40,000.\n\n" + "More paragraphs follow.\n" * 60 + "Police said 2,500 people were arrested "
                 "on Oct. 7 last year.")


def _submit(browser, port, text, published):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait
    browser.get(f"http://127.0.0.1:{port}/")
    browser.execute_script("document.getElementById('article').value = arguments[0];"
                           "document.getElementById('published').value = arguments[1];", text, published)
    browser.find_element(By.ID, "submit").click()
    WebDriverWait(browser, 20).until(EC.presence_of_element_located((By.CSS_SELECTOR, "mark.fact")))
    return browser.find_elements(By.CSS_SELECTOR, "mark.fact")


def test_highlights_hold_after_emoji_and_rows_lead_to_them(browser, live_server):
    from selenium.webdriver.common.by import By
    marks = _submit(browser, live_server, EMOJI_ARTICLE, "2024-08-12")
    assert [m.text for m in marks] == ["At least 93", "40,000", "2,500"]  # astral characters before: still exact
    cells = [td.text for td in browser.find_elements(By.CSS_SELECTOR, "#facts tbody tr td")]
    assert "40,000" in cells and "at least" in cells and "at_least" not in cells  # separators, words not codes
    pane = browser.find_element(By.ID, "highlighted")
    assert browser.execute_script("return arguments[0].scrollTop", pane) == 0
    browser.find_elements(By.CSS_SELECTOR, "#facts tbody tr")[-1].click()  # the fact far down the pane
    browser.implicitly_wait(0)
    import time
    time.sleep(1.0)  # the smooth scroll
    focused = browser.find_element(By.CSS_SELECTOR, "mark.focused")
    assert focused.text == "2,500" and browser.execute_script("return arguments[0].scrollTop", pane) > 0
    icon = browser.execute_script("return fetch('/favicon.ico').then(r => r.status)")
    assert icon == 200


def test_page_fits_desktop_and_phone_widths(browser, live_server):
    artifacts = ROOT / "artifacts"
    artifacts.mkdir(exist_ok=True)
    for name, (width, height) in (("desktop", (1400, 1000)), ("phone", PHONE)):
        browser.set_window_size(width, height)
        _submit(browser, live_server, EMOJI_ARTICLE, "2024-08-12")
        overflow = browser.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{name}: the page is {overflow} px wider than the window"
        dates = browser.execute_script(
            "return [...document.querySelectorAll('.date-cell')].filter(td => td.textContent).map(td => {"
            " const r = document.createRange(); r.selectNodeContents(td); return r.getClientRects().length; })")
        assert all(lines <= 1 for lines in dates)  # event dates never wrap
        assert browser.save_screenshot(str(artifacts / f"page-{name}.png"))
    browser.set_window_size(1400, 1000)


def test_the_facts_table_names_the_perpetrator_under_its_heading(browser, live_server):
    from selenium.webdriver.common.by import By
    _submit(browser, live_server, "Gunmen killed five villagers near Harlow on Saturday, police said.", "2024-08-12")
    heads = [th.text for th in browser.find_elements(By.CSS_SELECTOR, "#facts thead th")]
    cells = [td.text for td in browser.find_elements(By.CSS_SELECTOR, "#facts tbody tr td")]
    assert len(cells) == len(heads) and cells[heads.index("Perpetrator")] == "Gunmen"
