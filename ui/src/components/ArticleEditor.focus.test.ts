// Focus mode: the side panels and the notes and history go, the text column stays where it is.
import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import appCss from "../app.css?raw";
import { DeskError } from "../lib/api";
import type { Article, Page, RevisionInfo, SaveArticle } from "../lib/bindings";
import type { ArticleDraft } from "../lib/draft";
import { focusMode } from "../lib/focusMode.svelte";
import { article as shared } from "../test-stubs/desk";
import ArticleEditor from "./ArticleEditor.svelte";

const api = vi.hoisted(() => ({
  getArticle: vi.fn(),
  saveArticle: vi.fn(),
  articleMoves: vi.fn(async () => []),
  listNotes: vi.fn(async () => []),
  articleHistory: vi.fn(async (): Promise<Page<RevisionInfo>> => ({ items: [], next: null })),
  getContributor: vi.fn(),
  findContributors: vi.fn(async () => []),
  searchArticles: vi.fn(async () => ({ items: [], next: null })),
  journalKeep: vi.fn(async () => null),
  journalList: vi.fn(async () => []),
  journalSettle: vi.fn(async () => true),
  journalDiscard: vi.fn(async () => null),
}));
vi.mock("../lib/api", async (original) => ({
  ...(await original<typeof import("../lib/api")>()),
  api,
}));
vi.mock("../lib/live", () => ({ onDeskChanged: () => () => {} }));

function article(over: Partial<Article> = {}): Article {
  return shared({ body: "First paragraph.", word_count: 2, ...over });
}

function open(a: Article = article()) {
  const onclose = vi.fn();
  const view = render(ArticleEditor, { article: a, sections: [], timezone: "Europe/Paris", onclose });
  return { onclose, unmount: view.unmount };
}

const focusButton = () => screen.getByRole("button", { name: /^Focus/ });
const side = () => document.querySelector<HTMLElement>("aside.editor-side")!;
const grid = () => document.querySelector<HTMLElement>(".editor-grid")!;
const main = () => document.querySelector<HTMLElement>(".editor-main")!;

/** Every rule of the page's style sheets that applies to `element` (jsdom lays nothing out, so
 * where the column sits is read from the rules that place it). */
function matches(element: Element, selector: string): boolean {
  try {
    return element.matches(selector);
  } catch {
    return false; // a selector jsdom does not know (::-moz-selection): not one that places a column
  }
}

function rulesFor(element: Element): string[] {
  const found: string[] = [];
  const visit = (rules: CSSRuleList, within: string) => {
    for (const rule of Array.from(rules)) {
      if (rule instanceof CSSStyleRule && matches(element, rule.selectorText)) found.push(`${within}${rule.cssText}`);
      else if (rule instanceof CSSMediaRule) visit(rule.cssRules, `@media ${rule.media.mediaText} `);
    }
  };
  for (const sheet of Array.from(document.styleSheets)) visit(sheet.cssRules, "");
  return found;
}

describe("ArticleEditor focus mode", () => {
  // The app's own style sheet, so that what is hidden is hidden as the window shows it.
  let sheet: HTMLStyleElement;
  beforeEach(() => {
    focusMode.on = false;
    sheet = document.createElement("style");
    sheet.textContent = appCss;
    document.head.append(sheet);
    api.saveArticle.mockReset().mockImplementation(async ({ base_version, edit }: SaveArticle) =>
      article({ ...(edit as ArticleDraft), byline: article().byline, related: [], version: base_version + 1 }),
    );
  });
  afterEach(() => sheet.remove());

  it("hides the side panels and the notes and history, and brings them back, from the bar's control", async () => {
    open();
    expect(focusButton()).toHaveTextContent("Focus Ctrl+Shift+F");
    expect(focusButton()).toHaveAttribute("aria-pressed", "false");
    expect(side()).toBeVisible();
    expect(screen.getByRole("heading", { name: "Workflow · In review" })).toBeVisible();
    expect(screen.getByRole("heading", { name: /^Notes/ })).toBeVisible();

    await userEvent.click(focusButton());
    expect(focusButton()).toHaveAttribute("aria-pressed", "true");
    expect(side()).not.toBeVisible();
    expect(screen.queryByRole("heading", { name: "Workflow · In review" })).not.toBeInTheDocument();
    expect(screen.queryByRole("heading", { name: /^Notes/ })).not.toBeInTheDocument();
    expect(screen.queryByRole("heading", { name: /^History/ })).not.toBeInTheDocument();
    expect(document.querySelector("#headline")).toBeVisible();
    expect(document.querySelector(".ProseMirror")).toBeVisible();

    await userEvent.click(focusButton());
    expect(focusButton()).toHaveAttribute("aria-pressed", "false");
    expect(side()).toBeVisible();
    expect(screen.getByRole("heading", { name: /^Notes/ })).toBeVisible();
  });

  it("keeps the text column where it is: no rule of the app's sheet moves the grid or the column", async () => {
    open();
    const before = [rulesFor(grid()), rulesFor(main())];
    expect(before[0].some((rule) => rule.startsWith(".editor-grid {"))).toBe(true);
    await userEvent.click(focusButton());
    expect(grid()).toHaveClass("focus-mode");
    expect([rulesFor(grid()), rulesFor(main())]).toEqual(before);
    expect(main().parentElement).toBe(grid());
  });

  it("toggles on Ctrl+Shift+F, also while typing, and the typing goes on in the same field", async () => {
    open();
    const headline = document.querySelector<HTMLTextAreaElement>("#headline")!;
    await userEvent.click(headline);
    await userEvent.keyboard("{Control>}{Shift>}F{/Shift}{/Control}");
    expect(side()).not.toBeVisible();
    expect(headline).toHaveFocus();
    await userEvent.keyboard("!");
    expect(headline).toHaveValue("Why ports matter!");
    await userEvent.keyboard("{Control>}{Shift>}F{/Shift}{/Control}");
    expect(side()).toBeVisible();
  });

  it("does not leave the focus on a panel it hides", async () => {
    open();
    const tags = document.querySelector<HTMLInputElement>("#tags")!;
    await userEvent.click(tags);
    await userEvent.keyboard("{Control>}{Shift>}F{/Shift}{/Control}");
    expect(focusButton()).toHaveFocus();
    expect(document.body).not.toHaveFocus();
  });

  it("keeps Esc for going back, outside a text field, and stays on for the next article", async () => {
    const { onclose, unmount } = open();
    await userEvent.click(focusButton());
    await userEvent.keyboard("{Escape}");
    await vi.waitFor(() => expect(onclose).toHaveBeenCalled());
    unmount();
    open(article({ id: "a2", headline: "Cities and heat" }));
    expect(focusButton()).toHaveAttribute("aria-pressed", "true");
    expect(side()).not.toBeVisible();
  });

  it("brings the panels back to show a field the desk refused", async () => {
    api.saveArticle.mockRejectedValueOnce(new DeskError("invalid_input", "21 tags is too many: at most 20", { field: "tags" }));
    open();
    await userEvent.click(focusButton());
    await userEvent.type(document.querySelector<HTMLTextAreaElement>("#standfirst")!, " Always.");
    await userEvent.keyboard("{Control>}s{/Control}");
    await vi.waitFor(() => expect(document.querySelector("#tags")).toHaveFocus());
    expect(side()).toBeVisible();
    expect(focusButton()).toHaveAttribute("aria-pressed", "false");
  });
});
