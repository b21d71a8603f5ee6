// The GuidelineGraph language server's own requests, as the extension sees them. Mirrors the server's
// handlers in language-server/GuidelineGraph.LanguageServer/Handlers/Custom/ (method names in
// Protocol/LspMethods.cs). Only types here, so that the pure logic in src/logic/ and its unit tests
// can use them without loading VS Code.

/** 0-based line and UTF-16 character, as in LSP. */
export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }
export interface TextDocumentIdentifier { uri: string }

/** Text in both languages of the guideline; older servers may send one plain string. */
export type LocalizedText = { en?: string; zh?: string } | string;
export type Language = 'en' | 'zh';

export interface ProfileEntry { id: string; label: LocalizedText; source: string }

export interface EvidenceEntry { line: number; text: string; range: Range }

export interface RequiredControlItem {
  requirementId: string;
  modality: string;
  status: string;
  control: { id: string; label: LocalizedText };
  quote: LocalizedText;
  clause: { id: string; number: string };
  evidence: EvidenceEntry[];
  target: Range;
}

export interface RequiredControlGroup { m11Section: string; title: LocalizedText; items: RequiredControlItem[] }

export interface RequiredControlsResult { profile: ProfileEntry[]; groups: RequiredControlGroup[] }

export interface TraceabilityMatrixResult { columns: string[]; rows: unknown[]; html: string }

export interface ExplainRequirementParams { textDocument: TextDocumentIdentifier; requirementId: string }
export interface ExplainRequirementResult { text: string }

/** One RDF term of a result row, as in the SPARQL 1.1 JSON results format. */
export interface ResultTerm { type: 'uri' | 'literal' | 'bnode' | 'triple' | string; value: string; 'xml:lang'?: string; datatype?: string }

export interface RunQueryParams { textDocument?: TextDocumentIdentifier; query?: string }
export interface RunQueryResult {
  kind: 'select' | 'ask' | 'graph';
  variables?: string[];
  rows?: Array<Record<string, ResultTerm | undefined>>;
  boolean?: boolean;
  turtle?: string;
  /** More rows than the server sends (it caps a table at 10,000). */
  truncated?: boolean;
}

export type MatrixFormat = 'xlsx' | 'csv' | 'html';
export interface ExportMatrixParams { textDocument: TextDocumentIdentifier; format: MatrixFormat; path: string }
export interface ExportMatrixResult { path: string }

export const Methods = {
  requiredControls: 'guidelineGraph/requiredControls',
  traceabilityMatrix: 'guidelineGraph/traceabilityMatrix',
  explainRequirement: 'guidelineGraph/explainRequirement',
  runQuery: 'guidelineGraph/runQuery',
  exportMatrix: 'guidelineGraph/exportMatrix',
} as const;
