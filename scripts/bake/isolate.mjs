// A module hook for the bake's page renderer (renderPage.ts): a module the page imports from the
// site folder is loaded afresh for each page, by giving it the page's `?bake=<n>` query, so one
// process can run page after page without sharing Framework's runtime or a component's state.
let site = "";

export function initialize(data) {
  site = data.site;
}

export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  const page = context.parentURL && /[?&]bake=(\d+)/.exec(context.parentURL);
  if (!page || !result.url.startsWith(site) || /[?&]bake=/.test(result.url)) return result;
  return {...result, url: `${result.url}${result.url.includes("?") ? "&" : "?"}bake=${page[1]}`};
}
