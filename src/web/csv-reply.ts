import type { FastifyReply } from 'fastify';

/** A download: CSV as Excel opens it, saved under `filename`, never cached (it holds plans). */
export function csvReply(reply: FastifyReply, file: { filename: string; csv: string }): FastifyReply {
  return reply
    .code(200)
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${file.filename}"`)
    .header('cache-control', 'no-store')
    .send(file.csv);
}
