import React from 'react';
import { Card } from '@twilio-paste/core/card';
import { Heading } from '@twilio-paste/core/heading';

interface SectionProps {
  /** Stable id: names the section for assistive tech and tests. */
  id: string;
  title: string;
  children: React.ReactNode;
}

/** One titled Paste card; a labelled region so screen readers can jump between sections. */
export function Section({ id, title, children }: SectionProps): JSX.Element {
  const headingId = `polyai-context-${id}-heading`;
  return (
    <Card padding="space50" element="POLYAI_CONTEXT_SECTION">
      <section aria-labelledby={headingId} data-testid={`polyai-section-${id}`}>
        <Heading as="h3" variant="heading40" id={headingId}>
          {title}
        </Heading>
        {children}
      </section>
    </Card>
  );
}
