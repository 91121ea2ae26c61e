// Drives the workshop dashboard in headless Chromium for DashboardBrowserIT.
// Usage: node dashboard.mjs URL SCREENSHOT LEARNER,LEARNER,... MOVER
// Talks to the test on stdout: "READY" once every learner's row is on the page (the test then
// makes MOVER pass a step), "OK" when the page showed that live and every check passed; any
// failure prints "FAIL <why>" and exits 1.
import { chromium } from "playwright-core";

const [url, screenshot, names, mover] = process.argv.slice(2);
const learners = names.split(",");
const timeout = 30000;
const fail = (why) => { console.log("FAIL " + why); process.exit(1); };

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
});
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 400 } });
  page.on("pageerror", (e) => fail("page error: " + e.message));
  await page.goto(url);
  for (const n of learners) {
    await page.waitForSelector(`tr[data-learner="${n}"]`, { timeout });
  }
  const count = await page.textContent("#count");
  if (count !== String(learners.length)) fail(`the title counts ${count} learners`);
  const stepOf = (n) => page.textContent(`tr[data-learner="${n}"] td:nth-child(3)`);
  const before = await stepOf(mover);
  console.log("READY " + before);

  // the test makes MOVER pass a step: the row changes without a reload (Server-Sent Events)
  await page.waitForFunction(
    ([n, was]) => {
      const td = document.querySelector(`tr[data-learner="${n}"] td:nth-child(3)`);
      return td && td.textContent !== was;
    },
    [mover, before],
    { timeout },
  );
  const after = await stepOf(mover);
  if (parseInt(after, 10) !== parseInt(before, 10) + 1) fail(`step went ${before} -> ${after}`);

  // the heat map: one bar per step reached, counting every learner
  const bars = await page.$$eval("#heat div", (ds) => ds.map((d) => d.textContent));
  const total = bars.reduce((s, b) => s + parseInt(b.split(": ")[1], 10), 0);
  if (total !== learners.length) fail("heat map " + JSON.stringify(bars));
  console.log("HEAT " + JSON.stringify(bars));

  // the export links carry the instructor's token and answer with every learner
  for (const f of ["csv", "json", "junit"]) {
    const href = await page.getAttribute("#" + f, "href");
    if (!href.startsWith("/api/grades?format=" + f + "&token=")) fail(f + " link " + href);
    const got = await page.evaluate(async (h) => {
      const r = await fetch(h);
      return { status: r.status, type: r.headers.get("content-type"), body: await r.text() };
    }, href);
    if (got.status !== 200) fail(`${f} export answered ${got.status}`);
    for (const n of learners) {
      if (!got.body.includes(n)) fail(`${f} export lacks ${n}`);
    }
    console.log("EXPORT " + f + " " + got.type);
  }
  await page.screenshot({ path: screenshot, fullPage: true });
  console.log("OK");
} catch (e) {
  fail(String(e && e.message ? e.message.split("\n")[0] : e));
} finally {
  await browser.close();
}
