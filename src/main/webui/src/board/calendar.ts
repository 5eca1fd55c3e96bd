import { accessToken } from '../shell/auth';

/** Downloads a meeting's .ics (the endpoint wants the bearer token, so a plain link cannot fetch it). */
export async function downloadIcs(meetingId: string, filename: string): Promise<void> {
  const response = await fetch(`/api/meetings/${meetingId}/calendar.ics`, {
    headers: { Authorization: `Bearer ${accessToken() ?? ''}` },
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const url = URL.createObjectURL(await response.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A local date-time input's value ("2026-12-06T14:30") as an instant. */
export function localInputToIso(value: string): string {
  return new Date(value).toISOString();
}

/** An instant as a local date-time input's value, to the minute. */
export function isoToLocalInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
