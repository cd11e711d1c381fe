"""End to end: `warta serve` as a subprocess over a DuckDB file of the bundled corpus, the page opened in
the system's headless Chromium (Selenium with /usr/bin/chromedriver; nothing is downloaded), the charts
rendered, the event table and an evidence sentence checked, and a screenshot saved in pytest's tmp dir.
Skips when Chromium or its driver is not installed (`.ci/run` installs both)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import duckdb
import pytest
from conftest import SAMPLES
from typer.testing import CliRunner

from warta.cli import app as cli

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")

pytestmark = pytest.mark.skipif(
    not (CHROMIUM.exists() and CHROMEDRIVER.exists()),
    reason="needs /usr/bin/chromium and /usr/bin/chromedriver",
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _warta() -> list[str]:
    exe = Path(sys.executable).with_name("warta")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "warta.cli"]


@pytest.fixture()
def server(tmp_path: Path):  # type: ignore[no-untyped-def]
    db = tmp_path / "corpus.duckdb"
    res = CliRunner().invoke(cli, ["analyze", str(SAMPLES), "--db", str(db), "--quiet"])
    assert res.exit_code == 0, res.output
    port = _free_port()
    log = (tmp_path / "serve.log").open("w")
    proc = subprocess.Popen(
        [*_warta(), "serve", "--db", str(db), "--port", str(port)], stdout=log, stderr=subprocess.STDOUT
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(url + "api/meta", timeout=2) as r:  # noqa: S310 (loopback)
                    if r.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                log.close()
                pytest.fail("warta serve did not start: " + (tmp_path / "serve.log").read_text())
            time.sleep(0.3)
        yield url, db
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


def _driver(profile: Path):  # type: ignore[no-untyped-def]
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = str(CHROMIUM)
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        f"--user-data-dir={profile}",
        "--window-size=1400,2200",
    ):
        opts.add_argument(flag)
    os.environ.setdefault("SE_OFFLINE", "true")  # Selenium Manager must not look for a browser online
    return webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=opts)


def test_dashboard_renders_charts_events_and_evidence(server, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    url, db = server
    driver = _driver(tmp_path / "profile")
    shot = tmp_path / "dashboard.png"
    try:
        driver.get(url)
        wait = WebDriverWait(driver, 60)
        wait.until(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "true")
        wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, "#timeline.js-plotly-plot .main-svg")))
        wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, "#network.js-plotly-plot .main-svg")))
        assert driver.find_element(By.ID, "error").get_attribute("hidden") is not None, driver.find_element(
            By.ID, "error"
        ).text
        assert driver.find_elements(By.CSS_SELECTOR, "#timeline .barlayer .point"), "timeline bars drawn"
        # the busiest dyad of the corpus is chosen and its events listed
        assert driver.find_element(By.CSS_SELECTOR, "#dyads tbody tr.selected td").text == "CHN–USA"
        rows = driver.find_elements(By.CSS_SELECTOR, "#events tbody tr")
        assert len(rows) >= 10
        assert "between CHN and USA" in driver.find_element(By.ID, "events-count").text
        # each row shows its evidence sentence with the verb highlighted; it is a stored sentence
        first = rows[0]
        sentence = first.find_element(By.CSS_SELECTOR, ".evidence p.sentence").text
        verb = first.find_element(By.CSS_SELECTOR, ".evidence mark.verb").text
        assert verb and verb in sentence
        con = duckdb.connect(str(db), read_only=True)
        stored = {r[0] for r in con.execute("SELECT text FROM sentences").fetchall()}
        verbs = {r[0] for r in con.execute("SELECT verb_text FROM events").fetchall()}
        con.close()
        assert sentence in stored and verb in verbs
        assert "document(s)" in first.find_element(By.CSS_SELECTOR, ".evidence details summary").text
        height = driver.execute_script("return document.documentElement.scrollHeight")
        driver.set_window_size(1400, min(int(height) + 120, 6000))  # the whole page, events table included
        time.sleep(0.5)
        driver.save_screenshot(str(shot))
        # filtering by a type narrows the table to that type
        from selenium.webdriver.support.ui import Select

        Select(driver.find_element(By.ID, "f-type")).select_by_value("ACCUSE")
        driver.find_element(By.CSS_SELECTOR, "#filters button[type=submit]").click()
        wait.until(
            lambda d: (
                all(t.text == "ACCUSE" for t in d.find_elements(By.CSS_SELECTOR, "#events tbody .tag"))
                and d.find_elements(By.CSS_SELECTOR, "#events tbody .tag")
            )
        )
    finally:
        driver.quit()
    assert shot.stat().st_size > 20_000
    print(f"screenshot: {shot}")
    keep = os.environ.get("WARTA_SCREENSHOT")
    if keep:
        shutil.copy(shot, keep)
