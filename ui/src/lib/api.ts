// The UI's one door to the desk: every operation the core defines, as the generated bindings
// name it, called with its one input and answering its output. Nothing here is written per
// operation, so nothing can drift from the core. A failed call throws a DeskError carrying the
// core's error body: `code` to branch on, `message` to show, `field` (the input at fault) to
// focus, `details` (a conflict's stored text, a move's unmet checks).
import { commands, type ApiError, type ErrorCode, type ErrorDetails } from "./bindings";
import { noteAnswer, noteAsked, noteRefused } from "./ownMoves";

export class DeskError extends Error {
  readonly code: ErrorCode;
  /** The input at fault, as the operation's input names it (`headline`, `email`, `at`…). */
  readonly field: string | null;
  readonly details: ErrorDetails | null;

  constructor(code: ErrorCode, message: string, more: { field?: string | null; details?: ErrorDetails | null } = {}) {
    super(message);
    this.name = "DeskError";
    this.code = code;
    this.field = more.field ?? null;
    this.details = more.details ?? null;
  }

  /** The core's error body as thrown here. */
  static of(body: ApiError): DeskError {
    return new DeskError(body.code, body.message, { field: body.field, details: body.details });
  }
}

type Outcome<T> = { status: "ok"; data: T } | { status: "error"; error: ApiError };

function isApiError(value: unknown): value is ApiError {
  return typeof value === "object" && value !== null && "code" in value && "message" in value;
}

export async function unwrap<T>(call: Promise<Outcome<T>>): Promise<T> {
  const outcome = await call;
  if (outcome.status === "ok") return outcome.data;
  const error: unknown = outcome.error;
  if (isApiError(error)) throw DeskError.of(error);
  // Tauri itself (an unknown command, a refused permission) rejects with a bare string.
  throw new DeskError("internal", typeof error === "string" ? error : JSON.stringify(error));
}

type Commands = typeof commands;
type Answer<R> = Extract<Awaited<R>, { status: "ok" }> extends { data: infer T } ? T : never;
/** A command as the door offers it: the same arguments, its output or a thrown DeskError. */
type Door<F> = F extends (...args: infer A) => infer R ? (...args: A) => Promise<Answer<R>> : never;
export type Api = { [K in keyof Commands]: Door<Commands[K]> };

/** Every command of the bindings, unwrapped: `await api.getArticle({ id })` is the article, or
 * throws a DeskError. The window's own commands keep their plain arguments (`signIn(name,
 * passphrase)`); every desk operation takes its one input. */
export const api: Api = Object.fromEntries(
  Object.entries(commands).map(([name, call]) => [
    name,
    async (...args: unknown[]) => {
      // What this window moves is not news to it when the live refresh shows it in a queue; the
      // refresh can come before the answer, so a move is noted as it is asked for.
      noteAsked(name, args[0]);
      try {
        const out = await unwrap((call as (...a: unknown[]) => Promise<Outcome<unknown>>)(...args));
        noteAnswer(name, out);
        return out;
      } catch (e) {
        noteRefused(name, args[0]);
        throw e;
      }
    },
  ]),
) as Api;

/** The words to show for anything a call threw. */
export function errorWords(e: unknown): string {
  if (e instanceof DeskError) return e.message;
  if (e instanceof Error) return e.message;
  return String(e);
}

/** The input a refusal names as at fault, if it names one. */
export function faultField(e: unknown): string | null {
  return e instanceof DeskError ? e.field : null;
}
