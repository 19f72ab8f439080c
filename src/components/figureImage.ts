// A figure as an image a reader can put in a report: one standalone SVG holding the title,
// the subtitle, the legend and the basis key, the chart as drawn on the page, and a footer with
// the units, the sources and the data release; and a PNG of it at twice the resolution, with the
// same text in its metadata (iTXt chunks). Colours are the ones the reader sees (light or dark):
// every colour the page's stylesheet or a CSS variable gives is written into the copy, so the
// file looks the same outside the page. Built with DOM calls only; no text is parsed as markup.
const SVG_NS = "http://www.w3.org/2000/svg";
const PAD = 16;
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";

export interface ImageText {
  title: string;
  subtitle: string | null;
  /** Lines under the chart: units, sources, release and link. */
  footer: string[];
}

export interface FigureImage {
  svg: string;
  width: number;
  height: number;
}

/** Properties whose values may come from the page's stylesheet or a CSS variable. */
const INLINED = ["fill", "stroke", "color", "font-family", "font-size", "font-weight", "font-style", "font-variant-numeric", "opacity", "fill-opacity", "stroke-opacity"];

function element<K extends keyof SVGElementTagNameMap>(name: K, attributes: Record<string, string | number> = {}): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  return node;
}

/** A copy of a drawn SVG with the computed colours and fonts written in, without pointer tips. */
function standalone(svg: SVGSVGElement): SVGSVGElement {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...svg.querySelectorAll("*")];
  const copies = [copy, ...copy.querySelectorAll("*")];
  originals.forEach((original, i) => {
    const style = getComputedStyle(original);
    const target = copies[i] as SVGElement;
    for (const name of INLINED) {
      const value = style.getPropertyValue(name);
      if (value) target.style.setProperty(name, value);
    }
  });
  // Plot's pointer tips are for the page; an image shows none.
  for (const tip of copy.querySelectorAll('[aria-label="tip"]')) tip.remove();
  const box = svg.getBoundingClientRect();
  if (!copy.getAttribute("width")) copy.setAttribute("width", String(Math.ceil(box.width)));
  if (!copy.getAttribute("height")) copy.setAttribute("height", String(Math.ceil(box.height)));
  return copy;
}

let canvas: CanvasRenderingContext2D | null = null;

/** A text's width at a font, in px (an estimate where the browser gives no canvas). */
function textWidth(text: string, font: string): number {
  canvas ??= document.createElement("canvas").getContext("2d");
  if (!canvas) return text.length * 7;
  canvas.font = font;
  return canvas.measureText(text).width;
}

/** Splits text into lines no wider than `width` at the given font, at spaces. */
function wrap(text: string, font: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && textWidth(candidate, font) > width) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}

function textBlock(parent: SVGElement, text: string, {x, y, width, size, weight = 400, color}: {x: number; y: number; width: number; size: number; weight?: number; color: string}): number {
  const lineHeight = Math.round(size * 1.35);
  for (const line of wrap(text, `${weight} ${size}px ${FONT}`, width)) {
    y += lineHeight;
    const node = element("text", {x, y: y - Math.round(size * 0.3), "font-size": size, "font-weight": weight, fill: color});
    node.textContent = line;
    parent.append(node);
  }
  return y;
}

/** Legend entries (Plot's swatches, the basis key): each a small drawn swatch and its label. */
function legendItems(figure: HTMLElement): {swatch: SVGSVGElement; label: string}[] {
  const items = [...figure.querySelectorAll<HTMLElement>(".chart-plot [class$='-swatch'], .chart-basis-item")];
  return items.flatMap((item) => {
    const swatch = item.querySelector("svg");
    const label = item.textContent?.trim() ?? "";
    return swatch && label ? [{swatch: standalone(swatch), label}] : [];
  });
}

/** The colour a reader sees behind the figure: the first opaque background up the tree. */
function backgroundOf(node: Element | null): string {
  for (; node; node = node.parentElement) {
    const color = getComputedStyle(node).backgroundColor;
    if (color && color !== "transparent" && !/rgba\(.*,\s*0\)$/.test(color)) return color;
  }
  return "rgb(255, 255, 255)";
}

