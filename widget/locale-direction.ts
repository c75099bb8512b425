/** Languages written right to left: the widget runs its text that way for them. */
const RTL = /^(ar|he|fa|ur|ps|yi|dv|ckb)$/i;

export function isRightToLeft(tag: string | undefined): boolean {
  return RTL.test((tag ?? '').split('-')[0]!);
}
