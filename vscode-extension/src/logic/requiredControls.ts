// What the "Required controls" tree and the status bar show for one requiredControls answer: grouping,
// order, icons and wording. Kept free of VS Code so that it is unit-tested as is.
import type { Language, Range, RequiredControlGroup, RequiredControlItem, RequiredControlsResult } from '../lsp_ext';
import { localize } from './text';

export type Status = 'missing' | 'waived' | 'addressed';
export type Modality = 'shall' | 'should' | 'may' | 'informative';

/** The server's status and modality names, case and spelling normalised (CoverageStatus is a C# enum). */
export function statusOf(item: RequiredControlItem): Status {
  const s = item.status.toLowerCase();
  return s === 'addressed' || s === 'waived' ? s : 'missing';
}

export function modalityOf(item: RequiredControlItem): Modality {
  const m = item.modality.toLowerCase();
  return m === 'shall' || m === 'should' || m === 'may' ? m : 'informative';
}

const modalityRank: Record<Modality, number> = { shall: 0, should: 1, may: 2, informative: 3 };
const statusRank: Record<Status, number> = { missing: 0, waived: 1, addressed: 2 };

/** Compares ICH M11 section numbers part by part as numbers ("1.10" after "1.9"); unnumbered last. */
export function compareSections(a: string, b: string): number {
  const pa = a.split('.'), pb = b.split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    if (i >= pa.length) return -1;
    if (i >= pb.length) return 1;
    const na = Number.parseInt(pa[i], 10), nb = Number.parseInt(pb[i], 10);
    if (Number.isNaN(na) !== Number.isNaN(nb)) return Number.isNaN(na) ? 1 : -1;
    if (!Number.isNaN(na) && na !== nb) return na - nb;
    if (Number.isNaN(na) && pa[i] !== pb[i]) return pa[i] < pb[i] ? -1 : 1;
  }
  return 0;
}

/** Items a writer must act on first: missing ones by modality, then waived, then addressed. */
export function compareItems(a: RequiredControlItem, b: RequiredControlItem): number {
  return statusRank[statusOf(a)] - statusRank[statusOf(b)]
    || modalityRank[modalityOf(a)] - modalityRank[modalityOf(b)]
    || a.requirementId.localeCompare(b.requirementId);
}

export interface Counts { missingShall: number; missingShould: number; missingMay: number; addressed: number; waived: number; total: number }

export function countItems(items: Iterable<RequiredControlItem>): Counts {
  const c: Counts = { missingShall: 0, missingShould: 0, missingMay: 0, addressed: 0, waived: 0, total: 0 };
  for (const item of items) {
    c.total++;
    const status = statusOf(item);
    if (status === 'addressed') c.addressed++;
    else if (status === 'waived') c.waived++;
    else {
      const m = modalityOf(item);
      if (m === 'shall') c.missingShall++;
      else if (m === 'should') c.missingShould++;
      else if (m === 'may') c.missingMay++;
    }
  }
  return c;
}

export function allItems(result: RequiredControlsResult): RequiredControlItem[] {
  return result.groups.flatMap(g => g.items);
}

export interface Icon { id: string; color: string }

export function iconFor(item: RequiredControlItem): Icon {
  switch (statusOf(item)) {
    case 'addressed': return { id: 'pass-filled', color: 'testing.iconPassed' };
    case 'waived': return { id: 'circle-slash', color: 'disabledForeground' };
    case 'missing':
      switch (modalityOf(item)) {
        case 'shall': return { id: 'error', color: 'problemsErrorIcon.foreground' };
        case 'should': return { id: 'warning', color: 'problemsWarningIcon.foreground' };
        default: return { id: 'info', color: 'problemsInfoIcon.foreground' };
      }
  }
}

const words = {
  en: { missing: 'missing', addressed: 'addressed', waived: 'waived', shall: 'shall', should: 'should', may: 'may',
    informative: 'informative', noProfile: 'no profile', clause: 'Clause', requirement: 'Requirement', control: 'Control',
    evidence: 'Evidence', belongsIn: 'belongs in section', line: 'line' },
  zh: { missing: '缺失', addressed: '已满足', waived: '已豁免', shall: '应', should: '建议', may: '可', informative: '说明',
    noProfile: '无特征', clause: '条款', requirement: '要求', control: '控制措施', evidence: '证据', belongsIn: '应写在章节', line: '行' },
} as const;

