import { DomainError } from '../../src/common/errors/domain-error';
import { DocumentRenderer } from '../../src/workflow/documents/document-renderer';
import type { Printable } from '../../src/workflow/documents/printable';
import { pdfPages } from '../support/pdf-text';

const PRINTABLE: Printable = {
  frame: { reference: 'OP-2031-0001', marking: 'OFFICIAL', version: 1, producedAt: 'Mon, 3 March 2031 at 09:00 GMT', title: 'A test' },
  pages: [[{ kind: 'paragraph', text: 'What the officers need to know.' }], [], [{ kind: 'paragraph', text: 'The second card.' }]],
};

/** Issue 28: documents are laid out on worker threads, and a full queue refuses more rather than growing without end. */
describe('the document renderer (worker threads, as built in dist/)', () => {
  it('renders a printable on a worker, each of its pages with something on it on a sheet of its own', async () => {
    const renderer = new DocumentRenderer({ threads: 1, waiting: 4 });
    try {
      const pages = await pdfPages(await renderer.render({ format: 'pdf', printable: PRINTABLE }));
      expect(pages).toHaveLength(2);
      expect(pages[0]).toContain('What the officers need to know.');
      expect(pages[1]).toContain('The second card.');
    } finally {
      await renderer.onApplicationShutdown();
    }
  });

  it('refuses a document with 503, in words, while every thread is busy and the queue is full, and renders again once it drains', async () => {
    const renderer = new DocumentRenderer({ threads: 1, waiting: 1 });
    try {
      const outcomes = await Promise.allSettled(Array.from({ length: 6 }, () => renderer.render({ format: 'pdf', printable: PRINTABLE })));
      const refused = outcomes.filter((outcome) => outcome.status === 'rejected').map((outcome) => outcome.reason as DomainError);
      expect(refused.length).toBeGreaterThan(0);
      expect(outcomes.length - refused.length).toBeGreaterThan(0);
      for (const error of refused) {
        expect(error).toBeInstanceOf(DomainError);
        expect([error.statusCode, error.message]).toEqual([503, 'Many documents are being made just now: try again in a minute']);
      }
      expect((await renderer.render({ format: 'pdf', printable: PRINTABLE })).subarray(0, 5).toString()).toBe('%PDF-');
    } finally {
      await renderer.onApplicationShutdown();
    }
  });
});