/** The figure on the page, drawn into one standalone SVG document. */
export function figureSvg(figure: HTMLElement, text: ImageText): FigureImage {
  const charts = [...figure.querySelectorAll<SVGSVGElement>(".chart-plot svg")].filter(
    (svg) => !svg.parentElement?.closest("svg") && !svg.closest("[class$='-swatch']") && svg.getBoundingClientRect().height > 0
  );
  if (!charts.length) throw new Error("the figure has no chart drawn to make an image of");
  const chartWidth = Math.max(...charts.map((svg) => Math.ceil(svg.getBoundingClientRect().width)));
  const width = chartWidth + 2 * PAD;
  const inner = width - 2 * PAD;
  const foreground = getComputedStyle(figure).color;
  const muted = getComputedStyle(figure.querySelector(".chart-subtitle, figcaption") ?? figure).color;
  const background = backgroundOf(figure);

  const root = element("svg", {xmlns: SVG_NS, width, "font-family": FONT});
  root.style.setProperty("color", foreground);
  root.style.setProperty("--plot-background", background);
  const backdrop = element("rect", {x: 0, y: 0, width, fill: background});
  root.append(backdrop);

  let y = PAD - 4;
  y = textBlock(root, text.title, {x: PAD, y, width: inner, size: 18, weight: 600, color: foreground});
  if (text.subtitle) y = textBlock(root, text.subtitle, {x: PAD, y: y + 2, width: inner, size: 13, color: muted});

  // The legend entries in rows, as wide as the chart.
  const items = legendItems(figure);
  if (items.length) {
    y += 8;
    let x = PAD;
    const rowHeight = 18;
    for (const {swatch, label} of items) {
      const swatchWidth = Number(swatch.getAttribute("width")) || 15;
      const swatchHeight = Number(swatch.getAttribute("height")) || 15;
      const itemWidth = swatchWidth + 6 + textWidth(label, `400 12px ${FONT}`) + 16;
      if (x > PAD && x + itemWidth > PAD + inner) {
        x = PAD;
        y += rowHeight;
      }
      swatch.setAttribute("x", String(x));
      swatch.setAttribute("y", String(y + (rowHeight - swatchHeight) / 2));
      const node = element("text", {x: x + swatchWidth + 6, y: y + rowHeight / 2 + 4, "font-size": 12, fill: foreground});
      node.textContent = label;
      root.append(swatch, node);
      x += itemWidth;
    }
    y += rowHeight;
  }

  y += 8;
  for (const chart of charts) {
    const copy = standalone(chart);
    copy.setAttribute("x", String(PAD));
    copy.setAttribute("y", String(y));
    copy.style.setProperty("overflow", "visible");
    root.append(copy);
    y += Number(copy.getAttribute("height")) || Math.ceil(chart.getBoundingClientRect().height);
  }

  y += 4;
  for (const line of text.footer) y = textBlock(root, line, {x: PAD, y, width: inner, size: 11, color: muted});
  const height = Math.ceil(y + PAD);
  root.setAttribute("height", String(height));
  root.setAttribute("viewBox", `0 0 ${width} ${height}`);
  backdrop.setAttribute("height", String(height));
  const svg = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(root)}\n`;
  return {svg, width, height};
}

/** The SVG drawn into a canvas at `scale`× and encoded as PNG, with `text` in its metadata. */
export async function figurePng(image: FigureImage, text: Record<string, string>, scale = 2): Promise<Uint8Array> {
  const url = URL.createObjectURL(new Blob([image.svg], {type: "image/svg+xml"}));
  try {
    const picture = new Image();
    picture.src = url;
    await picture.decode();
    const canvas = document.createElement("canvas");
    canvas.width = image.width * scale;
    canvas.height = image.height * scale;
    const context = canvas.getContext("2d");
    if (!context) throw new Error("this browser cannot draw into a canvas");
    context.drawImage(picture, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
    if (!blob) throw new Error("the browser could not encode the PNG");
    return pngWithText(new Uint8Array(await blob.arrayBuffer()), text);
  } finally {
    URL.revokeObjectURL(url);
  }
}

// PNG text chunks (iTXt, UTF-8; PNG specification §11.3.4), inserted before IEND.
let crcTable: Uint32Array | null = null;

function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const byte of bytes) crc = crcTable[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

const PNG_SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** Each PNG chunk's type and data, in order; throws on anything that is not a PNG. */
export function pngChunks(png: Uint8Array): {type: string; data: Uint8Array}[] {
  if (!PNG_SIGNATURE.every((byte, i) => png[i] === byte)) throw new Error("not a PNG file");
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const chunks: {type: string; data: Uint8Array}[] = [];
  for (let offset = 8; offset + 12 <= png.length; ) {
    const length = view.getUint32(offset);
    const type = new TextDecoder().decode(png.subarray(offset + 4, offset + 8));
    chunks.push({type, data: png.subarray(offset + 8, offset + 8 + length)});
    offset += 12 + length;
  }
  return chunks;
}

/** The PNG with one iTXt chunk per entry (keywords such as Title, Description, Source, Copyright). */
export function pngWithText(png: Uint8Array, text: Record<string, string>): Uint8Array {
  const chunks = pngChunks(png);
  const end = chunks.findIndex((c) => c.type === "IEND");
  if (end < 0) throw new Error("the PNG has no IEND chunk");
  const encoder = new TextEncoder();
  const added = Object.entries(text).map(([keyword, value]) => {
    // keyword, NUL, compression flag 0, method 0, empty language tag NUL, empty translated keyword NUL, text.
    const head = encoder.encode(keyword.slice(0, 79));
    const body = encoder.encode(value);
    const data = new Uint8Array(head.length + 5 + body.length);
    data.set(head, 0);
    data.set(body, head.length + 5);
    return chunk("iTXt", data);
  });
  const parts = [new Uint8Array(PNG_SIGNATURE), ...chunks.slice(0, end).map((c) => chunk(c.type, c.data)), ...added, ...chunks.slice(end).map((c) => chunk(c.type, c.data))];
  const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** The iTXt entries of a PNG, keyword → text. */
export function pngText(png: Uint8Array): Record<string, string> {
  const decoder = new TextDecoder();
  const entries: Record<string, string> = {};
  for (const {type, data} of pngChunks(png)) {
    if (type !== "iTXt") continue;
    const keywordEnd = data.indexOf(0);
    // After the keyword's NUL: compression flag, method, language tag NUL, translated keyword NUL.
    let offset = keywordEnd + 3;
    offset = data.indexOf(0, offset) + 1;
    offset = data.indexOf(0, offset) + 1;
    entries[decoder.decode(data.subarray(0, keywordEnd))] = decoder.decode(data.subarray(offset));
  }
  return entries;
}
