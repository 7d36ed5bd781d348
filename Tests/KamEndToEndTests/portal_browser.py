"""The portal in a real browser (headless Chromium through Selenium), as SPEC §10's people use it.

Usage: portal_browser.py BASE_URL WORKSPACE KAM_BIN CONFIG AS_OF SHOTS_DIR
A clerk (hg01, subsidiary:HG01) logs in, uploads a good file and a bad one and sees both
receipts, downloads a workbook, and fails to reach another subsidiary's workbook by editing the
URL; HQ (boss) logs in and sees the submission matrix change after a `kam run`. Screenshots of
each page go to SHOTS_DIR (desktop and phone width). Exits non-zero with the reason on failure.
"""
import os
import subprocess
import sys
import time
import urllib.parse

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

BASE, WORKSPACE, KAM, CONFIG, AS_OF, SHOTS = sys.argv[1:7]
PASSWORD = "portal-demo-pass"
DOWNLOADS = os.path.join(WORKSPACE, "browser-downloads")
os.makedirs(DOWNLOADS, exist_ok=True)
os.makedirs(SHOTS, exist_ok=True)


def fail(message):
    print("FAIL: " + message, file=sys.stderr)
    sys.exit(1)


options = webdriver.ChromeOptions()
for arg in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,900",
            "--lang=zh-CN"]:
    options.add_argument(arg)
options.binary_location = "/usr/bin/chromium"
options.add_experimental_option("prefs", {"download.default_directory": DOWNLOADS, "download.prompt_for_download": False})
# Selenium Manager must not try to download a driver: Debian's chromedriver.
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
driver.set_page_load_timeout(120)
# A click on a submit button may return before the next page has loaded (bcrypt at cost 12 on a
# busy CI machine takes seconds): every check waits for the page it expects.
driver.implicitly_wait(10)


def wait_for(condition, what):
    try:
        WebDriverWait(driver, 120).until(lambda d: condition())
    except Exception:  # noqa: BLE001 - the timeout is the failure
        fail("timed out waiting for " + what + "; page title: " + driver.title)


def shot(name, phone=False):
    if phone:
        driver.set_window_size(390, 844)
    driver.save_screenshot(os.path.join(SHOTS, name + ".png"))
    if phone:
        driver.set_window_size(1280, 900)


def login(name):
    driver.delete_all_cookies()
    driver.get(BASE + "/login")
    driver.find_element(By.ID, "name").send_keys(name)
    driver.find_element(By.ID, "password").send_keys(PASSWORD)
    driver.find_element(By.CSS_SELECTOR, "form.box button").click()
    wait_for(lambda: "首页" in driver.title or "用户名或密码错误" in driver.page_source or "已锁定" in driver.page_source,
             "the page after logging in as " + name)
    if "首页" not in driver.title:
        fail("login as %s did not reach 首页: %s" % (name, driver.title))


def upload(path, expect):
    driver.get(BASE + "/upload")
    driver.find_element(By.ID, "file").send_keys(path)
    driver.find_element(By.CSS_SELECTOR, "form.box button").click()
    wait_for(lambda: driver.find_elements(By.ID, "verdict"), "the receipt of " + os.path.basename(path))
    verdict = driver.find_element(By.ID, "verdict").text
    if expect not in verdict:
        fail("upload of %s: expected %s, page says %s" % (os.path.basename(path), expect, verdict))
    return driver.page_source


