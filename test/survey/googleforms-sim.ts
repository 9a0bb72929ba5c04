// Google Forms, simulated: runs a generated Apps Script against a stand-in for Google's FormApp
// that knows only the documented methods the script may call (any other name throws), records the
// form it builds, lets respondents fill it in, and writes the responses as Google Forms' CSV
// download does ("Zeitstempel"/"Timestamp" first, question titles as headings, grid rows as
// `Title [Row]`, answer labels as values, checkboxes joined by ", ").
import { runInNewContext } from "node:vm";
import { stringify } from "csv-stringify/sync";

export interface GfItem {
  readonly type: "choice" | "checkbox" | "grid" | "text" | "paragraph" | "page";
  title: string;
  help: string;
  required: boolean;
  choices: string[];
  rows: string[];
  columns: string[];
  validation?: string;
}

export interface GfModel {
  title: string;
  description: string;
  confirmation: string;
  readonly items: GfItem[];
  readonly calls: string[];
}

/** Methods of Google's Forms service the script may call, by class (developers.google.com). */
const DOCUMENTED: Readonly<Record<string, readonly string[]>> = {
  FormApp: ["create", "createTextValidation"],
  Form: [
    "setDescription",
    "setConfirmationMessage",
    "addPageBreakItem",
    "addMultipleChoiceItem",
    "addCheckboxItem",
    "addGridItem",
    "addTextItem",
    "addParagraphTextItem",
    "getEditUrl",
  ],
  PageBreakItem: ["setTitle", "setHelpText"],
  MultipleChoiceItem: ["setTitle", "setHelpText", "setRequired", "setChoiceValues"],
  CheckboxItem: ["setTitle", "setHelpText", "setRequired", "setChoiceValues"],
  GridItem: ["setTitle", "setHelpText", "setRequired", "setRows", "setColumns"],
  TextItem: ["setTitle", "setHelpText", "setRequired", "setValidation"],
  ParagraphTextItem: ["setTitle", "setHelpText", "setRequired"],
  TextValidationBuilder: ["requireNumber", "build"],
  Logger: ["log"],
};

/** An object answering only the documented methods of `cls`. */
function strict<T extends object>(cls: string, impl: T, calls: string[]): T {
  return new Proxy(impl, {
    get(target, prop) {
      if (typeof prop !== "string") return undefined;
      if (!DOCUMENTED[cls]!.includes(prop) || !(prop in target))
        throw new TypeError(`${cls}.${prop} is not a documented method of the Forms service`);
      calls.push(`${cls}.${prop}`);
      return (target as Record<string, unknown>)[prop];
    },
  });
}

export function runScript(script: string): GfModel {
  const calls: string[] = [];
  const model: GfModel = { title: "", description: "", confirmation: "", items: [], calls };
  const item = (cls: string, type: GfItem["type"]) => {
    const it: GfItem = {
      type,
      title: "",
      help: "",
      required: false,
      choices: [],
      rows: [],
      columns: [],
    };
    model.items.push(it);
    const self: Record<string, unknown> = {};
    const set =
      <V>(f: (v: V) => void) =>
      (v: V) => {
        f(v);
        return proxy;
      };
    Object.assign(self, {
      setTitle: set((t: string) => {
        it.title = t;
      }),
      setHelpText: set((t: string) => {
        it.help = t;
      }),
      setRequired: set((r: boolean) => {
        it.required = r;
      }),
      setChoiceValues: set((v: string[]) => {
        it.choices = [...v];
      }),
      setRows: set((v: string[]) => {
        it.rows = [...v];
      }),
      setColumns: set((v: string[]) => {
        it.columns = [...v];
      }),
      setValidation: set((v: { kind: string }) => {
        it.validation = v.kind;
      }),
    });
    const proxy: unknown = strict(cls, self, calls);
    return proxy;
  };
  const form = strict(
    "Form",
    {
      setDescription: (d: string) => {
        model.description = d;
        return form;
      },
      setConfirmationMessage: (m: string) => {
        model.confirmation = m;
        return form;
      },
      addPageBreakItem: () => item("PageBreakItem", "page"),
      addMultipleChoiceItem: () => item("MultipleChoiceItem", "choice"),
      addCheckboxItem: () => item("CheckboxItem", "checkbox"),
      addGridItem: () => item("GridItem", "grid"),
      addTextItem: () => item("TextItem", "text"),
      addParagraphTextItem: () => item("ParagraphTextItem", "paragraph"),
      getEditUrl: () => "https://docs.google.com/forms/d/simulated/edit",
    },
    calls,
  );
  const validation = (): unknown => {
    let kind = "";
    const b: unknown = strict(
      "TextValidationBuilder",
      {
        requireNumber: () => {
          kind = "number";
          return b;
        },
        build: () => ({ kind }),
      },
      calls,
    );
    return b;
  };
  const FormApp = strict(
    "FormApp",
    {
      create: (title: string) => {
        model.title = title;
        return form;
      },
      createTextValidation: validation,
    },
    calls,
  );
  const Logger = strict("Logger", { log: () => undefined }, calls);
  runInNewContext(`${script}\ncreateForm();`, { FormApp, Logger });
  return model;
}

/** A respondent's answer to one question: a label, labels (checkbox), a text; per row for grids. */
export type GfAnswer = (item: GfItem, row?: string) => string | readonly string[] | undefined;

/** The responses as Google Forms' CSV download writes them. */
export function exportCsv(model: GfModel, answers: readonly GfAnswer[], lang: string): string {
  const questions = model.items.filter((i) => i.type !== "page");
  const header = [
    lang === "de" ? "Zeitstempel" : "Timestamp",
    ...questions.flatMap((q) =>
      q.type === "grid" ? q.rows.map((r) => `${q.title} [${r}]`) : [q.title],
    ),
  ];
  const rows = answers.map((answer, i) => {
    const ss = String(i % 60).padStart(2, "0");
    const stamp = lang === "de" ? `31.03.2026 10:15:${ss}` : `3/31/2026 10:15:${ss}`;
    return [
      stamp,
      ...questions.flatMap((q) => {
        const cell = (v: string | readonly string[] | undefined) => {
          if (v === undefined) return "";
          if (typeof v === "string") return v;
          // Checkboxes: the ticked labels in the form's order, joined by ", ".
          return q.choices.filter((c) => v.includes(c)).join(", ");
        };
        return q.type === "grid" ? q.rows.map((r) => cell(answer(q, r))) : [cell(answer(q))];
      }),
    ];
  });
  return stringify([header, ...rows], { record_delimiter: "\r\n" });
}
