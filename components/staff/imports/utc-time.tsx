/** An instant in UTC to the second, "2026-11-22 07:23:22 UTC", in a <time> element. */
export function UtcTime({ date }: { date: Date }) {
  const iso = date.toISOString();
  return <time dateTime={iso}>{`${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`}</time>;
}
