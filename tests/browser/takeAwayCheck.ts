// What a reader takes away from one figure, checked as they would get it: the toolbar's
// downloads are clicked and the files read. The SVG must parse, carry the figure's title and
// the data release and draw as many data marks as the chart on the page; the PNG must decode
// at twice the SVG's size with the title in its text chunks and in its pixels; the data
// package must hold a CSV of exactly the figure's rows, each naming its sources, and a
// metadata.json that validates against the project's schema. Returns the problems found.
import {readFileSync} from "node:fs";
import {csvParse} from "d3";
import {strFromU8, unzipSync} from "fflate";
import type {Page} from "playwright-core";
import {figurePackageMetadata} from "../../data-loaders/schema/figurePackage.ts";
import {pngText} from "../../src/components/figureImage.ts";
import {EVIDENCE_COLUMNS} from "../../src/components/takeAway.ts";

/** The names of Plot's data marks (g[aria-label]), as the figure harness counts them. */
const DATA_MARKS = ["bar", "line", "dot", "area", "tick", "rect", "cell", "link", "rule", "text"];

export async function download(page: Page, id: string, action: string): Promise<{name: string; bytes: Buffer}> {
  const [file] = await Promise.all([page.waitForEvent("download", {timeout: 30_000}), page.locator(`figure[data-chart="${id}"] button[data-action="${action}"]`).click()]);
  return {name: file.suggestedFilename(), bytes: readFileSync((await file.path())!)};
}

/**
 * A PNG decoded by the browser: its size, the background (the pixel at 2,2), and in the title's
 * band (from 12,16 to 212,34 at 1×) how many pixels differ clearly from the background and the
 * band's lightest luminance.
 */
export async function pngPixels(page: Page, png: Buffer): Promise<{width: number; height: number; background: number[]; differing: number; lightest: number}> {
  return page.evaluate(async (base64) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], {type: "image/png"}));
    const context = new OffscreenCanvas(bitmap.width, bitmap.height).getContext("2d")!;
    context.drawImage(bitmap, 0, 0);
    const background = [...context.getImageData(2, 2, 1, 1).data];
    const band = context.getImageData(24, 32, Math.min(400, bitmap.width - 24), 36).data;
    let differing = 0;
    let lightest = 0;
    for (let i = 0; i < band.length; i += 4) {
      if (Math.abs(band[i] - background[0]) + Math.abs(band[i + 1] - background[1]) + Math.abs(band[i + 2] - background[2]) > 96) differing++;
      lightest = Math.max(lightest, (0.2126 * band[i] + 0.7152 * band[i + 1] + 0.0722 * band[i + 2]) / 255);
    }
    return {width: bitmap.width, height: bitmap.height, background, differing, lightest};
  }, png.toString("base64"));
}

export async function takeAwayProblems(page: Page, id: string, {png}: {png: boolean}): Promise<string[]> {
  const problems: string[] = [];
  const figure = page.locator(`figure[data-chart="${id}"]`);
  const title = (await figure.locator(".chart-title").textContent())!.trim();
  const rows = Number(await figure.getAttribute("data-rows"));
  const sql = (await figure.locator(".chart-sql code").textContent())!.trim();
  const release = (await page.locator('meta[name="observatory-release"]').getAttribute("content"))!;

  const svg = await download(page, id, "svg");
  if (svg.name !== `${id}.svg`) problems.push(`SVG is named ${svg.name}`);
  const read = await page.evaluate(
    ({text, marks, id}) => {
      const countIn = (root: ParentNode) =>
        [...root.querySelectorAll("g[aria-label]")]
          .filter((group) => marks.includes(group.getAttribute("aria-label") ?? ""))
          .reduce((n, group) => n + group.querySelectorAll("rect, circle, path, line, text").length, 0);
      const doc = new DOMParser().parseFromString(text, "image/svg+xml");
      const live = document.querySelector(`figure[data-chart="${id}"] .chart-plot`)!;
      return {
        error: doc.querySelector("parsererror")?.textContent ?? null,
        texts: [...doc.querySelectorAll(":root > text")].map((t) => t.textContent ?? ""),
        width: Number(doc.documentElement.getAttribute("width")),
        height: Number(doc.documentElement.getAttribute("height")),
        marks: countIn(doc),
        liveMarks: countIn(live)
      };
    },
    {text: svg.bytes.toString("utf8"), marks: DATA_MARKS, id}
  );
  if (read.error) problems.push(`SVG does not parse: ${read.error.slice(0, 80)}`);
  const words = read.texts.join(" ");
  if (!words.replace(/\s+/g, " ").startsWith(title.replace(/\s+/g, " "))) problems.push(`SVG does not open with the title ("${words.slice(0, 60)}")`);
  if (!words.includes(`data release ${release}`)) problems.push("SVG names no data release");
  if (!/Sources?: /.test(words)) problems.push("SVG has no source line");
  if (!read.marks || read.marks !== read.liveMarks) problems.push(`SVG draws ${read.marks} data shapes, the page ${read.liveMarks}`);

  if (png) {
    const image = await download(page, id, "png");
    const [width, height] = [image.bytes.readUInt32BE(16), image.bytes.readUInt32BE(20)];
    if (width !== 2 * read.width || height !== 2 * read.height) problems.push(`PNG is ${width}×${height}, the SVG ${read.width}×${read.height}`);
    const text = pngText(new Uint8Array(image.bytes));
    if (text.Title !== title) problems.push(`PNG's Title is "${text.Title}"`);
    if (!text.Comment?.includes(release)) problems.push("PNG names no data release");
    // Decoded by the browser: the title's band differs from the background in some pixels.
    const drawn = await pngPixels(page, image.bytes);
    if (drawn.differing < 50) problems.push(`PNG's title band has ${drawn.differing} drawn pixels`);
  }

  const zip = await download(page, id, "package");
  const files = unzipSync(new Uint8Array(zip.bytes));
  const metadataText = files["metadata.json"] ? strFromU8(files["metadata.json"]) : "";
  const parsed = figurePackageMetadata.safeParse(metadataText ? JSON.parse(metadataText) : null);
  if (!parsed.success) problems.push(`metadata.json does not validate: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ").slice(0, 200)}`);
  else {
    const metadata = parsed.data;
    if (metadata.figure.title !== title) problems.push(`metadata.json's title is "${metadata.figure.title}"`);
    if (metadata.rows !== rows) problems.push(`metadata.json counts ${metadata.rows} rows, the figure ${rows}`);
    if (metadata.sql.trim() !== sql) problems.push("metadata.json's SQL is not the figure's");
    if (metadata.release.release_id !== release) problems.push("metadata.json names another release");
    if (!metadata.figure.url.endsWith(`#chart-${id}`)) problems.push(`metadata.json's view link is ${metadata.figure.url}`);
  }
  const csvText = files[`${id}.csv`] ? strFromU8(files[`${id}.csv`]) : "";
  const csv = csvParse(csvText);
  if (csv.length !== rows) problems.push(`the package's CSV has ${csv.length} rows, the figure ${rows}`);
  if (csv.columns.slice(-EVIDENCE_COLUMNS.length).join() !== EVIDENCE_COLUMNS.join()) problems.push(`the package's CSV ends with ${csv.columns.slice(-EVIDENCE_COLUMNS.length).join()}`);
  const unnamed = csv.filter((row) => (row.source_id || row.source_ids) && !row.source_title);
  if (unnamed.length) problems.push(`${unnamed.length} CSV rows cite a source without naming it`);
  if (csv.some((row) => row.release_id !== release)) problems.push("CSV rows without the release");
  return problems;
}
