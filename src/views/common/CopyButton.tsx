import React from 'react';
import { Button } from '@twilio-paste/core/button';
import { CopyIcon } from '@twilio-paste/icons/esm/CopyIcon';

import { copyText } from './clipboard';
import { useStrings } from '../../strings';

interface CopyButtonProps {
  /** What lands on the clipboard. */
  text: string;
  /** Names the value for the button's accessible name and the feedback. */
  label: string;
  onCopied: (message: string) => void;
  disabled?: boolean;
}

/** Icon button that copies one value and reports the outcome through `onCopied`. */
export function CopyButton({ text, label, onCopied, disabled = false }: CopyButtonProps): JSX.Element {
  const t = useStrings();
  const copy = async () => {
    const copied = await copyText(text);
    onCopied(copied ? t('PolyaiContextCopied', { label }) : t('PolyaiContextCopyFailed'));
  };
  return (
    <Button variant="secondary_icon" size="icon_small" onClick={copy} disabled={disabled} aria-label={t('PolyaiContextCopyValue', { label })}>
      <CopyIcon decorative />
    </Button>
  );
}
