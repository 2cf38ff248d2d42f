// React → static HTML for mails. react-dom/server is loaded through Node's own require at run
// time: Next bundles server code under the "react-server" condition, where that module refuses to
// load (it is meant for pages, not strings). Elements made by either copy of React share the
// global element symbols, and the templates use no hooks, so the plain renderer reads them.
import { createRequire } from "node:module";
import { join } from "node:path";
import type { ReactNode } from "react";

type Renderer = { renderToStaticMarkup: (node: ReactNode) => string };
let renderer: Renderer | undefined;

export function renderHtml(node: ReactNode): string {
  if (!renderer) {
    const load = createRequire(join(process.cwd(), "package.json"));
    renderer = load(["react-dom", "server"].join("/")) as Renderer;
  }
  return renderer.renderToStaticMarkup(node);
}
