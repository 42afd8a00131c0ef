import { describe, expect, it } from "vitest";
import { marked } from "marked";
import { createBodyEditor, editorMarkdown, roundTrip, unsupportedMarkdown } from "./markdown";
import { sanitisePastedHtml } from "./paste";

const BODY = [
  "## Why ports matter",
  "",
  "Trade runs through **a few** harbours, and *rarely* the ones you think.",
  "",
  "See [the report](https://example.org/ports) for the figures.",
  "",
  "- Rotterdam",
  "  - Its new terminal",
  "- Singapore",
  "",
  "1. First",
  "2. Second",
  "",
  "> A port is a promise.",
  "",
  "### Next steps",
  "",
  "A line  ",
  "and the next.",
].join("\n");

describe("the body's Markdown", () => {
  it("keeps headings, bold, italic, links, lists and quotes through the editor unchanged", () => {
    expect(roundTrip(BODY)).toBe(BODY);
  });

  it("writes text as typed: ampersands and angle brackets stay readable, markup characters are escaped", () => {
    expect(roundTrip("AT&T said 1 < 2 > 0")).toBe("AT&T said 1 < 2 > 0");
    const editor = createBodyEditor("");
    editor.commands.insertContent({ type: "text", text: "5 * 3 = 15 and <b> & a_b" });
    expect(editorMarkdown(editor)).toBe("5 \\* 3 = 15 and &lt;b> & a\\_b");
    expect(roundTrip(editorMarkdown(editor))).toBe(editorMarkdown(editor));
    editor.destroy();
  });

  it("opens stored code and strike-through intact", () => {
    const stored = "Run `make test` first.\n\n```\nmake run\n```\n\n~~Old claim~~";
    expect(roundTrip(stored)).toBe(stored);
  });

  it("names what a stored body holds that the editor cannot show", () => {
    expect(unsupportedMarkdown(BODY)).toEqual([]);
    expect(unsupportedMarkdown("![Map](map.png)\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n<div>x</div>")).toEqual([
      "images",
      "tables",
      "HTML",
    ]);
    expect(unsupportedMarkdown("Use `<div>` here")).toEqual([]);
  });

  it("stores pasted Word text as Markdown with its structure", () => {
    const editor = createBodyEditor("");
    const { html } = sanitisePastedHtml(
      `<h1>Ports</h1><p class=MsoNormal style='mso-x:1'><b>Bold</b> and <i>italic</i> with <a href="https://example.org">a link</a>.</p>
       <p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><span style='mso-list:Ignore'>·</span>One</p>
       <p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><span style='mso-list:Ignore'>·</span>Two</p>
       <blockquote><p>Quoted</p></blockquote><img src="x.png">`,
    );
    editor.commands.setContent(html);
    expect(editorMarkdown(editor)).toBe(
      "## Ports\n\n**Bold** and *italic* with [a link](https://example.org).\n\n- One\n- Two\n\n> Quoted",
    );
    editor.destroy();
  });
});

describe("editors and the Markdown parser", () => {
  it("leaves the shared parser as it was: an editor's tokenizers go with the editor", () => {
    const registered = () => {
      const extensions = marked.defaults.extensions;
      return (extensions?.block?.length ?? 0) + (extensions?.inline?.length ?? 0) + Object.keys(extensions?.renderers ?? {}).length;
    };
    const before = registered();
    for (let n = 0; n < 3; n++) createBodyEditor("Some *text*.").destroy();
    expect(registered()).toBe(before);
  });

  it("adds no style element to the page: the app's CSP would refuse it (app.css has the rules)", () => {
    const styles = () => document.head.querySelectorAll("style").length;
    const before = styles();
    const editor = createBodyEditor("Some text.");
    try {
      expect(styles()).toBe(before);
    } finally {
      editor.destroy();
    }
  });

  it("gives each editor a parser of its own that still reads the body", () => {
    const one = createBodyEditor("**One**");
    const two = createBodyEditor("_Two_");
    try {
      expect(one.markdown?.instance).not.toBe(two.markdown?.instance);
      expect(editorMarkdown(one)).toBe("**One**");
      expect(editorMarkdown(two)).toBe("*Two*");
    } finally {
      one.destroy();
      two.destroy();
    }
  });
});
