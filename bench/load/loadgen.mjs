// Closed-loop SPARQL load generator: N clients, each sending its next query as soon as the previous answer is read,
// for a fixed time, against one SPARQL 1.1 Protocol query URL (GET, JSON results). Loopback only.
//   node loadgen.mjs --url http://127.0.0.1:PORT/sparql --clients 32 --seconds 60 --name gg Q1.rq Q2.rq ...
// Prints one JSON line: requests, errors (non-2xx, network, unreadable JSON), throughput, p50/p99 latency in ms.
import { readFileSync } from "node:fs";
import { basename } from "node:path";

const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); if (i < 0) return dflt; const v = args[i + 1]; args.splice(i, 2); return v; };
const url = new URL(opt("--url"));
const clients = Number(opt("--clients", "32"));
const seconds = Number(opt("--seconds", "60"));
const name = opt("--name", url.host);
if (!["127.0.0.1", "localhost", "[::1]"].includes(url.hostname)) { console.error("loadgen: loopback URLs only"); process.exit(2); }
if (args.length === 0) { console.error("loadgen: give query files"); process.exit(2); }

// Point lookups (people by number) between the heavy peer queries: the mix a shared endpoint sees.
const heavy = args.map(f => ({ name: basename(f, ".rq"), text: readFileSync(f, "utf8") }));
const lookup = n => ({ name: "lookup", text: `SELECT ?name ?age WHERE { <http://example.org/person/${n}> <http://xmlns.com/foaf/0.1/name> ?name ; <http://example.org/ns#age> ?age }` });

const latencies = [];
const perQuery = {};
let errors = 0;
const errorSamples = [];
const deadline = Date.now() + seconds * 1000;

async function client(id) {
  let i = id;
  while (Date.now() < deadline) {
    i++;
    const q = i % 3 === 0 ? heavy[(i / 3) % heavy.length | 0] : lookup(1 + ((i * 7919) % 47000));
    const target = new URL(url);
    target.searchParams.set("query", q.text);
    const t0 = performance.now();
    try {
      const res = await fetch(target, { headers: { accept: "application/sparql-results+json" } });
      const body = await res.text();
      if (!res.ok) throw new Error(`${q.name}: HTTP ${res.status} ${body.slice(0, 200)}`);
      JSON.parse(body);
      const ms = performance.now() - t0;
      latencies.push(ms);
      (perQuery[q.name] ??= []).push(ms);
    } catch (e) {
      errors++;
      if (errorSamples.length < 5) errorSamples.push(String(e.message ?? e));
    }
  }
}

const started = performance.now();
await Promise.all(Array.from({ length: clients }, (_, k) => client(k)));
const elapsed = (performance.now() - started) / 1000;
const pct = (v, p) => { if (v.length === 0) return null; const s = [...v].sort((a, b) => a - b); return +s[Math.min(s.length - 1, Math.floor(p * s.length))].toFixed(1); };
console.log(JSON.stringify({
  target: name, clients, seconds: +elapsed.toFixed(1), requests: latencies.length, errors,
  throughput: +(latencies.length / elapsed).toFixed(1), p50: pct(latencies, 0.5), p99: pct(latencies, 0.99),
  perQuery: Object.fromEntries(Object.entries(perQuery).map(([k, v]) => [k, { n: v.length, p50: pct(v, 0.5), p99: pct(v, 0.99) }])),
  errorSamples,
}));
