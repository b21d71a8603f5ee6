// "Select guidelines": the loaded guidelines, asked of the server's graph with one SPARQL query.
import type { Language, RunQueryResult } from '../lsp_ext';

export interface GuidelineChoice { id: string; title: string }

export function guidelinesQuery(language: Language): string {
  return `PREFIX gg: <https://w3id.org/guidelinegraph/ns#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?id (SAMPLE(?t) AS ?title) WHERE {
  ?guideline a gg:Guideline ; dcterms:identifier ?id .
  OPTIONAL { ?guideline dcterms:title ?t FILTER(langMatches(lang(?t), "${language}")) }
}
GROUP BY ?id
ORDER BY ?id`;
}

export function guidelineChoices(result: RunQueryResult): GuidelineChoice[] {
  return (result.rows ?? [])
    .filter(r => r.id)
    .map(r => ({ id: r.id!.value, title: r.title?.value ?? r.id!.value }));
}
