/** The keys ticked in a property-pane checkbox group kept as `{ key: true }` (empty: show all). */
export function tickedKeys(filter: Record<string, boolean> | undefined): string[] {
  return filter ? Object.keys(filter).filter((key) => filter[key]) : [];
}
