// A small evaluator of the ExpressionScript subset the LimeSurvey generator writes (and, or, !,
// comparisons, is_empty, is_numeric, count, `name.NAOK`), with LimeSurvey's meaning: numeric
// strings compare as numbers, an unanswered question reads as "". For tests only.
type Value = string | number | boolean;

export function evaluateExpressionScript(src: string, vars: (name: string) => string): boolean {
  const tokens = src.match(
    /\s*('[^']*'|"[^"]*"|==|!=|<=|>=|<|>|!|\(|\)|,|-?\d+(?:\.\d+)?|[A-Za-z_][A-Za-z0-9_.]*)/gy,
  );
  if (!tokens || tokens.join("").replace(/\s/g, "") !== src.replace(/\s/g, "")) {
    throw new Error(`cannot tokenize: ${src}`);
  }
  const t = tokens.map((x) => x.trim());
  let i = 0;
  const peek = () => t[i];
  const next = () => t[i++]!;
  const expect = (s: string) => {
    if (next() !== s) throw new Error(`expected ${s} in ${src}`);
  };
  const isNum = (v: Value) =>
    typeof v === "number" || (typeof v === "string" && /^-?\d+(\.\d+)?$/.test(v));
  const truthy = (v: Value) => v !== "" && v !== 0 && v !== "0" && v !== false;
  const or = (): Value => {
    let l = and();
    while (peek() === "or") {
      next();
      const r = and();
      l = truthy(l) || truthy(r);
    }
    return l;
  };
  const and = (): Value => {
    let l = unary();
    while (peek() === "and") {
      next();
      const r = unary();
      l = truthy(l) && truthy(r);
    }
    return l;
  };
  const unary = (): Value => {
    if (peek() === "!") {
      next();
      return !truthy(unary());
    }
    return comparison();
  };
  const comparison = (): Value => {
    const l = primary();
    const op = peek();
    if (op && ["==", "!=", "<", "<=", ">", ">="].includes(op)) {
      next();
      const r = primary();
      const [a, b] = isNum(l) && isNum(r) ? [Number(l), Number(r)] : [String(l), String(r)];
      switch (op) {
        case "==":
          return a === b;
        case "!=":
          return a !== b;
        case "<":
          return a < b;
        case "<=":
          return a <= b;
        case ">":
          return a > b;
        default:
          return a >= b;
      }
    }
    return l;
  };
  const primary = (): Value => {
    const tok = next();
    if (tok === "(") {
      const v = or();
      expect(")");
      return v;
    }
    if (/^['"]/.test(tok)) return tok.slice(1, -1);
    if (/^-?\d/.test(tok)) return Number(tok);
    if (peek() === "(") {
      next();
      const args: Value[] = [];
      while (peek() !== ")") {
        args.push(or());
        if (peek() === ",") next();
      }
      expect(")");
      switch (tok) {
        case "is_empty":
          return args[0] === "";
        case "is_numeric":
          return isNum(args[0]!);
        case "count":
          return args.filter((a) => a !== "").length;
        default:
          throw new Error(`unknown function ${tok}`);
      }
    }
    if (!tok.endsWith(".NAOK")) throw new Error(`variable without .NAOK: ${tok}`);
    return vars(tok.slice(0, -".NAOK".length));
  };
  const v = or();
  if (i !== t.length) throw new Error(`trailing input in ${src}`);
  return truthy(v);
}