try:
    login("hg01")
    shot("home-subsidiary")
    shot("home-subsidiary-phone", phone=True)

    uploads = os.path.join(WORKSPACE, "uploads")
    os.makedirs(uploads, exist_ok=True)
    good = os.path.join(uploads, "sales_2026Q4.csv")
    with open(good, "w", encoding="utf-8") as f:
        f.write("日期,客户编码,客户名称,金额\n2026-10-15,HG01-C001,华东示范客户,12345.60\n2026-11-02,HG01-C002,华东第二客户,800.00\n")
    bad = os.path.join(uploads, "sales_2026Q4_fix.csv")
    with open(bad, "wb") as f:
        f.write("日期,客户编码,客户名称,金额\n2026-10-15,C9,坏数据客户,一百元\n".encode("gb18030"))
    page = upload(good, "已接收")
    if "13,145.60" not in page:
        fail("the good file's receipt does not show its total")
    shot("upload-accepted")
    page = upload(bad, "已退回")
    if "一百元" not in page or "gb18030" not in page:
        fail("the GB18030 file's receipt does not show its value and encoding as written")
    shot("upload-rejected")
    shot("upload-rejected-phone", phone=True)
    if not os.path.exists(os.path.join(WORKSPACE, "drop", "HG01", "sales_2026Q4.csv")):
        fail("the accepted upload is not in drop/HG01/")
    if os.path.exists(os.path.join(WORKSPACE, "drop", "HG01", "sales_2026Q4_fix.csv")):
        fail("the rejected upload was placed in drop/HG01/")

    driver.get(BASE + "/reports")
    shot("reports")
    links = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "table.workbooks a")]
    if not links:
        fail("the clerk sees no workbook to download")
    if any("HG02" in urllib.parse.unquote(h) or "YY0" in urllib.parse.unquote(h) for h in links):
        fail("the clerk's list names another subsidiary's workbook")
    driver.get(links[0])
    name = urllib.parse.unquote(links[0].rsplit("/", 1)[1])
    for _ in range(60):
        if os.path.exists(os.path.join(DOWNLOADS, name)):
            break
        time.sleep(0.5)
    else:
        fail("the workbook %s was not downloaded" % name)
    with open(os.path.join(DOWNLOADS, name), "rb") as f:
        if f.read(2) != b"PK":
            fail("the downloaded workbook is not an xlsx")

    # Editing the URL to another subsidiary's workbook: the same 404 as a name that does not exist.
    other = links[0].replace("HG01", "HG02")
    driver.get(other)
    if "未找到" not in driver.page_source:
        fail("another subsidiary's workbook answered something other than 未找到: " + other)
    shot("not-found")
    login("boss")
    before = driver.find_element(By.CSS_SELECTOR, "table.matrix").text if driver.find_elements(By.CSS_SELECTOR, "table.matrix") else ""
    shot("home-hq")
    shot("home-hq-phone", phone=True)
    run = subprocess.run([KAM, "run", "--config", CONFIG, "--as-of", AS_OF], capture_output=True, text=True)
    if run.returncode not in (0, 1):
        fail("kam run failed: %s" % run.stderr[-2000:])
    driver.get(BASE + "/")
    tables = driver.find_elements(By.CSS_SELECTOR, "table.matrix")
    after = tables[-1].text if tables else ""
    row = [line for line in after.splitlines() if line.startswith("HG01")]
    if not row or "已按时接收" not in row[0]:
        fail("after kam run, HQ's next-deadline matrix does not show HG01's upload as received:\n" + after)
    if before == "\n".join(t.text for t in tables):
        fail("HQ's matrix did not change after the run")
    shot("home-hq-after-run")
    driver.get(BASE + "/admin")
    if "未找到" not in driver.page_source:
        fail("HQ reached the admin page")

    # The run ingested the upload: its receipt is now among the clerk's 回执, downloadable.
    login("hg01")
    driver.get(BASE + "/receipts")
    rows = [r.text for r in driver.find_elements(By.CSS_SELECTOR, "table.receipts tr") if "sales_2026Q4.csv" in r.text]
    if not rows or "已接收" not in rows[0]:
        fail("after the run, 回执 does not list the uploaded file as received")
    if "HG02" in driver.page_source:
        fail("the clerk's 回执 lists another subsidiary's receipt")
    shot("receipts")
    print("browser: ok")
finally:
    driver.quit()
