// The take-away half of a figure's toolbar: the CSV with its evidence, the data package, SVG
// and PNG images, a citation, and a link to the view the reader sees. The files are made in the
// reader's browser from the rows the figure drew; nothing is sent anywhere.
//
// A page names its source lookup once, so that it is fetched only when a reader takes a figure
// away:   provideSourceDetails(FileAttachment("data/source-details.json"));
// and the build's data release is read from the page's head (observablehq.config.ts).
import {html} from "npm:htl";
import {downloadParquet, saveBlob} from "./download.js";
import {embedCode, embedUrl, viewPath} from "./embed.js";
import {downloadName} from "./figureData.js";
import type {ImageText} from "./figureImage.js";
import type {Rows} from "./rows.js";
import type {FigureIdentity, ReleaseRef, SourceDetail} from "./takeAway.js";

// The files' code (and fflate, for the zip) loads on the first take-away, not with the page.
const files = () => import("./takeAway.js");
const images = () => import("./figureImage.js");

let detailsFile: {json(): Promise<unknown>} | null = null;
let details: Promise<SourceDetail[]> | null = null;

/** The page's source lookup (a FileAttachment), fetched on the first take-away. */
export function provideSourceDetails(file: {json(): Promise<unknown>}): void {
  detailsFile = file;
  details = null;
}

function sourceDetails(): Promise<SourceDetail[]> {
  if (!detailsFile) return Promise.reject(new Error("this page did not provide its source details (provideSourceDetails)"));
  return (details ??= detailsFile.json().then((rows) => rows as SourceDetail[]).catch((error) => {
    details = null;
    throw error;
  }));
}

/** The data release this build was made from, as the page's head gives it. */
export function currentRelease(): ReleaseRef {
  const meta = document.querySelector<HTMLMetaElement>('meta[name="observatory-release"]');
  if (!meta?.content) throw new Error("the page names no data release (meta observatory-release)");
  return {release_id: meta.content, as_of: meta.dataset.asOf ?? ""};
}

/** The page's path as the site names it: "/" or "/supply". */
function pagePath(): string {
  const last = location.pathname.split("/").pop() ?? "";
  return `/${last.replace(/\.html$/, "").replace(/^index$/, "")}`;
}

/** The address of this view: the page with its inputs' state, anchored at the figure. */
export function viewUrl(id: string): string {
  return `${location.origin}${viewPath(id)}`;
}

/** Room in an embed for the title, subtitle, key, source line and link around the chart (px). */
const EMBED_CHROME = 190;

/** The reader's own date, YYYY-MM-DD (not UTC's, which can be a day off). */
function today(): string {
  const now = new Date();
  return [now.getFullYear(), now.getMonth() + 1, now.getDate()].map((n, i) => String(n).padStart(i ? 2 : 4, "0")).join("-");
}

export interface FigureToolsOptions {
  id: string;
  title: string;
  subtitle: string | null;
  sql: string;
  rows: Rows;
  /** The drawn figure, when the reader asks for an image. */
  figure: () => HTMLElement;
}

/** Copies text, with the page's own fallback where the Clipboard API is refused (plain http). */
async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.append(area);
    area.select();
    const copied = document.execCommand("copy");
    area.remove();
    if (!copied) throw new Error("the browser refused to copy");
  }
}

/** A button whose click runs `action`, marked busy meanwhile; a failure is said on the button. */
function actionButton(action: string, label: string, title: string, run: (button: HTMLButtonElement) => Promise<void>): HTMLButtonElement {
  const button = html`<button type="button" data-action=${action} title=${title}>${label}</button>` as unknown as HTMLButtonElement;
  button.addEventListener("click", () => {
    button.setAttribute("aria-busy", "true");
    button.removeAttribute("data-error");
    button.title = title;
    run(button)
      .catch((error) => {
        console.warn(`${title} failed: ${error}`);
        button.dataset.error = String(error?.message ?? error);
        button.title = `${title} failed: ${button.dataset.error}`;
      })
      .finally(() => button.removeAttribute("aria-busy"));
  });
  return button;
}

/** Says "Copied" on the button for two seconds (a second click within them keeps the first label). */
function confirm(button: HTMLButtonElement, done: string): void {
  button.dataset.label ??= button.textContent ?? "";
  button.textContent = done;
  clearTimeout(Number(button.dataset.timer));
  button.dataset.timer = String(setTimeout(() => (button.textContent = button.dataset.label!), 2000));
}

