// Runs inside the traceability-matrix webview: the export buttons ask the extension to export.
declare function acquireVsCodeApi(): { postMessage(message: unknown): void };
const vscode = acquireVsCodeApi();
for (const button of Array.from(document.querySelectorAll<HTMLButtonElement>('button[data-export]'))) {
  button.addEventListener('click', () => vscode.postMessage({ command: 'export', format: button.dataset.export }));
}
