// Pasted HTML, from a word processor or a web page, cut down to what an article body holds:
// paragraphs, headings, bold, italic, links, lists, quotes and line breaks. Everything else is
// dropped — styles, classes, scripts, comments, fonts — and what a writer would miss (an image, a
// table's layout, an embedded video) is named in a warning, so nothing disappears unannounced.

export type Sanitised = { html: string; warnings: string[] };

/** Elements that hold no text worth keeping: dropped with everything inside them. */
const DROPPED = new Set([
  "script", "style", "noscript", "template", "head", "title", "meta", "link", "base", "xml",
  "button", "input", "select", "textarea", "option", "form", "map", "area",
]);

/** Things a reader would see that the body cannot hold: dropped, and counted for the warning. */
const IMAGES = new Set(["img", "svg", "canvas"]);
const EMBEDS = new Set(["iframe", "embed", "object", "video", "audio"]);

/** Block elements with no meaning of their own here: kept as plain blocks so lines stay apart. */
const PLAIN_BLOCKS = new Set([
  "div", "section", "article", "header", "footer", "main", "aside", "nav", "figure", "figcaption",
  "center", "address", "dl", "dt", "dd", "details", "summary", "caption", "pre", "hgroup",
  "tr", "td", "th",
]);

const SAFE_PROTOCOLS = ["http:", "https:", "mailto:"];

type Counts = { images: number; embeds: number; tables: number };

/** `html` as the editor may take it, with a warning for each kind of thing left out. */
export function sanitisePastedHtml(html: string): Sanitised {
  const source = new DOMParser().parseFromString(html, "text/html");
  const out = document.implementation.createHTMLDocument("");
  const counts: Counts = { images: 0, embeds: 0, tables: 0 };
  const root = out.createElement("div");
  copyChildren(source.body, root, out, counts);
  dropEmptyBlocks(root);
  return { html: root.innerHTML, warnings: warnings(counts) };
}

/** The warning for files (not HTML) pasted or dropped into the body: images, documents. */
export function filesWarning(files: readonly { type: string }[]): string | null {
  if (files.length === 0) return null;
  const images = files.filter((f) => f.type.startsWith("image/")).length;
  if (images === files.length) return imagesWarning(images);
  return `${files.length === 1 ? "A file was" : `${files.length} files were`} not pasted: the body takes text. To bring in a whole document, use Import.`;
}

function imagesWarning(n: number): string {
  return `${n === 1 ? "1 image was" : `${n} images were`} not pasted: the body holds text only — add images when the piece is laid out.`;
}

function warnings(c: Counts): string[] {
  const out: string[] = [];
  if (c.images > 0) out.push(imagesWarning(c.images));
  if (c.embeds > 0) {
    out.push(`${c.embeds === 1 ? "1 embedded item (video, audio or frame) was" : `${c.embeds} embedded items (video, audio or frames) were`} not pasted.`);
  }
  if (c.tables > 0) {
    out.push(`${c.tables === 1 ? "1 table was" : `${c.tables} tables were`} pasted as plain lines: the body has no tables.`);
  }
  return out;
}

/** A `style` attribute's declarations, property names in lower case. */
function styles(el: Element): Map<string, string> {
  const map = new Map<string, string>();
  for (const declaration of (el.getAttribute("style") ?? "").split(";")) {
    const colon = declaration.indexOf(":");
    if (colon === -1) continue;
    map.set(declaration.slice(0, colon).trim().toLowerCase(), declaration.slice(colon + 1).trim().toLowerCase());
  }
  return map;
}

function isBold(weight: string | undefined): boolean | null {
  if (weight === undefined) return null;
  if (weight === "bold" || weight === "bolder") return true;
  const n = Number.parseInt(weight, 10);
  if (!Number.isNaN(n)) return n >= 600;
  return weight === "normal" || weight === "lighter" ? false : null;
}

/** A Word list paragraph: `mso-list: l0 level2 lfo1` in its style, or — where the browser
 * dropped Word's own styles on the way to the clipboard, as WebKit does — its MsoListParagraph
 * class. Its level, or null. */
