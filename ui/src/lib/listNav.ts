// Keyboard movement in a one-tab-stop list: arrows or j/k move, Home/End jump.
// Returns the new active index, or null when the key is not a movement key.
export function moveIndex(current: number, key: string, length: number): number | null {
  if (length === 0) return null;
  const last = length - 1;
  switch (key) {
    case "ArrowDown":
    case "j":
      return Math.min(current + 1, last);
    case "ArrowUp":
    case "k":
      return Math.max(current - 1, 0);
    case "Home":
      return 0;
    case "End":
      return last;
    default:
      return null;
  }
}
