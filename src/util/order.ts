// Locale-independent ordering: String#localeCompare follows the machine's locale, and reports
// must be byte-identical everywhere, so we compare UTF-16 code units.

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function byKey<T>(key: (value: T) => string): (a: T, b: T) => number {
  return (a, b) => compareStrings(key(a), key(b));
}