function wordListLevel(el: Element): number | null {
  if (el.localName !== "p") return null;
  const list = styles(el).get("mso-list");
  if (list === undefined || list === "ignore") {
    return /\bMsoListParagraph/.test(el.getAttribute("class") ?? "") ? 1 : null;
  }
  const level = /level(\d+)/.exec(list);
  return level ? Number(level[1]) : 1;
}

/** The bullet or number Word writes before a list paragraph's text: "·", "o", "§", "1.", "a)". */
const MARKER = /^[\s\u00a0]*(?:[·•▪◦o§\-–*]|[\p{L}\p{N}]{1,4}[.)])[\s\u00a0]+/u;

/** Whether a Word list paragraph's marker is a number or letter rather than a bullet. */
function wordListOrdered(el: Element): boolean {
  const tagged = Array.from(el.querySelectorAll("span")).filter((s) => styles(s).get("mso-list") === "ignore");
  const marker = (tagged.length > 0 ? tagged.map((s) => s.textContent ?? "").join("") : (MARKER.exec(el.textContent ?? "")?.[0] ?? "")).trim();
  return /^[\p{L}\p{N}]{1,4}[.)]/u.test(marker);
}

/** Removes a list marker left as plain text at the start of `el` (Word's marker span without
 * its mso-list style). */
function stripMarker(el: Element) {
  const found = MARKER.exec(el.textContent ?? "");
  if (!found) return;
  let left = found[0].length;
  const walker = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  const emptied: Node[] = [];
  while (left > 0 && walker.nextNode()) {
    const text = walker.currentNode as Text;
    const cut = Math.min(left, text.data.length);
    text.data = text.data.slice(cut);
    left -= cut;
    if (text.data === "") emptied.push(text);
  }
  emptied.forEach((n) => n.parentNode?.removeChild(n));
}

/** Which Word list a list paragraph belongs to (`l0`, `l1`…): a new one starts a new list. */
function wordListId(el: Element): string {
  return /\bl\d+\b/.exec(styles(el).get("mso-list") ?? "")?.[0] ?? "";
}

function isWordMarker(el: Element): boolean {
  return styles(el).get("mso-list") === "ignore";
}

function copyChildren(from: Node, to: Element, doc: Document, counts: Counts) {
  const children = Array.from(from.childNodes);
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    if (child instanceof Element && wordListLevel(child) !== null) {
      // A run of Word list paragraphs (blank text between them aside) becomes one real list.
      const run: Element[] = [];
      const id = wordListId(child);
      const ordered = wordListOrdered(child);
      let j = i;
      while (j < children.length) {
        const node = children[j];
        // A new list starts with another Word list, or at the top level with bullets after numbers.
        const sameList =
          node instanceof Element &&
          wordListLevel(node) !== null &&
          wordListId(node) === id &&
          (wordListLevel(node) !== 1 || wordListOrdered(node) === ordered);
        if (sameList) run.push(node as Element);
        else if (!(node.nodeType === Node.TEXT_NODE && (node.textContent ?? "").trim() === "") && node.nodeType !== Node.COMMENT_NODE) break;
        j++;
      }
      to.append(wordList(run, doc, counts));
      i = j - 1;
      continue;
    }
    copyNode(child, to, doc, counts);
  }
}

/** Nested lists from Word's flat list paragraphs, by their levels. */
function wordList(run: Element[], doc: Document, counts: Counts): Element {
  const top = doc.createElement(wordListOrdered(run[0]) ? "ol" : "ul");
  const stack: { list: Element; level: number }[] = [{ list: top, level: wordListLevel(run[0]) ?? 1 }];
  for (const paragraph of run) {
    const level = wordListLevel(paragraph) ?? 1;
    while (stack.length > 1 && level < stack[stack.length - 1].level) stack.pop();
    let current = stack[stack.length - 1];
    if (level > current.level) {
      const parentItem = current.list.lastElementChild ?? current.list.appendChild(doc.createElement("li"));
      const nested = doc.createElement(wordListOrdered(paragraph) ? "ol" : "ul");
      parentItem.append(nested);
      current = { list: nested, level };
      stack.push(current);
    }
    const item = doc.createElement("li");
    const body = doc.createElement("p");
    copyChildren(paragraph, body, doc, counts);
    if (!Array.from(paragraph.querySelectorAll("span")).some(isWordMarker)) stripMarker(body);
    item.append(body);
    current.list.append(item);
  }
  return top;
}

