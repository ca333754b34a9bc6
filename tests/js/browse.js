// Loads pages of a running `cadre serve` in Debian's Chromium through playwright-core
// and prints a JSON report per page: whether any script of the page's text ran (the
// payloads set window.__pwned or open a dialog), the elements markup in the text would
// have made (img, iframe, on* attributes, scripts other than the site's own), the
// javascript: links, the visible text, and uncaught script errors. The page's
// Content-Security-Policy is bypassed, so escaping alone must keep the text inert.
// Usage: node browse.js CHROMIUM BASE_URL PATH...
"use strict";
const { chromium } = require("playwright-core");
const [executablePath, base, ...paths] = process.argv.slice(2);

(async () => {
  const browser = await chromium.launch({ executablePath, args: ["--no-sandbox"] });
  const context = await browser.newContext({ bypassCSP: true, javaScriptEnabled: true });
  const reports = [];
  for (const path of paths) {
    const page = await context.newPage();
    const dialogs = [];
    const errors = [];
    page.on("dialog", async (d) => {
      dialogs.push(d.message());
      await d.dismiss();
    });
    page.on("pageerror", (e) => errors.push(String(e)));
    const response = await page.goto(base + path, { waitUntil: "load" });
    // Give an onerror handler of a broken image the time to fire.
    await page.waitForTimeout(300);
    const found = await page.evaluate(() => ({
      pwned: window.__pwned === undefined ? null : String(window.__pwned),
      title: document.title,
      heading: (document.querySelector("h1") || {}).textContent || "",
      text: document.body.innerText,
      images: document.querySelectorAll("img").length,
      frames: document.querySelectorAll("iframe, object, embed").length,
      scripts: [...document.querySelectorAll("script")].map((s) => s.getAttribute("src") || "inline"),
      handlers: [...document.querySelectorAll("*")].filter((e) =>
        [...e.attributes].some((a) => a.name.startsWith("on"))
      ).length,
      javascriptLinks: [...document.querySelectorAll("[href], [src], [action]")].filter((e) =>
        ["href", "src", "action"].some((a) =>
          (e.getAttribute(a) || "").trim().toLowerCase().startsWith("javascript:")
        )
      ).length,
    }));
    reports.push({ path, status: response.status(), dialogs, errors, ...found });
    await page.close();
  }
  await browser.close();
  console.log(JSON.stringify(reports));
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
