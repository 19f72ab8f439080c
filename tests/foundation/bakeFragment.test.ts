import {JSDOM} from "jsdom";
import {describe, expect, it} from "vitest";
import {bakedFragment, deferPageCode, insertBaked, styleElement} from "../../scripts/bake/fragment.ts";
import {bakedEmbedStyles} from "../../src/components/embed.ts";

const {document} = new JSDOM("").window;

/** What a browser makes of markup: the tree the HTML parser builds from it. */
function parse(markup: string): HTMLTemplateElement {
  const template = document.createElement("template");
  template.innerHTML = markup;
  return template;
}

function figure(title: string): HTMLElement {
  const element = document.createElement("figure");
  element.setAttribute("data-chart", "quotas");
  const heading = document.createElement("h2");
  heading.textContent = title;
  element.append(heading);
  return element;
}

describe("bakedFragment(document, nodes)", () => {
  it("wraps the cell's nodes in the placeholder Framework removes when the cell displays", () => {
    const markup = bakedFragment(document, [figure("Quotas")]);
    const holder = parse(markup).content.firstElementChild!;
    expect(holder.tagName).toBe("OBSERVABLEHQ-LOADING");
    expect(holder.hasAttribute("data-baked")).toBe(true);
    expect(holder.querySelector('figure[data-chart="quotas"] h2')?.textContent).toBe("Quotas");
  });

  it("keeps text from the data as text: markup in a title is never parsed into elements", () => {
    const markup = bakedFragment(document, [figure('<img src=x onerror="alert(1)"><script>alert(2)</script>'), document.createTextNode("</observablehq-loading><b>")]);
    const holder = parse(markup).content;
    expect(holder.querySelectorAll("img, script, b")).toHaveLength(0);
    expect(holder.querySelector("h2")?.textContent).toBe('<img src=x onerror="alert(1)"><script>alert(2)</script>');
    expect(holder.firstElementChild!.textContent).toContain("</observablehq-loading><b>");
  });

  it("drops scripts and event-handler attributes a component might have set", () => {
    const node = figure("Quotas");
    node.setAttribute("onclick", "alert(1)");
    node.append(document.createElement("script"));
    const holder = parse(bakedFragment(document, [node])).content;
    expect(holder.querySelector("script")).toBeNull();
    expect(holder.querySelector("figure")!.hasAttribute("onclick")).toBe(false);
  });

  it("disables controls and keeps the state a script set as properties", () => {
    const form = document.createElement("form");
    form.innerHTML = '<input type="checkbox"><select><option>2010</option><option>2025</option></select><input type="text">';
    const [toggle, select, text] = [form.querySelector<HTMLInputElement>("input[type=checkbox]")!, form.querySelector("select")!, form.querySelector<HTMLInputElement>("input[type=text]")!];
    toggle.checked = true;
    select.selectedIndex = 1;
    text.value = "China";
    const holder = parse(bakedFragment(document, [form])).content;
    expect(holder.querySelector<HTMLInputElement>("input[type=checkbox]")!.checked).toBe(true);
    expect(holder.querySelector("select")!.value).toBe("2025");
    expect(holder.querySelector<HTMLInputElement>("input[type=text]")!.value).toBe("China");
    expect([...holder.querySelectorAll("input, select")].every((control) => control.hasAttribute("disabled"))).toBe(true);
  });

  it("turns a form holding forms into a div, which the HTML parser would otherwise unnest", () => {
    const outer = document.createElement("form");
    outer.className = "year-range";
    outer.append(document.createElement("form"), document.createElement("form"));
    const holder = parse(bakedFragment(document, [outer])).content;
    expect(holder.querySelector("div.year-range")?.querySelectorAll("form")).toHaveLength(2);
  });

  it("refuses markup that would not parse back into the same tree", () => {
    const paragraph = document.createElement("p");
    paragraph.append(document.createElement("div"));
    expect(() => bakedFragment(document, [paragraph])).toThrow(/does not parse back/);
  });
});

