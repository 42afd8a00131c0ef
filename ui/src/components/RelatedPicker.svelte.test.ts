import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { RelatedArticle } from "../lib/bindings";
import RelatedPicker from "./RelatedPicker.svelte";

const api = vi.hoisted(() => ({ searchArticles: vi.fn() }));
vi.mock("../lib/api", async (original) => ({
  ...(await original<typeof import("../lib/api")>()),
  api,
}));

const piece = (id: string, headline: string): RelatedArticle => ({ id, headline, state: "published" });
const remove = (headline: string) =>
  userEvent.click(screen.getByRole("button", { name: `Remove “${headline}” from related articles` }));
const removeButton = (headline: string) => screen.getByRole("button", { name: `Remove “${headline}” from related articles` });

describe("RelatedPicker", () => {
  it("after a Remove, puts the focus on the next piece's Remove, or the one before for the last", async () => {
    const props = $state({ articleId: "a", related: [piece("r1", "Ports"), piece("r2", "Heat"), piece("r3", "Rates")] });
    render(RelatedPicker, props);
    await remove("Ports");
    expect(removeButton("Heat")).toHaveFocus();
    await remove("Rates");
    expect(removeButton("Heat")).toHaveFocus();
    expect(props.related.map((r) => r.id)).toEqual(["r2"]);
  });

  it("after the last piece goes, puts the focus on the field that adds one", async () => {
    const props = $state({ articleId: "a", related: [piece("r1", "Ports")] });
    render(RelatedPicker, props);
    await remove("Ports");
    expect(screen.getByRole("combobox", { name: "Add a related article" })).toHaveFocus();
    expect(screen.getByText("None yet: they are printed as “Check also”.")).toBeInTheDocument();
  });
});
