// A notebook's markdown cells, rendered with markdown-it with raw HTML off: whatever a cell
// holds (from a link, a file, the storage) becomes text and formatting, never markup or script.
// markdown-it also refuses javascript:, vbscript: and data: links (other than images).
import MarkdownIt from "npm:markdown-it";

const renderer = new MarkdownIt({html: false, linkify: false, typographer: false});

export function renderMarkdown(text: string): string {
  return renderer.render(text);
}
