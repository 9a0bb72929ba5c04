// --format pdf: report.html printed to A4 by a Chromium found on the PATH, driven through
// playwright-core (an optional dependency; no browser is downloaded). The printed page uses the
// report's own print stylesheet (A4, page header with title and date, page numbers). The PDF's
// creation and modification dates are the report's date, so the same report prints to the same
// bytes with the same Chromium.
import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";
import { UserError } from "../io/user-error.js";
import type { CliContext } from "./context.js";
import { messageLang, say } from "./locale.js";

/** Executable names of Chromium and Chrome, searched in this order on the PATH. */
export const CHROMIUM_NAMES = [
  "chromium",
  "chromium-browser",
  "google-chrome",
  "google-chrome-stable",
] as const;

export function findChromium(
  env: Readonly<Record<string, string | undefined>>,
): string | undefined {
  const dirs = (env.PATH ?? "").split(delimiter).filter(Boolean);
  for (const name of CHROMIUM_NAMES)
    for (const dir of dirs) {
      const path = join(dir, name);
      try {
        accessSync(path, constants.X_OK);
        return path;
      } catch {
        // not here
      }
    }
  return undefined;
}

/**
 * Replaces the PDF's dates (wall-clock time of printing) by the report's date, keeping every
 * byte offset: same length, digits for digits, the zone as +00'00'.
 */
export function fixPdfDates(pdf: Uint8Array, date: string | undefined): Uint8Array {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(date ?? "") ? date!.replace(/-/g, "") : "19700101";
  const text = Buffer.from(pdf).toString("latin1");
  const fixed = text.replace(
    /\(D:\d{14}([+-]\d\d'\d\d'|Z)?\)/g,
    (_m, zone: string | undefined) =>
      `(D:${day}000000${zone === undefined ? "" : zone === "Z" ? "Z" : "+00'00'"})`,
  );
  return Buffer.from(fixed, "latin1");
}

/** Prints the HTML to an A4 PDF; a clear error (exit 1) when no Chromium or playwright-core. */
export async function printPdf(
  ctx: CliContext,
  html: string,
  date: string | undefined,
): Promise<Uint8Array> {
  const lang = messageLang(ctx.env);
  const executablePath = findChromium(ctx.env);
  if (!executablePath)
    throw new UserError(
      say(
        lang,
        `--format pdf braucht Chromium oder Google Chrome im PATH (gesucht: ${CHROMIUM_NAMES.join(", ")}); installieren Sie es (Debian/Ubuntu: apt-get install chromium) oder drucken Sie report.html im Browser als PDF`,
        `--format pdf needs Chromium or Google Chrome on the PATH (looked for ${CHROMIUM_NAMES.join(", ")}); install it (Debian/Ubuntu: apt-get install chromium) or print report.html to PDF in a browser`,
      ),
      1,
    );
  let chromium: typeof import("playwright-core").chromium;
  try {
    ({ chromium } = await import("playwright-core"));
  } catch {
    throw new UserError(
      say(
        lang,
        "--format pdf braucht das Paket playwright-core (npm install playwright-core)",
        "--format pdf needs the package playwright-core (npm install playwright-core)",
      ),
      1,
    );
  }
  const browser = await chromium.launch({
    executablePath,
    args: [
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      // Root cannot use Chromium's sandbox; the page is our own, without scripts or requests.
      ...(process.getuid?.() === 0 ? ["--no-sandbox"] : []),
    ],
  });
  try {
    const context = await browser.newContext({ offline: true, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.route("**", (route) =>
      route.request().url().startsWith("data:") ? route.continue() : route.abort(),
    );
    await page.setContent(html, { waitUntil: "load" });
    const pdf = await page.pdf({
      format: "A4",
      preferCSSPageSize: true,
      printBackground: true,
      tagged: true,
      outline: true,
    });
    return fixPdfDates(pdf, date);
  } finally {
    await browser.close();
  }
}
