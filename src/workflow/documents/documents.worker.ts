import { renderDocx } from './docx';
import { renderPdf } from './pdf';
import type { Printable } from './printable';

/** What the main thread asks a worker for: a printable, rendered in a format. */
export interface RenderTask {
  format: 'pdf' | 'docx';
  printable: Printable;
}

/** A worker thread's task (Piscina): the document's bytes, made away from the event loop that answers requests. */
export default async function render(task: RenderTask): Promise<Uint8Array> {
  return task.format === 'docx' ? renderDocx(task.printable) : renderPdf(task.printable);
}
