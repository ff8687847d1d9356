// Load every page of the site in headless Chromium at the given widths, as tests/test_site_browser.py asks:
// horizontal overflow, every internal link and linked file, axe-core violations, optional screenshots.
// Usage: node check_site.js SITE_DIR WIDTHS(comma) PAGES_JSON_FILE [SHOTS_DIR]
// Prints one JSON object: {pages: {"<width> <page>": {overflow, scrollWidth, broken: [...], violations: [...]}}}
"use strict";
const fs = require("fs");
const path = require("path");
const { pathToFileURL, fileURLToPath } = require("url");
const puppeteer = require("puppeteer-core");
const axe = require("axe-core");

async function main() {
  const [site, widthsArg, pagesFile, shots] = process.argv.slice(2);
  const widths = widthsArg.split(",").map(Number);
  const pages = JSON.parse(fs.readFileSync(pagesFile, "utf8"));
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
           "--no-first-run", "--hide-scrollbars"],
  });
  const out = {};
  try {
    const tab = await browser.newPage();
    for (const width of widths) {
      await tab.setViewport({ width, height: 900 });
      for (const rel of pages.pages) {
        const file = path.join(site, rel);
        await tab.goto(pathToFileURL(file).href, { waitUntil: "load" });
        const result = await tab.evaluate(() => {
          const doc = document.documentElement;
          const wide = [];
          for (const el of document.querySelectorAll("body *")) {
            const r = el.getBoundingClientRect();
            if (r.right > doc.clientWidth + 1 && r.width > 0) wide.push(el.tagName + ": " + (el.textContent || "").trim().slice(0, 40));
          }
          const links = [...document.querySelectorAll("a[href], link[href], img[src], script[src]")]
            .map((el) => el.href || el.src);
          return { scrollWidth: doc.scrollWidth, clientWidth: doc.clientWidth, wide: wide.slice(0, 5), links,
                   html: doc.outerHTML };
        });
        const broken = [];
        for (const url of result.links) {
          if (!url.startsWith("file:")) continue; // the organisation's own site: outside the section
          const [bare, fragment] = url.split("#");
          const target = fileURLToPath(bare);
          if (!fs.existsSync(target) || !fs.statSync(target).isFile()) broken.push(url);
          else if (!path.resolve(target).startsWith(path.resolve(site) + path.sep)) broken.push(url + " (вне папки)");
          else if (fragment && !fs.readFileSync(target, "utf8").includes(`id="${fragment}"`)) broken.push(url + " (нет якоря)");
          else if (target.endsWith(".pdf") && fs.readFileSync(target).subarray(0, 5).toString() !== "%PDF-") broken.push(url + " (не PDF)");
        }
        let violations = [];
        if (pages.axe.includes(rel)) {
          await tab.evaluate(axe.source);
          const res = await tab.evaluate(async () => await window.axe.run(document, { resultTypes: ["violations"] }));
          violations = res.violations.map((v) => `${v.id}: ${v.nodes.length} (${v.nodes.slice(0, 2).map((n) => n.target.join(" ")).join("; ")})`);
        }
        if (shots && pages.shots.includes(rel)) {
          const name = rel.replace(/[\/]/g, "_").replace(/\.html$/, "");
          await tab.screenshot({ path: path.join(shots, `сайт-${name}-${width}.png`), fullPage: true });
        }
        out[`${width} ${rel}`] = {
          overflow: result.scrollWidth > result.clientWidth, scrollWidth: result.scrollWidth, wide: result.wide,
          broken, violations, links: result.links.length, html: result.html,
        };
      }
    }
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify({ pages: out }));
}

main().catch((err) => { console.error(err); process.exit(2); });
