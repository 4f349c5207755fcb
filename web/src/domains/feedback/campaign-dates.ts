// Deadlines are days in the viewer's time zone on screen and instants (ISO 8601) on the wire.
/** YYYY-MM-DD from a date input → the end of that day in the viewer's time zone, as ISO 8601. */
export const endOfDay = (day: string): string => new Date(`${day}T23:59:00`).toISOString();
/** ISO 8601 → YYYY-MM-DD of that moment in the viewer's time zone (the value of a date input). */
export const localDay = (iso: string): string => {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};
