// The article body in the editor: what it can hold, and how it becomes the Markdown the core stores.
// New text gets paragraphs, headings, bold, italic, links, lists, quotes and breaks (see paste.ts);
// the schema also holds code and strike-through so that a stored body using them opens intact.
import { Editor, type EditorOptions, type Extensions, type JSONContent } from "@tiptap/core";
import { Markdown } from "@tiptap/markdown";
import StarterKit from "@tiptap/starter-kit";
import { Marked, type marked } from "marked";

export function bodyExtensions(): Extensions {
  return [
    StarterKit.configure({
      // The headline is the page's title; # headings in stored bodies still open as headings.
      heading: { levels: [1, 2, 3] },
      underline: false, // Markdown has no underline
      link: {
        openOnClick: false,
        autolink: true,
        linkOnPaste: true,
        protocols: ["mailto"],
        defaultProtocol: "https",
        HTMLAttributes: { rel: "noopener noreferrer nofollow", target: null },
      },
    }),
    Markdown.configure({
      indentation: { style: "space", size: 2 },
      // Each editor registers its tokenizers with the parser it is given. Given none, that is the
      // shared global `marked`, which then keeps every editor ever opened (and tries all their
      // tokenizers on every block): measured, the web process grew with each article opened.
      // A parser of its own goes when the editor goes.
      marked: new Marked() as unknown as typeof marked,
    }),
  ];
}

type Encoder = {
  encodeTextForMarkdown: (text: string, node: JSONContent, parent?: JSONContent) => string;
};

/** Text as Markdown that reads like what was typed: `&` stays `&` (the stock serializer writes
 * `&amp;`, which the core would count as a word and every diff would show); only what Markdown
 * would take for markup is escaped. */
function plainEncoding(editor: Editor) {
  const manager = editor.markdown as unknown as Encoder | undefined;
  if (!manager) return;
  manager.encodeTextForMarkdown = (text, node, parent) => {
    const inCode =
      parent?.type === "codeBlock" ||
      (node.marks ?? []).some((m) => (typeof m === "string" ? m : m.type) === "code");
    if (inCode) return text;
    return text
      .replace(/&(?=#?\w+;)/g, "&amp;")
      .replace(/<(?=[A-Za-z/!?])/g, "&lt;")
      .replace(/([\\`*_[\]~])/g, "\\$1");
  };
}

/** A body editor over Markdown `content`. */
export function createBodyEditor(content: string, options: Partial<EditorOptions> = {}): Editor {
  // TipTap's own rules come from app.css: the style element it would inject is inline, which the
  // app's Content-Security-Policy (style-src 'self') blocks, reporting a violation each time.
  const editor = new Editor({
    ...options,
    extensions: bodyExtensions(),
    content,
    contentType: "markdown",
    injectCSS: false,
  });
  plainEncoding(editor);
  return editor;
}

/** The Markdown the editor's content makes, without trailing blank lines. */
export function editorMarkdown(editor: Editor): string {
  return editor.getMarkdown().replace(/\u00a0/g, " ").replace(/\s+$/, "");
}

/** `markdown` as the editor would store it after opening it. */
export function roundTrip(markdown: string): string {
  const editor = createBodyEditor(markdown);
  try {
    return editorMarkdown(editor);
  } finally {
    editor.destroy();
  }
}

/** What a stored body holds that the editor cannot show, named for a warning: editing the body
 * here would drop it. Empty when the editor holds it all. */
export function unsupportedMarkdown(markdown: string): string[] {
  const found: string[] = [];
  if (/!\[[^\]]*\]\([^)]*\)/.test(markdown)) found.push("images");
  if (/^\s*\|.*\|\s*$/m.test(markdown) && /^\s*\|?\s*:?-{3,}/m.test(markdown)) found.push("tables");
  if (/<\/?[A-Za-z][^>]*>/.test(markdown.replace(/`[^`]*`/g, ""))) found.push("HTML");
  return found;
}
