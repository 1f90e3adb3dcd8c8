/** `memo`'s value for `key`, computed and kept when missing; a memo that reaches `limit` entries starts afresh. */
export function remember<V>(memo: Map<string, V>, limit: number, key: string, compute: () => V): V {
  let value = memo.get(key)
  if (value === undefined) {
    value = compute()
    if (memo.size >= limit) memo.clear()
    memo.set(key, value)
  }
  return value
}
