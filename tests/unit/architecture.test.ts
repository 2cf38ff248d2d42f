// The layering rules of docs/architecture.md, read from the source files: who may import whom
// (type-only imports count: they tie the files together as much as any), no import cycles, thin
// routes and pages, and the environment read through lib/env.ts only. TypeScript's own parser
// finds the imports and the reads of process.env, so comments and text inside strings and
// template literals (the code snippets lib/install/snippets.ts shows to users) are not code.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");
const LAYERS = ["app", "components", "lib"];
const SKIP = new Set(["lib/generated"]);
const EXTENSIONS = [".ts", ".tsx"];

/** Source files (repository-relative, "/"-separated) under the given folders. */
function sourceFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = `${dir}/${entry.name}`;
    if (SKIP.has(rel) || entry.name === "node_modules") continue;
    if (entry.isDirectory()) found.push(...sourceFiles(rel));
    else if (EXTENSIONS.some((ext) => entry.name.endsWith(ext)) && !entry.name.endsWith(".d.ts")) found.push(rel);
  }
  return found;
}

const FILES = LAYERS.flatMap(sourceFiles).sort();
const FILE_SET = new Set(FILES);
const sourceCache = new Map<string, string>();
const sourceOf = (file: string) => {
  let text = sourceCache.get(file);
  if (text === undefined) {
    text = readFileSync(path.join(ROOT, file), "utf8");
    sourceCache.set(file, text);
  }
  return text;
};

/** The repository file an import names, or null when it is a package or outside the layers. */
function resolveImport(from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith("@/")) base = specifier.slice(2);
  else if (specifier.startsWith("./") || specifier.startsWith("../"))
    base = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  else return null;
  const candidates = [base, ...EXTENSIONS.map((ext) => base + ext), ...EXTENSIONS.map((ext) => `${base}/index${ext}`)];
  return candidates.find((candidate) => FILE_SET.has(candidate)) ?? null;
}

/** Every module a file imports or re-exports, statically or with import(), type-only included. */
function importsOf(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(sourceOf(file), true, true);
  return importedFiles.map((ref) => resolveImport(file, ref.fileName)).filter((target): target is string => target !== null);
}

const GRAPH = new Map(FILES.map((file) => [file, [...new Set(importsOf(file))]]));

const under = (file: string, ...dirs: string[]) => dirs.some((dir) => file.startsWith(`${dir}/`));
const lineCount = (file: string) => sourceOf(file).replace(/\n$/, "").split("\n").length;

/** `from → to` for every import of `to`-side files by `from`-side files. */
function importsAcross(isFrom: (file: string) => boolean, isTo: (file: string) => boolean): string[] {
  return [...GRAPH]
    .filter(([file]) => isFrom(file))
    .flatMap(([file, targets]) => targets.filter(isTo).map((target) => `${file} → ${target}`));
}

/** One cycle through each strongly connected component with more than one file (Tarjan), as a path. */
function importCycles(): string[][] {
  let index = 0;
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (file: string) => {
    order.set(file, index);
    low.set(file, index++);
    stack.push(file);
    onStack.add(file);
    for (const next of GRAPH.get(file) ?? []) {
      if (!order.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(file, Math.min(low.get(file)!, order.get(next)!));
    }
    if (low.get(file) === order.get(file)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== file);
      if (component.length > 1 || (GRAPH.get(file) ?? []).includes(file)) components.push(component);
    }
  };
  for (const file of FILES) if (!order.has(file)) visit(file);
  return components.map((component) => cycleWithin(new Set(component)));
}

/** A shortest way from the component's first file back to itself (breadth first, inside it). */
function cycleWithin(component: Set<string>): string[] {
  const start = [...component].sort()[0]!;
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length) {
    const file = queue.shift()!;
    for (const next of GRAPH.get(file) ?? []) {
      if (!component.has(next)) continue;
      if (next === start) {
        const way = [file];
        while (way[0] !== start) way.unshift(previous.get(way[0]!)!);
        return [...way, start];
      }
      if (!previous.has(next)) {
        previous.set(next, file);
        queue.push(next);
      }
    }
  }
  return [start, start];
}

const ALLOWED_ENV = new Set(["NODE_ENV", "NEXT_RUNTIME", "NEXT_PHASE"]);

/** `file:line process.env.X` for each read of the environment in code (strings and comments are not code). */
function environmentReads(file: string): string[] {
  const source = ts.createSourceFile(
    file,
    sourceOf(file),
    ts.ScriptTarget.Latest,
    true,
    file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const reads: string[] = [];
  const visit = (node: ts.Node) => {
    if (
      ts.isPropertyAccessExpression(node) &&
      node.name.text === "env" &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === "process"
    ) {
      const parent = node.parent;
      const name = ts.isPropertyAccessExpression(parent) && parent.expression === node ? parent.name.text : null;
      if (!name || !ALLOWED_ENV.has(name)) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart());
        reads.push(`${file}:${line + 1} process.env${name ? `.${name}` : ""}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return reads;
}

const isPage = (file: string) => under(file, "app") && /\/page\.tsx?$/.test(file);
const isRoute = (file: string) => under(file, "app") && /(^|\/)route\.ts$/.test(file);

describe("architecture (docs/architecture.md)", () => {
  it("reads the source it checks", () => {
    expect(FILES.length).toBeGreaterThan(100);
    expect(GRAPH.get("lib/edge/endpoint.ts")).toContain("lib/kernel/errors.ts");
  });

  it("the core (lib/ outside lib/edge, lib/actions, lib/openapi) never imports the edge or app/", () => {
    const core = (file: string) => under(file, "lib") && !under(file, "lib/edge", "lib/actions", "lib/openapi");
    expect(importsAcross(core, (target) => under(target, "lib/edge", "app"))).toEqual([]);
  });

  it("has no import cycle among lib/, app/ and components/", () => {
    expect(importCycles().map((cycle) => cycle.join(" → "))).toEqual([]);
  });

  it("keeps route files at most 40 lines", () => {
    const long = FILES.filter(isRoute).filter((file) => lineCount(file) > 40);
    expect(long.map((file) => `${file}: ${lineCount(file)} lines`)).toEqual([]);
  });

  it("reads the environment only in lib/env.ts (NODE_ENV, NEXT_RUNTIME and NEXT_PHASE aside)", () => {
    expect(FILES.filter((file) => file !== "lib/env.ts").flatMap(environmentReads)).toEqual([]);
  });

  it("components/ never imports app/", () => {
    expect(
      importsAcross(
        (file) => under(file, "components"),
        (target) => under(target, "app"),
      ),
    ).toEqual([]);
  });

  it("keeps pages at most 80 lines", () => {
    const long = FILES.filter(isPage).filter((file) => lineCount(file) > 80);
    expect(long.map((file) => `${file}: ${lineCount(file)} lines`)).toEqual([]);
  });

  it("pages and components never query the database themselves (they call a core function)", () => {
    expect(
      importsAcross(
        (file) => isPage(file) || under(file, "components"),
        (target) => target === "lib/db.ts" || under(target, "lib/db"),
      ),
    ).toEqual([]);
  });
});
