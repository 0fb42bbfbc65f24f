import { html, raw } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";

export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, Operation | undefined>>;
}

interface Operation {
  tags?: string[];
  summary?: string;
  description?: string;
  parameters?: { name: string; in: string; required?: boolean; schema?: unknown }[];
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { description?: string }>;
}

const METHODS = ["get", "post", "put", "patch", "delete"];

/**
 * A readable API reference rendered on the server from the OpenAPI document: no CDN script (the
 * machines that deploy this may be offline) and no inline script or style (strict CSP).
 */
export function renderReference(doc: OpenApiDocument): HtmlEscapedString | Promise<HtmlEscapedString> {
  const byTag = new Map<string, { method: string; path: string; op: Operation }[]>();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const tag = op.tags?.[0] ?? "Lainnya";
      byTag.set(tag, [...(byTag.get(tag) ?? []), { method, path, op }]);
    }
  }
  const sections = [...byTag.entries()].map(
    ([tag, ops]) =>
      html`<section>
        <h2 id="${tag}">${tag}</h2>
        ${ops.map(
          ({ method, path, op }) =>
            html`<article>
              <h3><span class="m ${method}">${method.toUpperCase()}</span> <code>/api${path}</code></h3>
              <p>${op.summary ?? ""}</p>
              ${op.description ? html`<p class="d">${op.description}</p>` : ""}
              ${
                op.parameters?.length
                  ? html`<h4>Parameter</h4>
                      <ul>
                        ${op.parameters.map(
                          (p) =>
                            html`<li><code>${p.name}</code> (${p.in}${p.required ? ", wajib" : ""})</li>`,
                        )}
                      </ul>`
                  : ""
              }
              ${
                op.requestBody?.content?.["application/json"]?.schema
                  ? html`<h4>Badan permintaan (JSON Schema)</h4>
                      <pre>
${JSON.stringify(op.requestBody.content["application/json"].schema, null, 2)}</pre>`
                  : ""
              }
              ${
                op.responses
                  ? html`<h4>Jawaban</h4>
                      <ul>
                        ${Object.entries(op.responses).map(
                          ([status, r]) => html`<li><code>${status}</code> ${r.description ?? ""}</li>`,
                        )}
                      </ul>`
                  : ""
              }
            </article>`,
        )}
      </section>`,
  );
  return html`<!doctype html>
    <html lang="id">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${doc.info.title} — Referensi API</title>
        <link rel="stylesheet" href="/api/docs.css" />
      </head>
      <body>
        <header>
          <h1>${doc.info.title} <small>v${doc.info.version} · OpenAPI ${doc.openapi}</small></h1>
          <p>${doc.info.description ?? ""}</p>
          <p><a href="/api/openapi.json">Unduh dokumen OpenAPI (JSON)</a></p>
          <nav>
            ${raw([...byTag.keys()].map((t) => `<a href="#${encodeURIComponent(t)}">${escape(t)}</a>`).join(" · "))}
          </nav>
        </header>
        <main>${sections}</main>
      </body>
    </html>`;
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

export const REFERENCE_CSS = `
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1f2937;background:#f8fafc}
header{background:#0f5132;color:#fff;padding:1rem 1.5rem}header a{color:#d1fae5}
h1 small{font-weight:400;font-size:.6em;opacity:.8}main{max-width:60rem;margin:auto;padding:1rem}
article{background:#fff;border:1px solid #e5e7eb;border-radius:8px;padding:.75rem 1rem;margin:.75rem 0}
h3{margin:.2rem 0;font-size:1rem}.m{display:inline-block;min-width:4rem;text-align:center;border-radius:4px;color:#fff;font-size:.8rem;padding:.1rem .3rem}
.get{background:#2563eb}.post{background:#059669}.put{background:#d97706}.patch{background:#7c3aed}.delete{background:#dc2626}
pre{background:#f1f5f9;padding:.5rem;overflow:auto;font-size:.8rem;max-height:20rem}.d{color:#4b5563}
`;
