/** A document is built once as blocks, then written as Markdown, HTML, PDF or Word. */
export type Block =
  | { kind: 'marking'; text: string }
  | { kind: 'title'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'subheading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'facts'; rows: [string, string][] }
  | { kind: 'table'; header: string[]; rows: string[][]; empty: string };

/** A Word document's media type (Office Open XML), as its downloads are labelled. */
export const WORD_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** What every printed page of a plan's document carries, at its top and its foot. */
export interface Frame {
  /** The plan's reference, as in "OP-2026-0012 — page 3 of 7". */
  reference: string;
  /** The protective marking and handling instruction, as printed (R14d). */
  marking: string;
  /** The plan's version the document was produced from. */
  version: number;
  /** When it was produced, in UK time: "Thu, 3 December 2026 at 18:40 GMT". */
  producedAt: string;
  /** The document's title, for its properties. */
  title: string;
}

/**
 * A printable document: its frame and its pages, each a list of blocks starting on a new sheet (a briefing
 * is one page that runs on; premises cards are a page each). Plain data, so a worker thread can render it.
 */
export interface Printable {
  frame: Frame;
  pages: Block[][];
  /** Set small and close, so that a page meant for one sheet fits it (premises cards); a briefing is set at reading size. */
  compact?: boolean;
}

/** The line at the foot of every printed page under the marking: where it is in the document, and what it was made from. */
export function footLine(frame: Frame, page: number, pages: number): string {
  return footPieces(frame, page, pages).join('');
}

/**
 * The foot line in pieces around its page numbers, for a renderer that writes the numbers as it lays
 * the pages out (Word's page fields) rather than as text: the same words in every format.
 */
export function footPieces<N>(frame: Frame, page: N, pages: N): (string | N)[] {
  return [`${frame.reference} — page `, page, ' of ', pages, ` · Version ${frame.version} · Produced ${frame.producedAt}`];
}
