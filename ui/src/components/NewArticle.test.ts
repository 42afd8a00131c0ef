import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { DeskError } from "../lib/api";
import NewArticle from "./NewArticle.svelte";

const api = vi.hoisted(() => ({ createArticle: vi.fn() }));
vi.mock("../lib/api", async (original) => ({
  ...(await original<typeof import("../lib/api")>()),
  api,
}));

describe("NewArticle", () => {
  beforeEach(() => {
    api.createArticle.mockReset();
  });

  it("opens on n, asks for a headline, creates the draft and hands it on", async () => {
    const oncreated = vi.fn();
    api.createArticle.mockResolvedValue({ id: "a9", headline: "Water, not weapons" });
    render(NewArticle, { oncreated });
    await userEvent.keyboard("n");
    const dialog = screen.getByRole("dialog", { name: "New article" });
    expect(screen.getByLabelText(/^Headline/)).toHaveFocus();
    await userEvent.type(screen.getByLabelText(/^Headline/), "Water, not weapons{Enter}");
    expect(api.createArticle).toHaveBeenCalledWith({ article: { headline: "Water, not weapons" } });
    expect(oncreated).toHaveBeenCalledWith({ id: "a9", headline: "Water, not weapons" });
    expect(dialog).not.toBeInTheDocument();
  });

  it("shows the core's refusal and keeps the dialog; Esc closes it", async () => {
    api.createArticle.mockRejectedValue(new DeskError("invalid_input", "the headline is empty: an article needs one"));
    render(NewArticle, { oncreated: () => {} });
    await userEvent.click(screen.getByRole("button", { name: /New article/ }));
    await userEvent.click(screen.getByRole("button", { name: "Create draft" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("the headline is empty: an article needs one");
    await userEvent.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: /New article/ })).toHaveFocus();
  });

  it("leaves n alone while typing in a field", async () => {
    render(NewArticle, { oncreated: () => {} });
    const field = document.createElement("input");
    document.body.append(field);
    await userEvent.type(field, "n");
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    field.remove();
  });
});
