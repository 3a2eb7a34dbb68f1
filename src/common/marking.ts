import type { Classification } from './domain';

/** A plan's protective marking (R14d). */
export interface Marking {
  classification: Classification;
  handlingInstruction: string | null;
}

/** The marking as it is printed: the classification, then any handling instruction. */
export function markingText(marking: Marking): string {
  return marking.handlingInstruction ? `${marking.classification}: ${marking.handlingInstruction}` : marking.classification;
}

/** The higher of the markings of what a document holds (OFFICIAL-SENSITIVE above OFFICIAL); none when it holds no plan. */
export function highestClassification(markings: Marking[]): Classification | null {
  if (markings.length === 0) return null;
  return markings.some((marking) => marking.classification === 'OFFICIAL-SENSITIVE') ? 'OFFICIAL-SENSITIVE' : 'OFFICIAL';
}

/** Text as a CSS string literal, every character but letters, digits and spaces escaped: safe inside a <style> element. */
function cssString(text: string): string {
  return `"${[...text].map((char) => (/[A-Za-z0-9 ]/.test(char) ? char : `\\${char.codePointAt(0)?.toString(16)} `)).join('')}"`;
}

/**
 * Print rules that put the marking in a running header and footer on every printed page, with
 * "page N of M" (CSS page-margin boxes), for a page or document that holds one plan.
 */
export function printedMarkingCss(marking: Marking): string {
  const text = cssString(markingText(marking));
  return `@page{margin:22mm 15mm;@top-center{content:${text};font:bold 10pt arial,sans-serif}@bottom-center{content:${text};font:bold 10pt arial,sans-serif}@bottom-right{content:"page " counter(page) " of " counter(pages);font:9pt arial,sans-serif}}`;
}
