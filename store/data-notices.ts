// Problems found in data files while reading them (a file set aside, a file ignored), told to whoever listens:
// the command line prints each as one warning line, in one place for every command. Without a listener the
// caller gets them in what it returns (Store.quarantined), as the app shows them in its feed.
export interface DataNotice {
  /** the file it is about, when it is about one */
  path?: string;
  /** one line for the user, naming the file */
  message: string;
}

export type DataNoticeListener = (notice: DataNotice) => void;

const listeners = new Set<DataNoticeListener>();

/** Hears every notice from now on; returns what stops it. */
export function onDataNotice(listener: DataNoticeListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Tells the listeners; true when one heard it (then the caller need not show it again). */
export function tellDataNotice(notice: DataNotice): boolean {
  for (const listener of listeners) listener(notice);
  return listeners.size > 0;
}
