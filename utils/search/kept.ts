/**
 * Caches held to a size. A Map keeps insertion order, so its first entries are the ones put in
 * (or, through `recall`, used) longest ago: they make room for new ones.
 */

/** An entry, moved to the end: it was used just now. */
export function recall<V>(map: Map<string, V>, key: string): V | undefined {
  const value = map.get(key);
  if (value !== undefined) {
    map.delete(key);
    map.set(key, value);
  }
  return value;
}

/** Puts an entry in, letting the oldest go so that at most `keep` are held; returns the value. */
export function remember<V>(map: Map<string, V>, key: string, value: V, keep: number): V {
  map.delete(key);
  for (const old of map.keys()) {
    if (map.size < keep) break;
    map.delete(old);
  }
  map.set(key, value);
  return value;
}