describe("insertBaked(html, cells, head)", () => {
  const page = '<html><head><title>t</title></head><body><div class="grid"><observablehq-loading></observablehq-loading><!--:0c9a7e64:--></div><div class="observablehq observablehq--block"><!--:81f2cfd2:--></div></body></html>';
  const card = bakedFragment(document, [document.createElement("div")]);
  const chart = bakedFragment(document, [figure("Quotas")]);

  it("puts each cell's markup just before its root, replacing the empty placeholder of an inline expression", () => {
    const out = insertBaked(page, {"0c9a7e64": card, "81f2cfd2": chart});
    expect(out).toContain(`<div class="grid">${card}<!--:0c9a7e64:--></div>`);
    expect(out).toContain(`<div class="observablehq observablehq--block">${chart}<!--:81f2cfd2:--></div>`);
    expect(out.match(/<observablehq-loading/g)).toHaveLength(2);
  });

  it("adds the head markup before </head>", () => {
    expect(insertBaked(page, {}, styleElement(document, "a{color:red}"))).toContain('<style data-baked="">a{color:red}</style></head>');
  });

  it("refuses a cell whose root is not in the page, and markup that is not a baked fragment", () => {
    expect(() => insertBaked(page, {"deadbeef": chart})).toThrow(/deadbeef/);
    expect(() => insertBaked(page, {"81f2cfd2": "<script>alert(1)</script>"})).toThrow(/bakedFragment/);
  });
});

describe("deferPageCode(html)", () => {
  const built = [
    '<!DOCTYPE html><html><head><link rel="stylesheet" href="./a.css">',
    '<link rel="modulepreload" href="./_observablehq/client.1.js">',
    '<link rel="modulepreload" href="./_npm/d3@7/2.js">',
    '<script>document.documentElement.dataset.x = "1";</script>',
    '<script type="module">\nimport {define} from "./_observablehq/client.1.js";\ndefine({id: "81f2cfd2"});\n</script>',
    '</head><body><main><svg class="plot"></svg></main><script>window.sidebarRan = true;</script></body></html>'
  ].join("\n");

  it("moves the preloads and the page's module script after the content, leaving the head's other tags in place", () => {
    const {window} = new JSDOM(deferPageCode(built));
    const {document} = window;
    expect(document.head.querySelectorAll('link[rel="modulepreload"], script[type="module"]')).toHaveLength(0);
    expect(document.head.querySelector('link[rel="stylesheet"]')).not.toBeNull();
    expect(document.head.querySelector("script")?.textContent).toContain("dataset.x");
    const scripts = [...document.body.querySelectorAll("script")];
    expect(scripts.map((s) => s.type)).toEqual(["", "", "module"]);
    expect(scripts[2].textContent).toContain('define({id: "81f2cfd2"})');
    // The content comes before the code.
    expect(document.body.firstElementChild?.tagName).toBe("MAIN");
  });

  it("writes the same preloads, in order, from a script the preload scanner cannot see", () => {
    const {window} = new JSDOM(deferPageCode(built), {runScripts: "dangerously", url: "http://site.invalid/supply"});
    const links = [...window.document.head.querySelectorAll('link[rel="modulepreload"]')].map((link) => link.getAttribute("href"));
    expect(links).toEqual(["./_observablehq/client.1.js", "./_npm/d3@7/2.js"]);
    expect(deferPageCode(built)).not.toMatch(/<link rel="modulepreload"/);
  });

  it("refuses a page whose head has no module script, or two", () => {
    expect(() => deferPageCode(built.replace('<script type="module">', "<script>"))).toThrow(/exactly one module script/);
    expect(() => deferPageCode(built.replace("</head>", '<script type="module"></script></head>'))).toThrow(/exactly one module script/);
  });
});

describe("styleElement(document, css)", () => {
  it("refuses CSS that would close the style element", () => {
    expect(() => styleElement(document, "a{}</style><script>alert(1)</script>")).toThrow();
  });
});

describe("bakedEmbedStyles(ids)", () => {
  it("shows a baked figure in its embed view and skips ids that are not slugs", () => {
    const css = bakedEmbedStyles(["quotas", 'x"]{}*{display:none}']);
    expect(css).toContain('html[data-embed="quotas"] #observablehq-main>:has([data-baked] figure[data-chart="quotas"]){display:block!important}');
    expect(css).not.toContain("x\"");
  });
});
