// The SQL editor: CodeMirror 6 with its SQL language, completion of the live schema's table
// and column names, Ctrl/Cmd+Enter to run, and "run the selection alone".
import {PostgreSQL, sql, type SQLNamespace} from "@codemirror/lang-sql";
import {HighlightStyle, syntaxHighlighting} from "@codemirror/language";
import {Compartment, EditorState, Prec} from "@codemirror/state";
import {EditorView, keymap, placeholder} from "@codemirror/view";
import {tags} from "@lezer/highlight";
import {basicSetup} from "codemirror";

export interface SqlEditor {
  view: EditorView;
  /** The selected text when there is a selection, otherwise the whole query. */
  runnableText(): string;
  hasSelection(): boolean;
  text(): string;
  setText(text: string): void;
  /** Puts `text` where the cursor is (replacing any selection) and focuses the editor. */
  insert(text: string): void;
  setSchema(schema: SQLNamespace): void;
}

export interface EditorOptions {
  parent: Element;
  doc?: string;
  onRun: () => void;
  /** Shift+Enter: run, then go to the next cell (a notebook's cell). */
  onRunAndNext?: () => void;
  /** Alt+Enter: insert a cell below. */
  onInsertBelow?: () => void;
  onSelectionChange?: (hasSelection: boolean) => void;
  /** Called after the text changed (typing, setText). */
  onChange?: (text: string) => void;
  /** What a screen reader calls the editor. */
  label?: string;
}

// Colours come from CSS variables (see the page's stylesheet) so light and dark themes both read well.
const highlight = HighlightStyle.define([
  {tag: tags.keyword, color: "var(--wb-keyword)", fontWeight: "600"},
  {tag: [tags.string, tags.special(tags.string)], color: "var(--wb-string)"},
  {tag: [tags.number, tags.bool, tags.null], color: "var(--wb-number)"},
  {tag: [tags.lineComment, tags.blockComment], color: "var(--wb-comment)", fontStyle: "italic"},
  {tag: [tags.typeName, tags.standard(tags.name)], color: "var(--wb-type)"},
  {tag: [tags.operator, tags.punctuation], color: "var(--wb-operator)"}
]);

const theme = EditorView.theme({
  "&": {fontSize: "14px", border: "1px solid var(--theme-foreground-faintest)", borderRadius: "6px", backgroundColor: "var(--theme-background)"},
  "&.cm-focused": {outline: "2px solid var(--theme-foreground-focus)", outlineOffset: "-1px"},
  ".cm-content": {fontFamily: "var(--monospace)", minHeight: "8rem", caretColor: "var(--theme-foreground)"},
  ".cm-scroller": {maxHeight: "22rem"},
  ".cm-gutters": {backgroundColor: "var(--theme-background-alt)", color: "var(--theme-foreground-faint)", border: "none"},
  ".cm-activeLine, .cm-activeLineGutter": {backgroundColor: "color-mix(in srgb, var(--theme-foreground-focus) 7%, transparent)"},
  ".cm-cursor": {borderLeftColor: "var(--theme-foreground)"},
  "&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection": {backgroundColor: "color-mix(in srgb, var(--theme-foreground-focus) 28%, transparent) !important"},
  ".cm-tooltip": {backgroundColor: "var(--theme-background-alt)", color: "var(--theme-foreground)", border: "1px solid var(--theme-foreground-faintest)"},
  ".cm-tooltip-autocomplete ul li[aria-selected]": {backgroundColor: "var(--theme-foreground-focus)", color: "var(--theme-background)"},
  ".cm-panels": {backgroundColor: "var(--theme-background-alt)", color: "var(--theme-foreground)"}
});

export function createEditor({parent, doc = "", onRun, onRunAndNext, onInsertBelow, onSelectionChange, onChange, label = "SQL query"}: EditorOptions): SqlEditor {
  const language = new Compartment();
  const languageFor = (schema: SQLNamespace) => sql({dialect: PostgreSQL, schema, upperCaseKeywords: true});
  const run = () => (onRun(), true);
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc,
      extensions: [
        Prec.highest(
          keymap.of([
            {key: "Mod-Enter", run, preventDefault: true},
            ...(onRunAndNext ? [{key: "Shift-Enter", run: () => (onRunAndNext(), true), preventDefault: true}] : []),
            ...(onInsertBelow ? [{key: "Alt-Enter", run: () => (onInsertBelow(), true), preventDefault: true}] : [])
          ])
        ),
        basicSetup,
        language.of(languageFor({})),
        syntaxHighlighting(highlight),
        theme,
        EditorView.lineWrapping,
        placeholder("Write SQL here, then press Ctrl+Enter (⌘+Enter on a Mac) to run it."),
        EditorView.contentAttributes.of({"aria-label": label}),
        EditorView.updateListener.of((update) => {
          if (update.selectionSet) onSelectionChange?.(!update.state.selection.main.empty);
          if (update.docChanged) onChange?.(update.state.doc.toString());
        })
      ]
    })
  });
  const hasSelection = () => view.state.selection.ranges.some((range) => !range.empty);
  return {
    view,
    hasSelection,
    runnableText() {
      const {state} = view;
      if (!hasSelection()) return state.doc.toString();
      return state.selection.ranges
        .filter((range) => !range.empty)
        .map((range) => state.sliceDoc(range.from, range.to))
        .join(";\n");
    },
    text: () => view.state.doc.toString(),
    setText(text) {
      view.dispatch({changes: {from: 0, to: view.state.doc.length, insert: text}, selection: {anchor: text.length}});
    },
    insert(text) {
      view.dispatch(view.state.replaceSelection(text));
      view.focus();
    },
    setSchema(schema) {
      view.dispatch({effects: language.reconfigure(languageFor(schema))});
    }
  };
}
