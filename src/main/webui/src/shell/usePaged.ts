import { useEffect, useState } from 'preact/hooks';

export interface Paged<T> {
  items?: T[];
  total?: number;
}

/**
 * One page of a server-paged list, fetched again when the offset or any of {@code deps} changes; an
 * answer that arrives after the user moved on is dropped.
 */
export function usePaged<T>(fetchPage: (offset: number) => Promise<Paged<T>>, deps: unknown[]) {
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<Paged<T> | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    fetchPage(offset)
      .then((p) => live && (setPage(p), setError(null)))
      .catch((e) => live && setError(e));
    return () => {
      live = false;
    };
  }, [offset, ...deps]);
  return { offset, setOffset, page, error };
}
