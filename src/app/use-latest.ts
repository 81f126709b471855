// The newest value, readable from a callback that an earlier render handed out. Ink re-subscribes
// key handlers in an effect, after the render: a key arriving in between must still see the new state.
import { useRef } from 'react';

export function useLatest<T>(value: T): { readonly current: T } {
  const ref = useRef(value);
  ref.current = value;
  return ref;
}
