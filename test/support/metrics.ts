/** The metrics token the tests turn /metrics on with. */
export const TOKEN = 'metrics-e2e-token-0123456789abcdefghij';

/** The value of one series in Prometheus text, or undefined when it is not there. */
export function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((each) => each.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}