export function figureTools(options: FigureToolsOptions) {
  const {id, rows} = options;
  const identity = (): FigureIdentity => ({
    id, page: pagePath(), title: options.title, subtitle: options.subtitle, url: viewUrl(id), sql: options.sql, release: currentRelease(), accessed: today()
  });
  const cited = async () => (await files()).citedSources(rows, await sourceDetails());
  const imageText = async (identity: FigureIdentity, sources: SourceDetail[]): Promise<ImageText> => {
    const {imageSourceLine, PUBLISHER, unitsOf} = await files();
    const units = unitsOf(rows);
    return {
      title: identity.title,
      subtitle: identity.subtitle,
      footer: [
        ...(units.length ? [`Units: ${units.join(", ")}.`] : []),
        imageSourceLine(sources),
        `${PUBLISHER}, data release ${identity.release.release_id}. ${identity.url}`
      ]
    };
  };

  const csv = actionButton("csv", "CSV", "Download CSV: the rows, their sources' titles and addresses, and the data release", async () => {
    const {evidenceCsv} = await files();
    saveBlob(downloadName(id, "csv"), new Blob([evidenceCsv(rows, await sourceDetails(), currentRelease())], {type: "text/csv;charset=utf-8"}));
  });
  const parquet = actionButton("parquet", "Parquet", "Download Parquet: exactly the rows, typed", () => downloadParquet(rows, id));
  const zip = actionButton("package", "Data package", "Download the data package (zip): CSV, metadata.json, SQL and README", async () => {
    const {dataPackage} = await files();
    const bytes = dataPackage(identity(), rows, await sourceDetails(), new Date().toISOString());
    saveBlob(downloadName(id, "zip"), new Blob([bytes as BlobPart], {type: "application/zip"}));
  });
  const svg = actionButton("svg", "SVG", "Download the chart as SVG, with its title, units, sources and release", async () => {
    const figure = identity();
    const {figureSvg} = await images();
    const image = figureSvg(options.figure(), await imageText(figure, await cited()));
    saveBlob(downloadName(id, "svg"), new Blob([image.svg], {type: "image/svg+xml"}));
  });
  const png = actionButton("png", "PNG", "Download the chart as PNG (2× resolution), with its title, units, sources and release", async () => {
    const figure = identity();
    const sources = await cited();
    const text = await imageText(figure, sources);
    const [{figurePng, figureSvg}, {PUBLISHER}] = await Promise.all([images(), files()]);
    const bytes = await figurePng(figureSvg(options.figure(), text), {
      Title: figure.title,
      ...(figure.subtitle ? {Description: figure.subtitle} : {}),
      Source: text.footer.join(" "),
      Copyright: sources.map((s) => `${s.publisher}: ${s.licence}`).join("; ") || PUBLISHER,
      Comment: `Data release ${figure.release.release_id}`
    });
    saveBlob(downloadName(id, "png"), new Blob([bytes as BlobPart], {type: "image/png"}));
  });

  const citePanel = html`<div class="chart-cite" hidden></div>` as HTMLElement;
  const cite = actionButton("cite", "Cite", "Cite this figure: plain text, BibTeX or CSL-JSON", async (button) => {
    const open = citePanel.hidden;
    if (open) {
      const figure = identity();
      const sources = await cited();
      const {citationBibtex, citationCsl, citationText} = await files();
      const block = (name: string, format: string, text: string, file: string, type: string) => {
        const copy = actionButton(`copy-${format}`, "Copy", `Copy the ${name} citation`, async (b) => {
          await copyText(text);
          confirm(b, "Copied");
        });
        const save = actionButton(`save-${format}`, "Download", `Download the ${name} citation`, async () => saveBlob(file, new Blob([text], {type})));
        return html`<div class="chart-cite-block" data-format=${format}><div class="chart-cite-head"><strong>${name}</strong> ${copy} ${save}</div><pre><code>${text}</code></pre></div>`;
      };
      citePanel.replaceChildren(
        block("Plain text", "text", citationText(figure, sources), downloadName(id, "txt"), "text/plain;charset=utf-8"),
        block("BibTeX", "bibtex", citationBibtex(figure, sources), downloadName(id, "bib"), "application/x-bibtex;charset=utf-8"),
        block("CSL-JSON", "csl", `${JSON.stringify(citationCsl(figure, sources), null, 2)}\n`, downloadName(id, "csl.json"), "application/json")
      );
    }
    citePanel.hidden = !open;
    button.setAttribute("aria-expanded", String(open));
  });
  cite.setAttribute("aria-expanded", "false");
  const link = actionButton("copy-link", "Copy link", "Copy the link to this view: the page, its inputs and this figure", async (button) => {
    await copyText(viewUrl(id));
    confirm(button, "Copied");
  });

  const embed = actionButton("copy-embed", "Copy embed code", "Copy an <iframe> that shows this figure, in this view, on another page", async (button) => {
    const figure = options.figure();
    await copyText(embedCode(embedUrl(id, location), options.title, figure.querySelector(".chart-plot")!.getBoundingClientRect().height + EMBED_CHROME));
    confirm(button, "Copied");
  });

  return {csv, parquet, zip, svg, png, cite, link, embed, citePanel};
}
