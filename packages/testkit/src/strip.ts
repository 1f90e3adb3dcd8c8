/** A deep copy without `position` keys: for comparing models from different inputs. */
export function stripPositions<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (key, item: unknown) => (key === 'position' ? undefined : item))) as T
}
