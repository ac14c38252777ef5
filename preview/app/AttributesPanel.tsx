import React, { useState } from 'react';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { Heading } from '@twilio-paste/core/heading';
import { HelpText } from '@twilio-paste/core/help-text';
import { Label } from '@twilio-paste/core/label';
import { Paragraph } from '@twilio-paste/core/paragraph';
import { Option, Select } from '@twilio-paste/core/select';
import { TextArea } from '@twilio-paste/core/textarea';

import { SAMPLE_TASKS } from './tasks';

const pretty = (value: unknown) => JSON.stringify(value, null, 2);

/** TaskRouter task attributes are a JSON object: anything else is reported, never shown. */
export function readAttributes(text: string): { attributes: Record<string, unknown> } | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { error: `Not valid JSON: ${(error as Error).message}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { error: 'Task attributes must be a JSON object, e.g. {"polyai": {"data": {…}}}.' };
  }
  return { attributes: value as Record<string, unknown> };
}

/**
 * The admin's debugging tool: paste the attributes a Studio flow gave a task (or start from a sample)
 * and see the task exactly as an agent would, through the same canvas and plugin.
 */
export function AttributesPanel({ onShow }: { onShow: (attributes: Record<string, unknown>) => void }): JSX.Element {
  const [sampleId, setSampleId] = useState(SAMPLE_TASKS[0].id);
  const [text, setText] = useState(() => pretty(SAMPLE_TASKS[0].attributes));
  const [error, setError] = useState<string | null>(null);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const result = readAttributes(text);
    if ('error' in result) setError(result.error);
    else {
      setError(null);
      onShow(result.attributes);
    }
  };
  const loadSample = () => {
    const sample = SAMPLE_TASKS.find((task) => task.id === sampleId);
    if (sample) setText(pretty(sample.attributes));
    setError(null);
  };

  return (
    <Box as="form" onSubmit={submit} padding="space50" display="flex" flexDirection="column" rowGap="space40">
      <Box>
        <Heading as="h2" variant="heading40">
          Try task attributes
        </Heading>
        <Paragraph marginBottom="space0">Paste the attributes a Studio flow gave a task and see what the agent sees.</Paragraph>
      </Box>
      <Box>
        <Label htmlFor="preview-sample">Start from a sample</Label>
        <Box display="flex" columnGap="space30">
          <Select id="preview-sample" value={sampleId} onChange={(event) => setSampleId(event.target.value)}>
            {SAMPLE_TASKS.map((task) => (
              <Option key={task.id} value={task.id}>
                {task.description}
              </Option>
            ))}
          </Select>
          <Button variant="secondary" onClick={loadSample}>
            Load
          </Button>
        </Box>
      </Box>
      <Box>
        <Label htmlFor="preview-attributes" required>
          Task attributes (JSON)
        </Label>
        {/* Paste's TextArea grows with its text: the wrapper keeps the submit button in view. */}
        <Box maxHeight="55vh" overflowY="auto" padding="space10">
          <TextArea
            id="preview-attributes"
            value={text}
            onChange={(event) => setText(event.target.value)}
            hasError={error !== null}
            aria-describedby="preview-attributes-help"
            resize="vertical"
            spellCheck={false}
          />
        </Box>
        <HelpText id="preview-attributes-help" variant={error ? 'error' : 'default'}>
          {error ?? 'A JSON object, as TaskRouter stores it.'}
        </HelpText>
      </Box>
      <Box>
        <Button variant="primary" type="submit">
          Show as the agent sees it
        </Button>
      </Box>
    </Box>
  );
}
