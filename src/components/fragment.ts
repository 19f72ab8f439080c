// Landing on #chart-<id> or #source-<id> (a search result, a caption's source link). The browser
// jumps to an address's fragment while the page loads, but figures and source rows are drawn
// by cells after that, so the jump finds nothing. followFragment waits for the element, scrolls
// to it and keeps it in place while the figures above it are still drawing; it lets go when the
// reader scrolls, a few seconds after the element appeared, or when it never does.

/**
 * The element id an address fragment names. A fragment that is not valid percent-encoding (e.g.
 * "#check-%E0%A4%A", cut mid-character) is taken as written instead of throwing "URI malformed".
 */
export function hashTarget(hash: string): string {
  const text = hash.startsWith("#") ? hash.slice(1) : hash;
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

let following = false;

/** Brings the element the address's fragment names into view once it exists; once per page load. */
export function followFragment({settle = 4000, giveUp = 60_000} = {}): void {
  if (following || typeof location === "undefined" || !location.hash) return;
  following = true;
  const id = hashTarget(location.hash);
  let target: HTMLElement | null = null;
  const place = () => {
    // A target baked into the HTML (scripts/bake/) is replaced by the live one: follow that.
    if (!target?.isConnected) {
      const first = !target;
      target = document.getElementById(id);
      if (!target) return;
      if (first) setTimeout(stop, settle);
    }
    target.classList.add("targeted");
    target.scrollIntoView({block: "start"});
  };
  const mutations = new MutationObserver(place);
  const resizes = new ResizeObserver(place);
  const readerMoved = ["wheel", "touchstart", "keydown", "mousedown"] as const;
  const stop = () => {
    mutations.disconnect();
    resizes.disconnect();
    for (const event of readerMoved) removeEventListener(event, stop);
  };
  mutations.observe(document.body, {childList: true, subtree: true});
  resizes.observe(document.body);
  for (const event of readerMoved) addEventListener(event, stop, {passive: true, once: true});
  setTimeout(stop, giveUp);
  place();
}
