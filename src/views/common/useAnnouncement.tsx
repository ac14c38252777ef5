import React, { useCallback, useEffect, useRef, useState } from 'react';
import { Text } from '@twilio-paste/core/text';

const CLEAR_AFTER_MS = 4000;

/**
 * A short visible message in a polite live region ("Merchant copied to the clipboard"), so sighted and
 * screen-reader users get the same feedback. Cleared after a few seconds and on unmount.
 */
export function useAnnouncement(): { announce: (message: string) => void; region: JSX.Element } {
  const [message, setMessage] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(timer.current), []);
  const announce = useCallback((next: string) => {
    clearTimeout(timer.current);
    setMessage(next);
    timer.current = setTimeout(() => setMessage(''), CLEAR_AFTER_MS);
  }, []);
  const region = (
    <Text as="p" role="status" aria-live="polite" color="colorTextWeak" fontSize="fontSize20" margin="space0">
      {message}
    </Text>
  );
  return { announce, region };
}