function copyNode(node: Node, to: Element, doc: Document, counts: Counts) {
  if (node.nodeType === Node.TEXT_NODE) {
    to.append(doc.createTextNode(node.textContent ?? ""));
    return;
  }
  if (!(node instanceof Element)) return; // comments, processing instructions, Word's conditionals
  const name = node.localName.toLowerCase();
  if (DROPPED.has(name) || isWordMarker(node)) return;
  if (name.includes(":")) {
    // Office's own elements (o:p, v:shape, w:sdt…): an image inside one counts, the rest is kept as text.
    if (name === "v:imagedata") counts.images += 1;
    copyChildren(node, to, doc, counts);
    return;
  }
  if (IMAGES.has(name)) {
    counts.images += 1;
    return;
  }
  if (EMBEDS.has(name)) {
    counts.embeds += 1;
    return;
  }
  if (name === "table") counts.tables += 1;

  const className = node.getAttribute("class") ?? "";
  let tag: string | null = null;
  switch (name) {
    case "p":
      tag = /\bMsoTitle\b/.test(className) ? "h2" : /\bMso(Intense)?Quote\b/.test(className) ? "blockquote" : "p";
      break;
    case "h1":
    case "h2":
      tag = "h2";
      break;
    case "h3":
    case "h4":
    case "h5":
    case "h6":
      tag = "h3";
      break;
    case "ul":
    case "ol":
    case "li":
    case "blockquote":
    case "br":
      tag = name;
      break;
    case "a": {
      const href = safeHref(node.getAttribute("href"));
      if (href !== null) {
        const link = doc.createElement("a");
        link.setAttribute("href", href);
        wrapStyled(node, link, doc, counts);
        to.append(link);
        return;
      }
      break;
    }
    default:
      if (PLAIN_BLOCKS.has(name)) tag = "div";
  }

  let target: Element = to;
  if (tag === "blockquote" && name === "p") {
    const quote = doc.createElement("blockquote");
    const paragraph = doc.createElement("p");
    quote.append(paragraph);
    to.append(quote);
    target = paragraph;
  } else if (tag !== null) {
    target = doc.createElement(tag);
    // The editor marks what it copies itself, to paste a list item back as a list item.
    const slice = node.getAttribute("data-pm-slice");
    if (slice !== null) target.setAttribute("data-pm-slice", slice);
    to.append(target);
    if (tag === "br") return;
  }
  wrapStyled(node, target, doc, counts);
}

/** Copies `node`'s children into `target`, inside <strong>/<em> where the element or its style
 * says bold or italic (Word and Google Docs say so with styles as often as with tags). */
function wrapStyled(node: Element, target: Element, doc: Document, counts: Counts) {
  const name = node.localName.toLowerCase();
  const style = styles(node);
  let bold = isBold(style.get("font-weight"));
  if (bold === null && (name === "b" || name === "strong")) bold = true;
  const fontStyle = style.get("font-style");
  let italic = fontStyle === undefined ? null : fontStyle === "italic" || fontStyle === "oblique";
  if (italic === null && (name === "i" || name === "em" || name === "cite")) italic = true;
  let inner = target;
  // Headings are bold already: a bold run inside one says nothing more.
  const inHeading = target.closest("h2, h3") !== null;
  if (bold && !inHeading) inner = inner.appendChild(doc.createElement("strong"));
  if (italic) inner = inner.appendChild(doc.createElement("em"));
  copyChildren(node, inner, doc, counts);
}

function safeHref(href: string | null): string | null {
  if (href === null) return null;
  const trimmed = href.trim();
  try {
    const url = new URL(trimmed);
    return SAFE_PROTOCOLS.includes(url.protocol) ? trimmed : null;
  } catch {
    return null; // a relative link (a footnote, a page of the site it came from) means nothing here
  }
}

/** Paragraphs and headings holding nothing but spaces (Word's &nbsp; lines) are dropped. */
function dropEmptyBlocks(root: Element) {
  for (const el of Array.from(root.querySelectorAll("p, h2, h3, div, li, blockquote, strong, em, a"))) {
    if ((el.textContent ?? "").replace(/[\s\u00a0]/g, "") === "" && el.querySelector("br, li") === null) el.remove();
  }
}
