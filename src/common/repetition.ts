/** The text is one shorter piece said again and again ("abcabc", "aaaa"): easy to guess however long. */
export function isRepetition(text: string): boolean {
  for (let unit = 1; unit <= text.length / 2; unit++) {
    if (text.length % unit === 0 && text.slice(0, unit).repeat(text.length / unit) === text) return true;
  }
  return false;
}
