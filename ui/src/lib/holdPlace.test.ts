import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { layOut, ROW } from "../test-stubs/layout";
import { holdPlace } from "./holdPlace";

/** Two queues, one above the other, each a heading and a list of rows. */
function page(first: string[], second: string[]) {
  document.body.innerHTML = "";
  const queue = (id: string, rows: string[]) => {
    const section = document.createElement("section");
    section.id = id;
    section.innerHTML = `<h2>${id}</h2><ul>${rows.map((r) => `<li id="${r}">${r}</li>`).join("")}</ul>`;
    document.body.append(section);
    return section;
  };
  return [queue("one", first), queue("two", second)];
}
const rows = (section: HTMLElement) => Array.from(section.querySelectorAll<HTMLElement>("li"));
const byId = (id: string) => document.getElementById(id)!;
function arrive(section: HTMLElement, ...ids: string[]) {
  for (const id of ids.reverse()) {
    const li = document.createElement("li");
    li.id = id;
    section.querySelector("ul")!.prepend(li);
  }
}
const numbered = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe("holdPlace", () => {
  let layout: ReturnType<typeof layOut>;
  beforeEach(() => (layout = layOut()));
  afterEach(() => layout.restore());

  it("keeps the row read at the top of the view where it was when rows arrive above it", () => {
    const [one] = page(numbered("a", 30), []);
    layout.scroll.set(layout.pageTop(byId("a10")) + 10);
    const before = layout.top(byId("a10"));
    const settle = holdPlace(one, rows(one));
    arrive(one, "new1", "new2");
    settle();
    expect(layout.top(byId("a10"))).toBe(before);
    expect(layout.scroll.get()).toBe(layout.pageTop(byId("a10")) + 10);
  });

  it("keeps a lower queue where it was when the queue above it grows out of view", () => {
    const [one, two] = page(numbered("a", 5), numbered("b", 30));
    layout.scroll.set(layout.pageTop(byId("b3")));
    const settle = holdPlace(one, rows(one));
    arrive(one, "new1");
    settle();
    expect(layout.top(byId("b3"))).toBe(0);
    expect(two).toBeInTheDocument();
  });

  it("holds on to the next row in view when the one read left the list", () => {
    const [one] = page(numbered("a", 30), []);
    layout.scroll.set(layout.pageTop(byId("a10")));
    const settle = holdPlace(one, rows(one));
    byId("a10").remove();
    arrive(one, "new1", "new2");
    settle();
    expect(layout.top(byId("a11"))).toBe(ROW);
  });

  it("moves nothing when the change is below the view", () => {
    const [, two] = page(numbered("a", 30), numbered("b", 3));
    layout.scroll.set(0);
    const settle = holdPlace(two, rows(two));
    arrive(two, "new1");
    settle();
    expect(layout.scroll.get()).toBe(0);
  });
});
