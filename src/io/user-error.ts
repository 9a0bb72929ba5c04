import type { Problem } from "../problem.js";

/** An error the user can fix: printed as one line (plus problems), never with a stack trace. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
    readonly problems: readonly Problem[] = [],
  ) {
    super(message);
    this.name = "UserError";
  }
}
