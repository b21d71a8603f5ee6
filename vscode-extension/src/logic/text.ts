import type { Language, LocalizedText } from '../lsp_ext';

/** The text in the wanted language, else in the other one, else empty. */
export function localize(text: LocalizedText | undefined | null, language: Language): string {
  if (text == null) return '';
  if (typeof text === 'string') return text;
  const other: Language = language === 'en' ? 'zh' : 'en';
  return text[language] || text[other] || '';
}
