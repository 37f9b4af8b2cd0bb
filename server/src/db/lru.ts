/**
 * `make(key)`, remembered for the `size` keys used most recently: the statement cache of a SQLite
 * connection, the PostgreSQL translation of a query's SQL. Hand-written because it is eight lines over a
 * `Map` (which keeps insertion order, so its first key is the one used least recently).
 */
export function lruMemo<V>(make: (key: string) => V, size = 500): (key: string) => V {
  const cache = new Map<string, V>();
  return (key) => {
    let value = cache.get(key);
    if (value !== undefined) cache.delete(key);
    else {
      value = make(key);
      if (cache.size >= size) cache.delete(cache.keys().next().value!);
    }
    cache.set(key, value);
    return value;
  };
}