export function groupLabel(group: RequiredControlGroup, language: Language): string {
  const title = localize(group.title, language);
  return title ? `${group.m11Section} ${title}` : group.m11Section;
}

/** "2 missing · 3 addressed" for a group. */
export function groupDescription(group: RequiredControlGroup, language: Language): string {
  const w = words[language];
  const n = (status: Status) => group.items.filter(i => statusOf(i) === status).length;
  return (['missing', 'addressed', 'waived'] as const)
    .filter(status => n(status) > 0)
    .map(status => `${n(status)} ${w[status]}`)
    .join(' · ');
}

/** Groups in M11 order, each group's items in the order a writer works through them. */
export function orderGroups(result: RequiredControlsResult): RequiredControlGroup[] {
  return [...result.groups]
    .sort((a, b) => compareSections(a.m11Section, b.m11Section))
    .map(g => ({ ...g, items: [...g.items].sort(compareItems) }));
}

export function itemLabel(item: RequiredControlItem, language: Language): string {
  return localize(item.control.label, language) || item.control.id;
}

export function itemDescription(item: RequiredControlItem, language: Language): string {
  const w = words[language];
  return `${w[modalityOf(item)]} · ${w[statusOf(item)]} · ${item.clause.number}`;
}

/** Markdown for the item's tooltip: the clause quote in both languages, then where the evidence is. */
export function itemTooltip(item: RequiredControlItem, language: Language): string {
  const w = words[language];
  const other: Language = language === 'en' ? 'zh' : 'en';
  const lines = [
    `**${w.requirement} ${item.requirementId}** (${w[modalityOf(item)]}, ${w[statusOf(item)]})`,
    '',
    `${w.control}: ${itemLabel(item, language)}`,
    '',
    `${w.clause} ${item.clause.number}:`,
    '',
    `> ${localize(item.quote, language)}`,
  ];
  const second = typeof item.quote === 'string' ? '' : item.quote[other];
  if (second) lines.push('>', `> ${second}`);
  if (item.evidence.length) {
    lines.push('', `${w.evidence}:`);
    for (const e of item.evidence) lines.push(`- ${w.line} ${e.line}: ${e.text}`);
  }
  return lines.join('\n');
}

/** The one line shown when an item is opened: clause number, modality and quote. */
export function clauseMessage(item: RequiredControlItem, language: Language): string {
  const w = words[language];
  return `${w.clause} ${item.clause.number} (${w[modalityOf(item)]}, ${item.requirementId}): ${localize(item.quote, language)}`;
}

/** Where clicking an item goes: its first evidence, else where its text belongs. */
export function jumpTarget(item: RequiredControlItem): Range {
  return item.evidence.length ? item.evidence[0].range : item.target;
}

export interface StatusBarContent { text: string; tooltip: string; severity: 'error' | 'warning' | 'ok' }

/** Status bar: the profile's feature labels and the counts of missing shall/should requirements. */
export function statusBarContent(result: RequiredControlsResult, language: Language): StatusBarContent {
  const w = words[language];
  const c = countItems(allItems(result));
  const labels = result.profile.map(p => localize(p.label, language) || p.id);
  const profile = labels.length === 0 ? w.noProfile : labels.length <= 3 ? labels.join(', ') : `${labels.slice(0, 3).join(', ')} +${labels.length - 3}`;
  const text = `$(law) ${profile}  $(error) ${c.missingShall} ${w.shall}  $(warning) ${c.missingShould} ${w.should}`;
  const tooltip = [
    `GuidelineGraph: ${labels.join(', ') || w.noProfile}`,
    `${w.missing}: ${c.missingShall} ${w.shall}, ${c.missingShould} ${w.should}, ${c.missingMay} ${w.may}`,
    `${w.addressed}: ${c.addressed}; ${w.waived}: ${c.waived}`,
  ].join('\n');
  return { text, tooltip, severity: c.missingShall ? 'error' : c.missingShould ? 'warning' : 'ok' };
}
