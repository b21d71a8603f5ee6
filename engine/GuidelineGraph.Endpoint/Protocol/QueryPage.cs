namespace GuidelineGraph.Endpoint.Protocol;

/// <summary>A page for people: a query box and a results table. Self-contained (no external scripts, styles or fonts).</summary>
internal static class QueryPage
{
    public const string Html = """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>GuidelineGraph SPARQL</title>
        <style>
          body { font: 14px system-ui, sans-serif; margin: 2em; color: #222; }
          textarea { width: 100%; height: 12em; font: 13px ui-monospace, monospace; }
          table { border-collapse: collapse; margin-top: 1em; }
          th, td { border: 1px solid #ccc; padding: 3px 8px; text-align: left; vertical-align: top; font: 13px ui-monospace, monospace; }
          th { background: #f3f3f3; }
          #status { margin-top: 1em; color: #555; }
          .error { color: #b00020; white-space: pre-wrap; }
        </style>
        </head>
        <body>
        <h1>GuidelineGraph SPARQL endpoint</h1>
        <form id="form">
          <textarea id="query" name="query" spellcheck="false">SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 25</textarea>
          <p><button type="submit">Run query</button></p>
        </form>
        <div id="status"></div>
        <div id="results"></div>
        <script>
        const form = document.getElementById('form');
        const status = document.getElementById('status');
        const results = document.getElementById('results');
        function cell(term) {
          if (!term) return '';
          if (term.type === 'uri') return '<' + term.value + '>';
          if (term.type === 'bnode') return '_:' + term.value;
          let text = JSON.stringify(term.value);
          if (term['xml:lang']) text += '@' + term['xml:lang'];
          else if (term.datatype) text += '^^<' + term.datatype + '>';
          return text;
        }
        function table(head, rows) {
          const t = document.createElement('table');
          const h = t.insertRow();
          for (const name of head) { const th = document.createElement('th'); th.textContent = name; h.appendChild(th); }
          for (const row of rows) { const r = t.insertRow(); for (const value of row) r.insertCell().textContent = value; }
          return t;
        }
        form.addEventListener('submit', async (event) => {
          event.preventDefault();
          results.replaceChildren();
          status.className = '';
          status.textContent = 'Running…';
          const started = performance.now();
          const response = await fetch('sparql', {
            method: 'POST',
            headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Accept': 'application/sparql-results+json, text/turtle;q=0.9' },
            body: new URLSearchParams({ query: document.getElementById('query').value }),
          });
          const ms = Math.round(performance.now() - started);
          const type = response.headers.get('Content-Type') || '';
          if (!response.ok) {
            const problem = type.includes('json') ? await response.json() : { detail: await response.text() };
            status.className = 'error';
            status.textContent = response.status + ' ' + (problem.title || '') + ': ' + problem.detail;
            return;
          }
          if (type.includes('sparql-results+json')) {
            const data = await response.json();
            if ('boolean' in data) { status.textContent = String(data.boolean) + ' (' + ms + ' ms)'; return; }
            const vars = data.head.vars;
            const rows = data.results.bindings.map(b => vars.map(v => cell(b[v])));
            status.textContent = rows.length + ' row' + (rows.length === 1 ? '' : 's') + ' (' + ms + ' ms)';
            results.appendChild(table(vars.map(v => '?' + v), rows));
          } else {
            const pre = document.createElement('pre');
            pre.textContent = await response.text();
            status.textContent = 'graph (' + ms + ' ms)';
            results.appendChild(pre);
          }
        });
        </script>
        </body>
        </html>
        """;
}
