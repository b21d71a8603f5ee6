// Runs inside the query-results webview: renders the table and sorts it by a clicked column, with the
// same order functions the extension's tests check. Export buttons ask the extension to save.
import type { RunQueryResult } from '../lsp_ext';
import { displayTerm, Row, sortRows } from '../logic/queryResults';

declare function acquireVsCodeApi(): { postMessage(message: unknown): void };
const vscode = acquireVsCodeApi();

const result = JSON.parse(document.getElementById('result-data')!.textContent!) as RunQueryResult;
const variables = result.variables ?? [];
const originalRows: Row[] = result.rows ?? [];
let sortBy: { variable: string; descending: boolean } | undefined;

function render(): void {
  const table = document.getElementById('results') as HTMLTableElement;
  table.replaceChildren();
  const head = table.createTHead().insertRow();
  for (const v of variables) {
    const th = document.createElement('th');
    th.textContent = `?${v}`;
    th.dataset.variable = v;
    th.title = 'Sort';
    if (sortBy?.variable === v) th.setAttribute('aria-sort', sortBy.descending ? 'descending' : 'ascending');
    th.addEventListener('click', () => {
      sortBy = { variable: v, descending: sortBy?.variable === v ? !sortBy.descending : false };
      render();
    });
    head.appendChild(th);
  }
  const body = table.createTBody();
  const rows = sortBy ? sortRows(originalRows, sortBy.variable, sortBy.descending) : originalRows;
  for (const row of rows) {
    const tr = body.insertRow();
    for (const v of variables) {
      const td = tr.insertCell();
      td.textContent = displayTerm(row[v]);
      if (row[v]) td.className = row[v]!.type;
    }
  }
}

for (const button of Array.from(document.querySelectorAll<HTMLButtonElement>('button[data-export]'))) {
  button.addEventListener('click', () => vscode.postMessage({ command: 'export', format: button.dataset.export }));
}
if (result.kind === 'select') render();
