/** The text search of the contacts and submissions lists. */

/** LIKE treats % and _ as wildcards; a search for them means the characters themselves. */
export function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
