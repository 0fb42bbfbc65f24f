/** A timeline entry as the API sends it; shared with the browser. */
export interface TimelineEvent {
  at: string;
  by: string;
  role: string;
  action: string;
  from?: string;
  to?: string;
  note?: string;
}
