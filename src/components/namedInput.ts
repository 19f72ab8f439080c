// Names an input for tests and for the URL state: `tag(Inputs.select(…), "element")` marks the
// input's element with data-input="element", so a browser test (and a reader's copied link)
// can find the input that drives that part of the state.
export function tag<T extends HTMLElement>(input: T, name: string): T {
  input.dataset.input = name;
  return input;
}
