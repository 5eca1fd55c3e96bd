/**
 * A board meeting's agenda while it is being planned: the consults in the order they will be discussed,
 * reordered by dragging one onto another's place or by moving it one step with the keyboard.
 */

/** The list with the item at {@code from} moved to index {@code to} (clamped); the same list when nothing moves. */
export function move<T>(list: readonly T[], from: number, to: number): T[] {
  const target = Math.max(0, Math.min(list.length - 1, to));
  if (from < 0 || from >= list.length || from === target) return [...list];
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(target, 0, item);
  return next;
}

/** The list with {@code item} added at the end, unless it is on it already. */
export function add<T>(list: readonly T[], item: T): T[] {
  return list.includes(item) ? [...list] : [...list, item];
}

/** The list without {@code item}. */
export function remove<T>(list: readonly T[], item: T): T[] {
  return list.filter((x) => x !== item);
}
